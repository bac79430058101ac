/**
 * What a 汇报 screen says: a few large KPI cards and one chart (an ECharts option, plain
 * data), from the analysis and plan results. The player, the PPTX and the PDF all use
 * this one function, so a slide shows the same figures as the screen.
 */
import type { PlanResult, PlanScenario, PlanYearSummary } from '../../analysis/plan/plan-types';
import type { AnalysisResult } from '../../analysis/types';
import { KG_TYPES, enumLabel, type Kindergarten } from '../../data/schema';
import { msg, type Lang, type MessageKey, type MessageValues } from '../../i18n';
import { KG_TYPE_COLOR, STATUS_COLOR, rgbCss } from '../../map/palette';
import type { ScreenKind } from '../../state/present-slice';
import { formatInt, formatMoney10k, formatPct } from '../format';
import { describeBasis } from '../messages';
import { scenarioName } from '../../analysis/plan/present';

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

const kgTypeLabel = (lang: Lang, t: (typeof KG_TYPES)[number]): string => enumLabel(lang, 'kindergartens', 'type', t);

function statusContent(r: AnalysisResult, kgs: Kindergarten[], lang: Lang): Body {
  const t = (key: MessageKey, v?: MessageValues) => msg(lang, key, v);
  const d = r.district;
  const cards: ScreenCard[] = [
    { key: 'kindergartens', label: t('kindergartens'), value: t('present.ui.nSchools', { n: formatInt(d.kindergartens) }), sub: t('present.ui.nClasses', { n: formatInt(d.classes) }), tone: 'neutral' },
    { key: 'places', label: t('places'), value: formatInt(d.places), sub: t('present.ui.childrenSub', { n: formatInt(d.children) }), tone: 'neutral' },
    ...RATE_KEYS.map((k): ScreenCard => {
      const f = r.indicators.find((x) => x.key === k);
      return { key: k, label: t(`rate.${k}`), value: pct1(f?.value), sub: f?.threshold ? `≥ ${f.threshold.value}% ${f.pass ? '✓' : '✗'}` : undefined, tone: tone(f?.pass) };
    }),
    { key: 'coverage', label: t('present.ui.coveredChildren', { radius: r.params.radiusM }), value: formatPct(d.coveredChildrenShare), sub: t('present.ui.coveredSub', { covered: formatInt(d.coveredChildren), children: formatInt(d.children) }), tone: 'neutral' },
  ];
  const active = new Set(r.kindergartens.ids.filter((_, j) => r.kindergartens.active[j] === 1));
  const data = KG_TYPES.map((ty) => {
    const value = kgs.filter((k) => k.type === ty && active.has(k.id)).reduce((a, k) => a + k.places, 0);
    // the label carries the number with separators (a template cannot format {c})
    return { name: kgTypeLabel(lang, ty), value, itemStyle: { color: rgbCss(KG_TYPE_COLOR[ty]) }, label: { formatter: `{b}\n${formatInt(value)}` } };
  });
  return {
    cards,
    chartTitle: t('present.ui.status.chart'),
    chart: { ...BASE_CHART, tooltip: {}, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['35%', '65%'], label: { fontSize: 14 }, data }] },
    summary: t('present.ui.status.summary', { kgs: formatInt(d.kindergartens), places: formatInt(d.places), children: formatInt(d.children), radius: r.params.radiusM, covered: formatPct(d.coveredChildrenShare) }),
  };
}

