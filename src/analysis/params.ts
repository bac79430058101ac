/**
 * Default analysis parameters, each with its source (shared planning-standards.md),
 * the 配套园 rule tables, and parameter validation.
 */
import type { AnalysisParams, ParamSource, SupportingKgRuleTable } from './types';
import { DEFAULT_ESCALATION } from './ledger/escalation';

/** 海南 2019: ≥5,000 residents → 6 classes, ≥9,000 → 9, ≥12,000 → 12. */
export const RULE_TABLE_HAINAN_2019: SupportingKgRuleTable = {
  id: 'hainan-2019',
  labelZh: '海南 2019（按常住人口）',
  basis: 'residents',
  rules: [
    { op: '>=', min: 5000, classes: 6, sourceZh: '海南 2019' },
    { op: '>=', min: 9000, classes: 9, sourceZh: '海南 2019' },
    { op: '>=', min: 12000, classes: 12, sourceZh: '海南 2019' },
  ],
  sourceZh: '海南省 2019 年城镇小区配套幼儿园规定（地方标准）',
  verified: true,
};

/**
 * 榆林 (households): ≥500 → 6 classes (500–1,000), ≥1,000 → 9 (1,000–1,500), >1,500 → 12.
 * Boundaries are our reading of "500–1,000 / 1,000–1,500 / >1,500": 1,000 → 9, 1,500 → 9.
 */
export const RULE_TABLE_YULIN: SupportingKgRuleTable = {
  id: 'yulin',
  labelZh: '榆林（按户数）',
  basis: 'households',
  rules: [
    { op: '>=', min: 500, classes: 6, sourceZh: '榆林' },
    { op: '>=', min: 1000, classes: 9, sourceZh: '榆林' },
    { op: '>', min: 1500, classes: 12, sourceZh: '榆林' },
  ],
  sourceZh: '榆林市城镇小区配套幼儿园规定（地方标准；区间端点归属为本工具的解读）',
  verified: true,
};

/** The rule tables offered in the UI (default first). */
export const RULE_TABLES: readonly SupportingKgRuleTable[] = [RULE_TABLE_HAINAN_2019, RULE_TABLE_YULIN];

/** Placeholder "today" of defaultAnalysisParams(); callers should pass the real date. */
export const DEFAULT_AS_OF_DATE = '2026-01-01';

/**
 * Default parameters. `asOfDate` (ISO) should be today's date, passed by the caller
 * (the engine never reads the clock); without it a fixed placeholder is used.
 * Sources: PARAM_SOURCES.
 */
export function defaultAnalysisParams(asOfDate: string = DEFAULT_AS_OF_DATE): AnalysisParams {
  return {
    radiusM: 300,
    decay: 'gaussian',
    statusThresholds: { green: 1, amber: 0.8 },
    ruleTable: structuredClone(RULE_TABLE_HAINAN_2019),
    handoverMonths: 3,
    asOfDate,
    escalationOrangeDays: DEFAULT_ESCALATION.orangeDays,
    escalationRedDays: DEFAULT_ESCALATION.redDays,
    indicatorThresholds: {
      grossEnrolmentRatePct: 85,
      inclusiveCoveragePct: 80,
      publicSharePct: 50,
      childrenPerStaffMax: 7,
      childrenPerCareStaffMax: 9,
      childrenPerTeacherMax: 15,
      classSizeMax: 30,
      classSizeCompliancePct: 85,
    },
    nearestMaxM: 3000,
  };
}

/** Walking speed for minutes (km/h): 5 km/h → the 300 m of the 5-minute circle ≈ 3.6 min. */
export const DEFAULT_WALK_SPEED_KMH = 5;
/** Farther than this from every path = not reachable on foot (m). */
export const DEFAULT_WALK_SNAP_MAX_M = 200;

/** Minutes of walking for a distance in metres at params.walkSpeedKmh. */
export function walkMinutes(distanceM: number, speedKmh: number = DEFAULT_WALK_SPEED_KMH): number {
  return distanceM / ((speedKmh * 1000) / 60);
}

/**
 * How a figure names its distance: "直线 300 米" or "步行路网 300 米（约 3.6 分钟，5 km/h）".
 * Inputs: the run's parameters (radius in metres, speed in km/h).
 */
export function distanceLabelZh(p: Pick<AnalysisParams, 'radiusM' | 'distanceMode' | 'walkSpeedKmh'>): string {
  if (p.distanceMode !== 'walking') return `直线 ${p.radiusM} 米`;
  const v = p.walkSpeedKmh ?? DEFAULT_WALK_SPEED_KMH;
  return `步行路网 ${p.radiusM} 米（约 ${walkMinutes(p.radiusM, v).toFixed(1)} 分钟，${v} km/h）`;
}

