/** The year-by-year plan table as header + rows (the screen, the copy button and the CSV export use the same). */
import type { PlanResult, PlanYearSummary } from '../../analysis/plan/plan-types';

type Lang = 'zh' | 'en';
const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : (Math.round(v * 10) / 10).toFixed(1));
const rateOf = (y: PlanYearSummary, key: string) => y.rates.find((r) => r.key === key)?.valuePct ?? null;

export function planYearTable(r: PlanResult, lang: Lang): { headers: string[]; rows: (string | number)[][] } {
  const zh = lang === 'zh';
  const headers = zh
    ? ['年份', '学位', '公办学位', '普惠性民办学位', '非普惠民办学位', '3–5岁幼儿（出生推算）', '千人指标需求', '采用的需求', '学位缺口（各街道之和）', '缺口街道数', '服务半径覆盖率(%)', '毛入园率(%)', '普惠覆盖率(%)', '公办占比(%)', '托位', '托位需求', '当年投资(万元)']
    : ['Year', 'Places', 'Public', 'Inclusive private', 'For-profit', 'Children 3–5 (births)', 'Demand (per 1,000)', 'Demand used', 'Gap (sum of sub-districts)', 'Sub-districts short', 'Covered (%)', 'Gross enrolment (%)', 'Inclusive coverage (%)', 'Public share (%)', 'Infant-care places', 'Infant-care need', 'Spend (10k yuan)'];
  const rows = r.years.map((y) => [
    y.year,
    y.places,
    y.placesPublic,
    y.placesInclusivePrivate,
    y.placesPrivate,
    y.childrenBirths,
    y.demandPerThousand,
    y.demand,
    y.gapStreetSum,
    y.streetsShort,
    pct(y.coveredShare * 100),
    pct(rateOf(y, 'gross_enrolment_rate')),
    pct(rateOf(y, 'inclusive_coverage')),
    pct(rateOf(y, 'public_share')),
    y.tuoPlaces,
    y.tuoNeed,
    Math.round(y.cost10k),
  ]);
  return { headers, rows };
}

/** Tab-separated text (pastes into Excel / WPS as a table). */
export function toTsv(headers: string[], rows: (string | number)[][]): string {
  return [headers, ...rows].map((r) => r.map((c) => String(c).replace(/[\t\n]/g, ' ')).join('\t')).join('\n');
}