function problemsContent(r: AnalysisResult, lang: Lang): Body {
  const t = (key: MessageKey, v?: MessageValues) => msg(lang, key, v);
  const short = r.streets.filter((s) => s.code !== '' && s.placesGap > 0).sort((a, b) => b.placesGap - a.placesGap);
  const cs = r.communitySummary;
  const problems = cs.byProblem.not_planned + cs.byProblem.not_built + cs.byProblem.not_handed_over + cs.byProblem.not_in_use;
  const outsidePct = formatPct(r.district.children > 0 ? r.district.outside / r.district.children : NaN);
  const cards: ScreenCard[] = [
    { key: 'streets_short', label: t('present.ui.streetsShort'), value: t('present.ui.nCount', { n: short.length }), sub: t('present.ui.gapSub', { gap: formatInt(r.district.placesGap) }), tone: short.length > 0 ? 'bad' : 'ok' },
    { key: 'outside', label: t('present.ui.outside'), value: t('present.ui.nPeople', { n: formatInt(r.district.outside) }), sub: t('present.ui.outsideSub', { pct: outsidePct, radius: r.params.radiusM }), tone: r.district.outside > 0 ? 'bad' : 'ok' },
    { key: 'overdue', label: t('present.ui.overdue'), value: t('present.ui.nCount', { n: formatInt(cs.overdue) }), sub: t('present.ui.overdueSub', { problems: formatInt(problems), required: formatInt(cs.required) }), tone: cs.overdue > 0 ? 'bad' : 'ok' },
  ];
  const top = short.slice(0, 10).reverse();
  return {
    cards,
    chartTitle: t('present.ui.problems.chart'),
    chart: {
      ...BASE_CHART,
      tooltip: {},
      grid: { left: 110, right: 50, top: 10, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: top.map((s) => s.nameZh), axisLabel: { fontSize: 13 } },
      series: [{ type: 'bar', data: top.map((s) => s.placesGap), itemStyle: { color: rgbCss(STATUS_COLOR.bad) }, label: { show: true, position: 'right' } }],
    },
    summary: t('present.ui.problems.summary', { streets: short.length, gap: formatInt(r.district.placesGap), outside: formatInt(r.district.outside), radius: r.params.radiusM, overdue: formatInt(cs.overdue) }),
  };
}

function yearsChart(ys: PlanYearSummary[], lang: Lang): Record<string, unknown> {
  return {
    ...BASE_CHART,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: 13 } },
    grid: { left: 60, right: 20, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: ys.map((y) => String(y.year)) },
    yAxis: { type: 'value' },
    series: [
      ...KG_TYPES.map((ty) => ({
        name: msg(lang, 'present.ui.typePlaces', { type: kgTypeLabel(lang, ty) }),
        type: 'bar',
        stack: 'p',
        data: ys.map((y) => (ty === 'public' ? y.placesPublic : ty === 'inclusive_private' ? y.placesInclusivePrivate : y.placesPrivate)),
        itemStyle: { color: rgbCss(KG_TYPE_COLOR[ty]) },
      })),
      { name: msg(lang, 'present.ui.demand'), type: 'line', data: ys.map((y) => y.demand), itemStyle: { color: '#333' }, lineStyle: { width: 3 } },
      { name: msg(lang, 'present.ui.gap'), type: 'bar', data: ys.map((y) => y.gapStreetSum), itemStyle: { color: rgbCss(STATUS_COLOR.bad) } },
    ],
  };
}

function planContent(p: PlanResult, sc: PlanScenario | null, lang: Lang): Body {
  const t = (key: MessageKey, v?: MessageValues) => msg(lang, key, v);
  const ys = p.years;
  const base = ys[0];
  const last = ys[ys.length - 1];
  const projects = sc?.projects ?? [];
  const builds = projects.filter((x) => x.kind === 'new_build').length;
  const spend = ys.reduce((a, y) => a + y.cost10k, 0);
  const money = formatMoney10k(spend, lang);
  // a sum written in 亿元 shows its exact 万元 below
  const exact = t('present.ui.money10k', { n: formatInt(spend) });
  const cards: ScreenCard[] = [
    { key: 'projects', label: t('present.ui.projects'), value: t('present.ui.nCount', { n: projects.length }), sub: t('present.ui.projectsSub', { builds, scenario: scenarioName(sc) }), tone: 'neutral' },
    { key: 'places_added', label: t('present.ui.placesChange', { from: base.year, to: last.year }), value: signed(last.places - base.places), sub: `${formatInt(base.places)} → ${formatInt(last.places)}`, tone: 'neutral' },
    { key: 'spend', label: t('present.ui.spend'), value: money, sub: money !== exact ? exact : undefined, tone: 'neutral' },
  ];
  return {
    cards,
    chartTitle: t('present.ui.plan.chart'),
    chart: yearsChart(ys, lang),
    summary: t('present.ui.plan.summary', { scenario: scenarioName(sc), count: projects.length, from: base.year, to: last.year, change: signed(last.places - base.places), spend: money }),
  };
}