export function distanceLabelEn(p: Pick<AnalysisParams, 'radiusM' | 'distanceMode' | 'walkSpeedKmh'>): string {
  if (p.distanceMode !== 'walking') return `${p.radiusM} m straight line`;
  const v = p.walkSpeedKmh ?? DEFAULT_WALK_SPEED_KMH;
  return `${p.radiusM} m on the walking network (≈ ${walkMinutes(p.radiusM, v).toFixed(1)} min at ${v} km/h)`;
}

/** Alternative service radius offered next to the default (some local standards, JGJ 39-2016 300–500 m). */
export const ALTERNATIVE_RADIUS_M = 500;

/** Source of every default, keyed by the parameter's path in AnalysisParams. */
export const PARAM_SOURCES: Record<string, ParamSource> = {
  radiusM: {
    labelZh: '服务半径 300 m（可选 500 m）',
    sourceZh: 'GB 50180-2018（幼儿园属 5 分钟生活圈配套设施）；GB 50180-93 附录 A ≤300 m；500 m 见部分地方标准',
    verified: true,
  },
  decay: {
    labelZh: '2SFCA 距离衰减：高斯（同时计算均一形式）',
    sourceZh: '两步移动搜寻法文献（国内幼儿园研究多用高斯形式）；pysal/access',
    verified: true,
  },
  'statusThresholds.green': {
    labelZh: '供需比 R ≥ 1 为绿色（学位够用）',
    sourceZh: '本工具约定（可编辑）：A_i ≥ 1 即可及范围内学位充足',
    verified: false,
  },
  'statusThresholds.amber': {
    labelZh: '0.8 ≤ R < 1 为黄色，R < 0.8 为红色',
    sourceZh: '本工具约定（可编辑）',
    verified: false,
  },
  ruleTable: {
    labelZh: '配套园配建规则：海南 2019（可选榆林）',
    sourceZh: '海南 2019：≥5,000 人 6 班、≥9,000 人 9 班、≥12,000 人 12 班；榆林：≥500 户（500–1,000 户 6 班、1,000–1,500 户 9 班、>1,500 户 12 班）',
    verified: true,
  },
  handoverMonths: {
    labelZh: '竣工验收后 3 个月内移交',
    sourceZh: '青岛 2022（地方规定；国家文件仅要求“按时移交”）',
    verified: true,
  },
  escalationOrangeDays: {
    labelZh: '逾期 ≥ 30 天标橙色（不足 30 天为黄色）',
    sourceZh: '本工具约定（可编辑）：一个月未办结即升级督办',
    verified: false,
  },
  escalationRedDays: {
    labelZh: '逾期 ≥ 90 天标红色',
    sourceZh: '本工具约定（可编辑）：一个季度未办结即重点督办',
    verified: false,
  },
  asOfDate: {
    labelZh: '统计日期（判断逾期）',
    sourceZh: '由调用方传入当天日期；引擎不读取系统时钟',
    verified: true,
  },
  'indicatorThresholds.grossEnrolmentRatePct': {
    labelZh: '学前三年毛入园率 ≥ 85%',
    sourceZh: '教督〔2020〕1号（部分省份 90%）',
    verified: true,
  },
  'indicatorThresholds.inclusiveCoveragePct': {
    labelZh: '普惠性幼儿园覆盖率 ≥ 80%',
    sourceZh: '教督〔2020〕1号',
    verified: true,
  },
  'indicatorThresholds.publicSharePct': {
    labelZh: '公办园在园幼儿占比 ≥ 50%',
    sourceZh: '教督〔2020〕1号',
    verified: true,
  },
  'indicatorThresholds.childrenPerStaffMax': {
    labelZh: '教职工 : 幼儿 ≤ 1:7（每名教职工不超过 7 名幼儿）',
    sourceZh: '《幼儿园教职工配备标准（暂行）》2013（全日制 1:5–1:7）；“三比”为本工具的解读',
    verified: true,
  },
  'indicatorThresholds.childrenPerCareStaffMax': {
    labelZh: '保教人员 : 幼儿 ≤ 1:9',
    sourceZh: '《幼儿园教职工配备标准（暂行）》2013（全日制 1:7–1:9）；“三比”为本工具的解读',
    verified: true,
  },
  'indicatorThresholds.childrenPerTeacherMax': {
    labelZh: '专任教师 : 幼儿 ≤ 1:15',
    sourceZh: '教督〔2020〕1号（专任教师与幼儿比）',
    verified: true,
  },
  'indicatorThresholds.classSizeMax': {
    labelZh: '混龄班班额 ≤ 30 人',
    sourceZh: '《幼儿园工作规程》第十一条（2016）：小班 25、中班 30、大班 35、混合班 30',
    verified: true,
  },
  'indicatorThresholds.classSizeCompliancePct': {
    labelZh: '班额达标率 ≥ 85%',
    sourceZh: '县域学前教育普及普惠督导评估所见阈值（教督〔2020〕1号配套）',
    verified: false,
  },
  distanceMode: {
    labelZh: '距离：直线（默认）或步行路网',
    sourceZh: 'GB 50180-2018 以步行距离定义生活圈（5 分钟生活圈 300 m）；直线距离高估被河道、铁路、围墙阻隔处的覆盖',
    verified: true,
  },
  walkSpeedKmh: {
    labelZh: '步行速度 5 km/h（300 m ≈ 3.6 分钟）',
    sourceZh: 'GB 50180-2018 条文说明按居民步行速度约 5 km/h 折算生活圈距离（本工具取整；幼儿随家长步行可能更慢）',
    verified: false,
  },
  walkSnapMaxM: {
    labelZh: '距路网超过 200 m 的网格/幼儿园记为步行不可达',
    sourceZh: '本工具约定（可编辑）：点到最近道路的接入距离（同 GOAT 人工连接边）计入步行距离',
    verified: false,
  },
  nearestMaxM: {
    labelZh: '最近幼儿园搜索上限 3,000 m（超出记为“无”；0 = 只在服务半径内找，最快）',
    sourceZh: '本工具约定（显示用，不影响覆盖率）',
    verified: false,
  },
};

