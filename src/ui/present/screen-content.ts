/**
 * What a 汇报 screen says: a few large KPI cards and one chart (an ECharts option, plain
 * data), from the analysis and plan results. The player, the PPTX and the PDF all use
 * this one function, so a slide shows the same figures as the screen.
 */
import type { PlanResult, PlanScenario, PlanYearSummary } from '../../analysis/plan/plan-types';
import type { AnalysisResult } from '../../analysis/types';
import { KG_TYPES, enumLabel, type Kindergarten } from '../../data/schema';
import { KG_TYPE_COLOR, STATUS_COLOR, rgbCss } from '../../map/palette';
import type { ScreenKind } from '../../state/present-slice';
import { formatInt, formatMoney10k, formatPct } from '../format';
import { describeBasis, msg } from '../messages';

type Lang = 'zh' | 'en';

export interface ScreenCard {
  key: string;
  label: string;
  value: string;
  sub?: string;
  tone: 'ok' | 'bad' | 'neutral';
}

export interface ScreenContent {
  /** the data year and method of the figures, e.g. "2025 年（由 2020 年普查按出生人口推算）" */
  basis: string;
  cards: ScreenCard[];
  chartTitle: string;
  /** an ECharts option (no functions: it is cloned into the export and kept in tests) */
  chart: Record<string, unknown>;
  /** one-line summary for notes and the PDF */
  summary: string;
}

export interface ContentInput {
  kind: ScreenKind;
  lang: Lang;
  /** the present-day analysis (现状 and 问题) */
  result: AnalysisResult | null;
  /** the plan run behind `result` (its base year: data year, demand basis) */
  presentPlan: PlanResult | null;
  /** the plan of the screen's scenario (规划 and target year) */
  plan: PlanResult | null;
  scenario: PlanScenario | null;
  kindergartens: Kindergarten[];
  /** the screen's year (target year screens) */
  year: number | null;
}

type Body = Omit<ScreenContent, 'basis'>;