function targetContent(p: PlanResult, sc: PlanScenario | null, year: number | null, lang: Lang): Body {
  const t = (key: MessageKey, v?: MessageValues) => msg(lang, key, v);
  const base = p.years[0];
  const y = p.years.find((x) => x.year === year) ?? p.years[p.years.length - 1];
  const arrow = (a: string, b: string) => `${a} → ${b}`;
  const cards: ScreenCard[] = [
    { key: 'places', label: t('places'), value: arrow(formatInt(base.places), formatInt(y.places)), sub: signed(y.places - base.places), tone: 'neutral' },
    { key: 'gap', label: t('present.ui.gapSum'), value: arrow(formatInt(base.gapStreetSum), formatInt(y.gapStreetSum)), sub: t('present.ui.shortSub', { from: base.streetsShort, to: y.streetsShort }), tone: y.gapStreetSum > 0 ? 'bad' : 'ok' },
    { key: 'coverage', label: t('present.ui.coverage'), value: arrow(formatPct(base.coveredShare), formatPct(y.coveredShare)), tone: 'neutral' },
    ...y.rates.map((r): ScreenCard => {
      const b = base.rates.find((x) => x.key === r.key);
      return { key: r.key, label: t('present.ui.projected', { label: t(`rate.${r.key}`) }), value: arrow(pct1(b?.valuePct), pct1(r.valuePct)), sub: `≥ ${r.thresholdPct}% ${r.pass === null ? '' : r.pass ? '✓' : '✗'}`, tone: tone(r.pass) };
    }),
  ];
  const labels = [t('present.ui.coverageRate'), ...y.rates.map((r) => t(`rate.${r.key}`))];
  const val = (s: PlanYearSummary) => [Math.round(s.coveredShare * 1000) / 10, ...s.rates.map((r) => (r.valuePct === null ? null : Math.round(r.valuePct * 10) / 10))];
  return {
    cards,
    chartTitle: t('present.ui.target.chart', { from: base.year, to: y.year }),
    chart: {
      ...BASE_CHART,
      tooltip: {},
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 13 } },
      yAxis: { type: 'value', max: 120 },
      series: [
        { name: String(base.year), type: 'bar', data: val(base), itemStyle: { color: rgbCss(STATUS_COLOR.neutral) }, label: { show: true, position: 'top' } },
        { name: t('present.ui.target.series', { year: y.year, scenario: scenarioName(sc) }), type: 'bar', data: val(y), itemStyle: { color: rgbCss(KG_TYPE_COLOR.public) }, label: { show: true, position: 'top' } },
      ],
    },
    summary: t('present.ui.target.summary', {
      scenario: scenarioName(sc),
      year: y.year,
      placesFrom: formatInt(base.places),
      placesTo: formatInt(y.places),
      gapFrom: formatInt(base.gapStreetSum),
      gapTo: formatInt(y.gapStreetSum),
      covFrom: formatPct(base.coveredShare),
      covTo: formatPct(y.coveredShare),
    }),
  };
}

/** The cards and chart of a screen; null while the result it needs is not computed yet. */
export function buildScreenContent(i: ContentInput): ScreenContent | null {
  const body = ((): Body | null => {
    switch (i.kind) {
      case 'status':
        return i.result ? statusContent(i.result, i.kindergartens, i.lang) : null;
      case 'problems':
        return i.result ? problemsContent(i.result, i.lang) : null;
      case 'plan':
        return i.plan && i.plan.years.length > 0 ? planContent(i.plan, i.scenario, i.lang) : null;
      case 'target':
        return i.plan && i.plan.years.length > 0 ? targetContent(i.plan, i.scenario, i.year, i.lang) : null;
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
  return msg(i.lang, 'present.ui.basisProjected', { basis: base, year: last });
}