/** Problems with parameters, in Chinese; empty when valid. */
export function validateParams(p: AnalysisParams): string[] {
  const out: string[] = [];
  if (!(p.radiusM > 0) || !Number.isFinite(p.radiusM)) out.push(`服务半径应为正数（当前 ${p.radiusM}）`);
  if (p.decay !== 'uniform' && p.decay !== 'gaussian') out.push(`距离衰减应为 uniform 或 gaussian（当前 ${String(p.decay)}）`);
  const t = p.statusThresholds;
  if (!(t.amber >= 0) || !(t.green >= t.amber)) out.push('供需比阈值应满足 0 ≤ 黄色下限 ≤ 绿色下限');
  if (!(p.handoverMonths >= 0)) out.push('移交期限（月）应 ≥ 0');
  if (!(p.escalationOrangeDays > 0) || !(p.escalationRedDays >= p.escalationOrangeDays)) out.push('逾期分级天数应满足 0 < 橙色 ≤ 红色');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.asOfDate) || Number.isNaN(Date.parse(`${p.asOfDate}T00:00:00Z`))) {
    out.push(`统计日期应为 YYYY-MM-DD（当前 “${p.asOfDate}”）`);
  }
  if (!p.ruleTable || (p.ruleTable.basis !== 'residents' && p.ruleTable.basis !== 'households')) {
    out.push('配套园规则表的依据应为 residents 或 households');
  } else {
    for (const r of p.ruleTable.rules) {
      if (!Number.isFinite(r.min) || !(r.classes >= 0) || (r.op !== '>=' && r.op !== '>')) {
        out.push(`配套园规则无效：${r.op} ${r.min} → ${r.classes} 班`);
      }
    }
  }
  for (const [k, v] of Object.entries(p.indicatorThresholds)) {
    if (!Number.isFinite(v) || v < 0) out.push(`指标阈值 ${k} 无效（${v}）`);
  }
  if (!(p.nearestMaxM >= 0)) out.push('最近幼儿园搜索上限应 ≥ 0');
  if (p.distanceMode !== undefined && p.distanceMode !== 'straight' && p.distanceMode !== 'walking') out.push(`距离应为 straight 或 walking（当前 ${String(p.distanceMode)}）`);
  if (p.walkSpeedKmh !== undefined && !(p.walkSpeedKmh > 0 && Number.isFinite(p.walkSpeedKmh))) out.push(`步行速度应为正数（当前 ${p.walkSpeedKmh}）`);
  if (p.walkSnapMaxM !== undefined && !(p.walkSnapMaxM > 0 && Number.isFinite(p.walkSnapMaxM))) out.push(`路网接入距离上限应为正数（当前 ${p.walkSnapMaxM}）`);
  return out;
}