const RATE_KEYS = ['gross_enrolment_rate', 'inclusive_coverage', 'public_share'] as const;
const signed = (n: number) => (n > 0 ? `+${formatInt(n)}` : n < 0 ? `−${formatInt(-n)}` : '±0');
const pct1 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(1)}%`);
const tone = (pass: boolean | null | undefined): ScreenCard['tone'] => (pass === true ? 'ok' : pass === false ? 'bad' : 'neutral');
const BASE_CHART = { animation: false, textStyle: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' } };

function statusContent(r: AnalysisResult, kgs: Kindergarten[], zh: boolean, lang: Lang): Body {
  const d = r.district;
  const cards: ScreenCard[] = [
    { key: 'kindergartens', label: zh ? '幼儿园' : 'Kindergartens', value: `${formatInt(d.kindergartens)}${zh ? ' 所' : ''}`, sub: zh ? `${formatInt(d.classes)} 个班` : `${formatInt(d.classes)} classes`, tone: 'neutral' },
    { key: 'places', label: zh ? '学位' : 'Places', value: formatInt(d.places), sub: zh ? `3–5岁幼儿 ${formatInt(d.children)} 人` : `children 3–5: ${formatInt(d.children)}`, tone: 'neutral' },
    ...RATE_KEYS.map((k): ScreenCard => {
      const f = r.indicators.find((x) => x.key === k);
      return { key: k, label: msg(lang, `rate.${k}`), value: pct1(f?.value), sub: f?.threshold ? `≥ ${f.threshold.value}% ${f.pass ? '✓' : '✗'}` : undefined, tone: tone(f?.pass) };
    }),
    { key: 'coverage', label: zh ? `${r.params.radiusM} 米服务半径覆盖幼儿` : `Children within ${r.params.radiusM} m`, value: formatPct(d.coveredChildrenShare), sub: zh ? `${formatInt(d.coveredChildren)} / ${formatInt(d.children)} 人` : `${formatInt(d.coveredChildren)} / ${formatInt(d.children)}`, tone: 'neutral' },
  ];
  const active = new Set(r.kindergartens.ids.filter((_, j) => r.kindergartens.active[j] === 1));
  const data = KG_TYPES.map((t) => {
    const value = kgs.filter((k) => k.type === t && active.has(k.id)).reduce((a, k) => a + k.places, 0);
    // the label carries the number with separators (a template cannot format {c})
    return { name: enumLabel(zh ? 'zh' : 'en', 'kindergartens', 'type', t), value, itemStyle: { color: rgbCss(KG_TYPE_COLOR[t]) }, label: { formatter: `{b}\n${formatInt(value)}` } };
  });
  return {
    cards,
    chartTitle: zh ? '学位按办园性质' : 'Places by type',
    chart: { ...BASE_CHART, tooltip: {}, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['35%', '65%'], label: { fontSize: 14 }, data }] },
    summary: zh
      ? `全区幼儿园 ${formatInt(d.kindergartens)} 所、学位 ${formatInt(d.places)} 个，3–5岁幼儿 ${formatInt(d.children)} 人，${r.params.radiusM} 米服务半径覆盖 ${formatPct(d.coveredChildrenShare)}。`
      : `${formatInt(d.kindergartens)} kindergartens, ${formatInt(d.places)} places, ${formatInt(d.children)} children 3–5, ${formatPct(d.coveredChildrenShare)} within ${r.params.radiusM} m.`,
  };
}

function problemsContent(r: AnalysisResult, zh: boolean): Body {
  const short = r.streets.filter((s) => s.code !== '' && s.placesGap > 0).sort((a, b) => b.placesGap - a.placesGap);
  const cs = r.communitySummary;
  const problems = cs.byProblem.not_planned + cs.byProblem.not_built + cs.byProblem.not_handed_over + cs.byProblem.not_in_use;
  const cards: ScreenCard[] = [
    { key: 'streets_short', label: zh ? '缺学位街道' : 'Sub-districts short', value: `${short.length}${zh ? ' 个' : ''}`, sub: zh ? `缺口合计 ${formatInt(r.district.placesGap)} 个学位` : `gap ${formatInt(r.district.placesGap)} places`, tone: short.length > 0 ? 'bad' : 'ok' },
    { key: 'outside', label: zh ? '服务半径外幼儿' : 'Children outside catchments', value: `${formatInt(r.district.outside)}${zh ? ' 人' : ''}`, sub: zh ? `占 ${formatPct(r.district.children > 0 ? r.district.outside / r.district.children : NaN)}（${r.params.radiusM} 米）` : `${formatPct(r.district.children > 0 ? r.district.outside / r.district.children : NaN)} (${r.params.radiusM} m)`, tone: r.district.outside > 0 ? 'bad' : 'ok' },
    { key: 'overdue', label: zh ? '逾期未移交配套园' : 'Overdue 配套园', value: `${formatInt(cs.overdue)}${zh ? ' 个' : ''}`, sub: zh ? `配套园问题 ${formatInt(problems)} 个（应配 ${formatInt(cs.required)} 个）` : `${formatInt(problems)} problems of ${formatInt(cs.required)} required`, tone: cs.overdue > 0 ? 'bad' : 'ok' },
  ];
  const top = short.slice(0, 10).reverse();
  return {
    cards,
    chartTitle: zh ? '各街道学位缺口（3–5岁幼儿 − 学位）' : 'Place gap per sub-district',
    chart: {
      ...BASE_CHART,
      tooltip: {},
      grid: { left: 110, right: 50, top: 10, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: top.map((s) => s.nameZh), axisLabel: { fontSize: 13 } },
      series: [{ type: 'bar', data: top.map((s) => s.placesGap), itemStyle: { color: rgbCss(STATUS_COLOR.bad) }, label: { show: true, position: 'right' } }],
    },
    summary: zh
      ? `${short.length} 个街道缺学位（合计 ${formatInt(r.district.placesGap)} 个），${formatInt(r.district.outside)} 人（3–5岁）在 ${r.params.radiusM} 米服务半径外，${formatInt(cs.overdue)} 个配套园逾期未移交。`
      : `${short.length} sub-districts short (${formatInt(r.district.placesGap)} places), ${formatInt(r.district.outside)} children outside ${r.params.radiusM} m, ${formatInt(cs.overdue)} 配套园 overdue.`,
  };
}

function yearsChart(ys: PlanYearSummary[], zh: boolean): Record<string, unknown> {
  return {
    ...BASE_CHART,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: 13 } },
    grid: { left: 60, right: 20, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: ys.map((y) => String(y.year)) },
    yAxis: { type: 'value' },
    series: [
      ...KG_TYPES.map((t, i) => ({
        name: `${enumLabel(zh ? 'zh' : 'en', 'kindergartens', 'type', KG_TYPES[i])}${zh ? '学位' : ''}`,
        type: 'bar',
        stack: 'p',
        data: ys.map((y) => (t === 'public' ? y.placesPublic : t === 'inclusive_private' ? y.placesInclusivePrivate : y.placesPrivate)),
        itemStyle: { color: rgbCss(KG_TYPE_COLOR[t]) },
      })),
      { name: zh ? '学位需求' : 'Demand', type: 'line', data: ys.map((y) => y.demand), itemStyle: { color: '#333' }, lineStyle: { width: 3 } },
      { name: zh ? '学位缺口' : 'Gap', type: 'bar', data: ys.map((y) => y.gapStreetSum), itemStyle: { color: rgbCss(STATUS_COLOR.bad) } },
    ],
  };
}

function planContent(p: PlanResult, sc: PlanScenario | null, zh: boolean): Body {
  const ys = p.years;
  const base = ys[0];
  const last = ys[ys.length - 1];
  const projects = sc?.projects ?? [];
  const builds = projects.filter((x) => x.kind === 'new_build').length;
  const spend = ys.reduce((a, y) => a + y.cost10k, 0);
  const cards: ScreenCard[] = [
    { key: 'projects', label: zh ? '规划项目' : 'Projects', value: `${projects.length}${zh ? ' 个' : ''}`, sub: zh ? `其中新建 ${builds} 个 · ${sc?.name ?? ''}` : `${builds} new builds · ${sc?.name ?? ''}`, tone: 'neutral' },
    { key: 'places_added', label: zh ? `${base.year}→${last.year} 学位变化` : `Places ${base.year}→${last.year}`, value: signed(last.places - base.places), sub: `${formatInt(base.places)} → ${formatInt(last.places)}`, tone: 'neutral' },
    { key: 'spend', label: zh ? '投资合计' : 'Spend', value: formatMoney10k(spend, zh ? 'zh' : 'en'), sub: zh && spend >= 10000 ? `${formatInt(spend)}万元` : undefined, tone: 'neutral' },
  ];
  return {
    cards,
    chartTitle: zh ? '逐年学位与需求' : 'Places and demand by year',
    chart: yearsChart(ys, zh),
    summary: zh
      ? `${sc?.name ?? ''}：${projects.length} 个项目，${base.year}–${last.year} 年学位 ${signed(last.places - base.places)}，投资 ${formatMoney10k(spend)}。`
      : `${sc?.name ?? ''}: ${projects.length} projects, places ${signed(last.places - base.places)} ${base.year}–${last.year}, spend ${formatInt(spend)} ×10k yuan.`,
  };
}

function targetContent(p: PlanResult, sc: PlanScenario | null, year: number | null, zh: boolean, lang: Lang): Body {
  const base = p.years[0];
  const y = p.years.find((x) => x.year === year) ?? p.years[p.years.length - 1];
  const arrow = (a: string, b: string) => `${a} → ${b}`;
  const cards: ScreenCard[] = [
    { key: 'places', label: zh ? '学位' : 'Places', value: arrow(formatInt(base.places), formatInt(y.places)), sub: signed(y.places - base.places), tone: 'neutral' },
    { key: 'gap', label: zh ? '学位缺口（各街道之和）' : 'Gap (sum of sub-districts)', value: arrow(formatInt(base.gapStreetSum), formatInt(y.gapStreetSum)), sub: zh ? `缺学位街道 ${base.streetsShort} → ${y.streetsShort} 个` : `short: ${base.streetsShort} → ${y.streetsShort}`, tone: y.gapStreetSum > 0 ? 'bad' : 'ok' },
    { key: 'coverage', label: zh ? '服务半径覆盖' : 'Within the radius', value: arrow(formatPct(base.coveredShare), formatPct(y.coveredShare)), tone: 'neutral' },
    ...y.rates.map((r): ScreenCard => {
      const b = base.rates.find((x) => x.key === r.key);
      return { key: r.key, label: `${msg(lang, `rate.${r.key}`)}${zh ? '（预测）' : ' (projected)'}`, value: arrow(pct1(b?.valuePct), pct1(r.valuePct)), sub: `≥ ${r.thresholdPct}% ${r.pass === null ? '' : r.pass ? '✓' : '✗'}`, tone: tone(r.pass) };
    }),
  ];
  const labels = [zh ? '覆盖率' : 'Coverage', ...y.rates.map((r) => msg(lang, `rate.${r.key}`))];
  const val = (s: PlanYearSummary) => [Math.round(s.coveredShare * 1000) / 10, ...s.rates.map((r) => (r.valuePct === null ? null : Math.round(r.valuePct * 10) / 10))];
  return {
    cards,
    chartTitle: zh ? `${base.year} 年与 ${y.year} 年对比（%）` : `${base.year} vs ${y.year} (%)`,
    chart: {
      ...BASE_CHART,
      tooltip: {},
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 13 } },
      yAxis: { type: 'value', max: 120 },
      series: [
        { name: String(base.year), type: 'bar', data: val(base), itemStyle: { color: rgbCss(STATUS_COLOR.neutral) }, label: { show: true, position: 'top' } },
        { name: `${y.year}（${sc?.name ?? ''}）`, type: 'bar', data: val(y), itemStyle: { color: rgbCss(KG_TYPE_COLOR.public) }, label: { show: true, position: 'top' } },
      ],
    },
    summary: zh
      ? `${sc?.name ?? ''}：到 ${y.year} 年学位 ${formatInt(base.places)} → ${formatInt(y.places)}，缺口 ${formatInt(base.gapStreetSum)} → ${formatInt(y.gapStreetSum)}，覆盖 ${formatPct(base.coveredShare)} → ${formatPct(y.coveredShare)}。`
      : `${sc?.name ?? ''}: by ${y.year} places ${formatInt(base.places)} → ${formatInt(y.places)}, gap ${formatInt(base.gapStreetSum)} → ${formatInt(y.gapStreetSum)}, coverage ${formatPct(base.coveredShare)} → ${formatPct(y.coveredShare)}.`,
  };
}

/** The cards and chart of a screen; null while the result it needs is not computed yet. */
export function buildScreenContent(i: ContentInput): ScreenContent | null {
  const zh = i.lang === 'zh';
  const body = ((): Body | null => {
    switch (i.kind) {
      case 'status':
        return i.result ? statusContent(i.result, i.kindergartens, zh, i.lang) : null;
      case 'problems':
        return i.result ? problemsContent(i.result, zh) : null;
      case 'plan':
        return i.plan && i.plan.years.length > 0 ? planContent(i.plan, i.scenario, zh) : null;
      case 'target':
        return i.plan && i.plan.years.length > 0 ? targetContent(i.plan, i.scenario, i.year, zh, i.lang) : null;
    }
  })();
  if (!body) return null;
  return { basis: basisOf(i), ...body };
}

/** The data year and method a screen's figures rest on. */
function basisOf(i: ContentInput): string {
  if (i.kind === 'status' || i.kind === 'problems') return i.presentPlan ? describeBasis(i.lang, i.presentPlan, i.presentPlan.settings.baseYear) : '';
  const p = i.plan;
  if (!p || p.years.length === 0) return '';
  const last = i.kind === 'target' ? (p.years.find((y) => y.year === i.year) ?? p.years[p.years.length - 1]).year : p.years[p.years.length - 1].year;
  const base = describeBasis(i.lang, p, p.settings.baseYear);
  return i.lang === 'zh' ? `${base} → ${last} 年（预测）` : `${base} → ${last} (projected)`;
}
