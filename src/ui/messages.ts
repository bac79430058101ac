/**
 * The message catalogue: one entry per key the engine returns (plan, scale checks)
 * and the plan's UI labels, in Chinese and English. `{name}` is replaced by values.
 */
import type { PlanMessage, PlanResult } from '../analysis/plan/plan-types';
import { fieldOf, labelOfEnum } from '../data/schema';

type Lang = 'zh' | 'en';
const M: Record<string, { zh: string; en: string }> = {
  'plan.targetMissing': { zh: '项目 {id} 指向的幼儿园“{kg}”不存在，未计入', en: 'Project {id} names kindergarten “{kg}”, which does not exist; ignored' },
  'plan.birthsMissing': { zh: '{street} 的本地出生人口缺少 {year} 年所需年份，改用全国出生人口推算', en: 'Local births of {street} lack years needed for {year}; national births used' },
  'plan.nationalBirthsMissing': { zh: '全国出生人口缺少 {year} 年所需年份，按基准人数推算', en: 'National births lack years needed for {year}; data-year children used' },
  'scale.finishBeforeStart': { zh: '竣工年（{finish}）早于开工年（{start}）', en: 'Finish year ({finish}) before start year ({start})' },
  'scale.closureWithPlaces': { zh: '关停项目的建成后学位应为 0（现为 {places}）', en: 'A closure should have 0 places after (has {places})' },
  'scale.noTarget': { zh: '未填写所涉幼儿园编号', en: 'No kindergarten ID given' },
  'scale.tooManyClasses': { zh: '{classes} 个班，超过一般上限 {max} 个班（GB 50180-2018，未核实）', en: '{classes} classes, above the usual maximum of {max} (GB 50180-2018, unverified)' },
  'scale.placesVsClasses': { zh: '{classes} 个班按每班 30 人应为 {expected} 个学位（现为 {places}）', en: '{classes} classes × 30 = {expected} places (given {places})' },
  'scale.landTooSmall': { zh: '占地 {land}㎡ 小于 {classes} 班所需 {need}㎡（哈尔滨 2019；8 班以上 ≥9㎡/学位，GB 50180-93）', en: 'Land {land} m² below the {need} m² a {classes}-class kindergarten needs' },
  'scale.suppliesAfterPlan': { zh: '{year} 年起才提供学位，晚于规划期末 {end} 年（请提前开工或竣工）', en: 'Supplies places only from {year}, after the plan ends in {end}' },
  'scale.landMissing': { zh: '未填写占地面积', en: 'Land area missing' },
  'event.opens': { zh: '投用', en: 'opens' },
  'event.offline': { zh: '停用施工', en: 'offline (works)' },
  'event.closes': { zh: '关停', en: 'closes' },
  'event.converts': { zh: '转为普惠/公办', en: 'converts' },
  'event.expands': { zh: '扩建投用', en: 'expansion opens' },
  'rate.gross_enrolment_rate': { zh: '毛入园率', en: 'Gross enrolment' },
  'rate.inclusive_coverage': { zh: '普惠覆盖率', en: 'Inclusive coverage' },
  'rate.public_share': { zh: '公办占比', en: 'Public share' },
  'basis.births': { zh: '{year} 年（由 {dataYear} 年普查按出生人口推算）', en: '{year} (from the {dataYear} census, carried forward by births)' },
  'basis.census': { zh: '{year} 年（采用 {dataYear} 年普查幼儿数）', en: '{year} (children as counted in the {dataYear} census)' },
  'basis.projected': { zh: '{year} 年（预测：由 {dataYear} 年普查按出生人口推算）', en: '{year} (projected from the {dataYear} census by births)' },
  'basis.perThousand': { zh: '，需求按千人指标', en: ', demand per 1,000 residents' },
  'basis.short.births': { zh: '出生推算', en: 'by births' },
  'basis.short.census': { zh: '普查口径', en: 'census' },
  'method.births': { zh: '出生人口推算', en: 'from births' },
  'method.per_thousand': { zh: '千人指标', en: 'per 1,000 residents' },
  'ledger.refuse.same': { zh: '状态未改变（已是“{from}”）', en: 'Status unchanged (already “{from}”)' },
  'ledger.refuse.backward': { zh: '不能从“{from}”退回“{to}”；若是误录，请用“撤销”撤回上一步', en: 'Cannot go back from “{from}” to “{to}”; undo the last change if it was a mistake' },
  'ledger.refuse.openBeforeHandover': { zh: '“{from}”的配套园尚未移交，不能登记为“{to}”：请先登记“已移交”', en: 'Not handed over yet (“{from}”): record “handed over” before “{to}”' },
  'ledger.refuse.rectifyFirst': { zh: '“{from}”的配套园须先整改，登记“已整改”后才能登记为“{to}”', en: '“{from}” must be rectified before it can open as “{to}”' },
  'ledger.refuse.rectifyWhat': { zh: '只有“挪作他用”或“营利性”的配套园才能登记为“已整改”（现为“{from}”）', en: 'Only misused or for-profit kindergartens can be rectified (now “{from}”)' },
  'ledger.refuse.delayWhat': { zh: '只有已规划或在建的项目才能登记“缓建/停建”（现为“{from}”）', en: 'Only planned or building projects can be delayed (now “{from}”)' },
  'ledger.refuse.notBuilt': { zh: '配套园尚未建成（“{from}”），不能登记为“{to}”', en: 'Not built yet (“{from}”): cannot be “{to}”' },
  'ledger.refuse.notAllowed': { zh: '不能从“{from}”直接改为“{to}”', en: 'Cannot change from “{from}” to “{to}”' },
  'ledger.skips': { zh: '跳过了 {skipped}，请在备注中说明', en: 'Skips {skipped}; explain in the note' },
  'ledger.noteRequired': { zh: '从“{from}”改为“{to}”需要填写备注（原因、依据或文号）', en: 'A note is required for “{from}” → “{to}” (reason, basis or document no.)' },
  'ledger.undoRowMissing': { zh: '无法撤销：小区“{id}”已不在台账中', en: 'Cannot undo: community “{id}” is no longer in the ledger' },
  'ledger.undoMismatch': { zh: '无法撤销：小区“{id}”的 {field} 现为“{now}”，与变更记录（“{expected}”）不符，撤销会覆盖之后的修改', en: 'Cannot undo: {field} of “{id}” is “{now}”, not “{expected}” as recorded' },
  'ledger.undoBadValue': { zh: '无法撤销：变更记录中小区“{id}”的 {field} 原值“{value}”不是有效的值', en: 'Cannot undo: the recorded value “{value}” of {field} (“{id}”) is not valid' },
  'ledger.import.refused': { zh: '第 {row} 行（小区“{id}”）：{reason}', en: 'Row {row} (“{id}”): {reason}' },
  'ledger.dateInvalid': { zh: '日期“{date}”无效，应为 YYYY-MM-DD', en: 'Invalid date “{date}” (YYYY-MM-DD)' },
  'ledger.dateFuture': { zh: '日期 {date} 晚于今天（{today}），不能登记未来的变更', en: 'Date {date} is after today ({today})' },
  'ledger.dateBeforeLast': { zh: '日期 {date} 早于该小区上一次变更（{last}），变更须按时间顺序登记', en: 'Date {date} is before this community’s last change ({last})' },
  'ledger.nameRequired': { zh: '请填写记录人姓名（每台浏览器只需填写一次）', en: 'Type your name (once per browser)' },
  'ledger.noSuchCommunity': { zh: '小区“{id}”不存在', en: 'No community “{id}”' },
  'warn.tab': { zh: '学位预警', en: 'Place warnings' },
  'warn.level.red': { zh: '红色', en: 'Red' },
  'warn.level.yellow': { zh: '黄色', en: 'Yellow' },
  'warn.level.green': { zh: '绿色', en: 'Green' },
  'warn.levelName.red': { zh: '学位不足', en: 'short of places' },
  'warn.levelName.yellow': { zh: '学位紧张', en: 'places tight' },
  'warn.levelName.green': { zh: '学位充足', en: 'enough places' },
  'warn.reason.short': { zh: '缺口 {gap} 个学位', en: 'short by {gap} places' },
  'warn.reason.high_use': { zh: '使用率 {pct}%，超过 {threshold}%', en: 'utilisation {pct}% above {threshold}%' },
  'warn.reason.short_ahead': { zh: '{year} 年将缺 {gap} 个学位', en: 'short by {gap} places in {year}' },
  'warn.reason.ok': { zh: '使用率 {pct}', en: 'utilisation {pct}' },
  'warn.rule.red': { zh: '红色（学位不足）：学位数小于学位需求，即当年出现缺口', en: 'Red (short): places below demand — a gap that year' },
  'warn.rule.yellow': { zh: '黄色（学位紧张）：学位使用率（需求 ÷ 学位）超过 {pct}%，或 {years} 年内将出现缺口', en: 'Yellow (tight): utilisation (demand ÷ places) above {pct}%, or a gap within {years} years' },
  'warn.rule.green': { zh: '绿色（学位充足）：其余情况', en: 'Green (enough): otherwise' },
  'warn.param.utilisation': { zh: '黄色：使用率超过（%）', en: 'Yellow: utilisation above (%)' },
  'warn.param.lead': { zh: '黄色：提前预警年数', en: 'Yellow: years ahead' },
  'warn.default': { zh: '本系统默认', en: 'default of this tool' },
  'warn.source': { zh: '依据', en: 'Source' },
  'warn.street': { zh: '街道（镇）', en: 'Sub-district' },
  'warn.year': { zh: '年份', en: 'Year' },
  'warn.places': { zh: '学位（个）', en: 'Places' },
  'warn.demand': { zh: '学位需求（个）', en: 'Demand' },
  'warn.gap': { zh: '缺口（个）', en: 'Gap' },
  'warn.utilisation': { zh: '使用率', en: 'Utilisation' },
  'warn.level': { zh: '预警等级', en: 'Level' },
  'warn.reasons': { zh: '原因', en: 'Reasons' },
  'warn.counts': { zh: '{year}：红色 {red} 个、黄色 {yellow} 个、绿色 {green} 个', en: '{year}: {red} red, {yellow} yellow, {green} green' },
  'warn.method': { zh: '学位需求采用{method}（规划方案“{scenario}”，人口图层年份 {dataYear}）；数字与“逐年供需”一致。', en: 'Demand {method} (scenario “{scenario}”, population layer year {dataYear}); figures as in “Year by year”.' },
  'warn.exportDocx': { zh: '导出预警通报（Word）', en: 'Export notice (Word)' },
  'warn.exportXlsx': { zh: '导出 Excel', en: 'Export Excel' },
  'warn.exporting': { zh: '正在生成…', en: 'Generating…' },
  'warn.title': { zh: '{district}{first}—{last}年幼儿园学位预警', en: '{district} kindergarten place warnings {first}–{last}' },
  'warn.intro': {
    zh: '根据十五五幼儿园布局规划方案“{scenario}”，按{method}测算 {first}—{last} 年各街道（镇）幼儿园学位供需，现将学位预警情况通报如下。',
    en: 'From the five-year plan scenario “{scenario}” with demand {method}, places and demand per sub-district {first}–{last} are assessed as follows.',
  },
  'warn.h.rules': { zh: '一、预警规则', en: '1. Rules' },
  'warn.h.overview': { zh: '二、总体情况', en: '2. Overview' },
  'warn.h.table': { zh: '三、各街道（镇）预警等级', en: '3. Level per sub-district' },
  'warn.h.detail': { zh: '四、红色、黄色预警街道（镇）', en: '4. Red and yellow sub-districts' },
  'warn.h.notes': { zh: '五、有关说明', en: '5. Notes' },
  'warn.none': { zh: '规划期内各街道（镇）均为绿色预警。', en: 'Every sub-district is green in every year.' },
  'warn.detailLine': { zh: '{year} 年{level}预警：学位 {places} 个，需求 {demand} 个，{reasons}。', en: '{year} {level}: {places} places, demand {demand}; {reasons}.' },
  'warn.note.gap': { zh: '缺口为各街道（镇）学位需求减学位数（不足部分），各街道之间不相互抵补；学位按规划项目竣工后第 {lag} 年起计入。', en: 'A gap is demand minus places per sub-district (never netted between them); a project supplies from its finish year + {lag}.' },
  'warn.note.generated': { zh: '本通报由“学位规划”系统根据当前数据生成，生成日期 {date}；{generated}', en: 'Generated by 学位规划 on {date}; {generated}' },
  'warn.note.sample': { zh: '数据含生成的示例数据，仅供演示。', en: 'the data are partly generated, for demonstration.' },
  'warn.note.real': { zh: '数据以各单位核实为准。', en: 'figures subject to verification.' },
  'warn.sheet.matrix': { zh: '预警等级', en: 'Levels' },
  'warn.sheet.detail': { zh: '明细', en: 'Detail' },
  'warn.sheet.rules': { zh: '预警规则', en: 'Rules' },
  'warn.base': { zh: '（基准）', en: ' (base)' },
  'warn.computing': { zh: '正在计算规划年份…', en: 'Computing the plan years…' },
  'warn.total': { zh: '合计（红/黄/绿）', en: 'Total (red/yellow/green)' },
  'warn.cellHint': { zh: '格内为“学位 / 学位需求”；点击一格跳到该年份。', en: 'Cells show places / demand; click one to go to that year.' },
  'warn.failed': { zh: '导出失败', en: 'Export failed' },
  'warn.summary': { zh: '预警规则：红色 = 学位 < 需求；黄色 = 使用率 > {pct}% 或 {years} 年内出现缺口（本系统默认）；绿色 = 其余。', en: 'Rules: red = places < demand; yellow = utilisation > {pct}% or a gap within {years} years (tool default); green = otherwise. ' },
  'compare.yearOf': { zh: '{year} 年', en: '{year}' },
  'print.open': { zh: '打印排版…', en: 'Print layout…' },
  'print.title': { zh: '打印排版（PDF）', en: 'Print layout (PDF)' },
  'print.docTitle': { zh: '标题', en: 'Title' },
  'print.subtitle': { zh: '副标题', en: 'Subtitle' },
  'print.paper': { zh: '纸张', en: 'Paper' },
  'print.orientation': { zh: '方向', en: 'Orientation' },
  'print.landscape': { zh: '横向', en: 'Landscape' },
  'print.portrait': { zh: '纵向', en: 'Portrait' },
  'print.map': { zh: '地图', en: 'Map' },
  'print.flag.legend': { zh: '图例', en: 'Legend' },
  'print.flag.scaleBar': { zh: '比例尺', en: 'Scale bar' },
  'print.flag.northArrow': { zh: '指北针', en: 'North arrow' },
  'print.flag.cards': { zh: '指标卡', en: 'KPI cards' },
  'print.flag.chart': { zh: '图表', en: 'Chart' },
  'print.flag.source': { zh: '数据来源与制图日期', en: 'Source and date' },
  'print.hint': { zh: '地图按当前视图截取（图层、年份、方案与地图上一致）；指标卡与图表为现状，或规划年份与基准年的对比。', en: 'The map is the current view; cards and chart show the present, or the plan year against the base year.' },
  'print.make': { zh: '生成 PDF', en: 'Make PDF' },
  'print.busy': { zh: '正在生成…', en: 'Generating…' },
  'print.failed': { zh: '生成失败', en: 'Failed' },
  'print.defaultTitle': { zh: '{district}幼儿园布局现状图', en: '{district}: kindergartens today' },
  'print.defaultTitlePlan': { zh: '{district}{year}年幼儿园布局规划图（{scenario}）', en: '{district}: kindergartens in {year} ({scenario})' },
  'compare.split': { zh: '并排地图对比', en: 'Side-by-side maps' },
  'compare.splitOff': { zh: '关闭并排地图', en: 'Close side-by-side maps' },
  'compare.splitHint': { zh: '左半为 A、右半为 B，两图联动（平移、缩放同步）；橙色圈 = 仅 A 有，紫色圈 = 仅 B 有', en: 'A on the left, B on the right, moving together; orange ring = only in A, purple = only in B' },
};

/** Ledger statuses named in messages ({from}, {to}, {skipped}) are shown by their labels. */
const STATUS_FIELD = fieldOf('communities', 'supporting_kg_status');
const showValue = (lang: Lang, k: string, v: string | number): string =>
  (k === 'from' || k === 'to' || k === 'skipped') && typeof v === 'string' && v !== ''
    ? v
        .split(',')
        .map((x) => labelOfEnum(STATUS_FIELD, x, lang) || x)
        .join(lang === 'zh' ? '、' : ', ')
    : String(v);

/** The text of a key in a language, with `{name}` values filled in; the key itself when unknown. */
export function msg(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  const e = M[key];
  const text = e ? e[lang] : key;
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => (k in values ? showValue(lang, k, values[k]) : `{${k}}`));
}

/**
 * The data year and method behind a figure: "2025 年（由 2020 年普查按出生人口推算）".
 * Later years are projections whatever the base basis.
 */
export function describeBasis(lang: Lang, plan: Pick<PlanResult, 'dataYear' | 'demandBasis' | 'settings'>, year: number): string {
  const v = { year, dataYear: plan.dataYear };
  const key = year > plan.settings.baseYear ? 'basis.projected' : plan.demandBasis === 'census' ? 'basis.census' : 'basis.births';
  return msg(lang, key, v) + (plan.settings.demand.method === 'per_thousand' ? msg(lang, 'basis.perThousand') : '');
}

export function msgOf(lang: Lang, m: PlanMessage): string {
  return msg(lang, m.key, m.values);
}

/** Keys of the catalogue (tests check every key the engine can return is here). */
export const MESSAGE_KEYS: readonly string[] = Object.keys(M);
