/** The year-by-year plan table as header + rows (the screen, the copy button and the CSV export use the same). */
import type { PlanResult, PlanYearSummary } from '../../analysis/plan/plan-types';
import { msg, type Lang, type MessageKey } from '../../i18n';

const HEADERS: MessageKey[] = [
  'plan.ui.col.year',
  'plan.ui.col.places',
  'plan.ui.col.public',
  'plan.ui.col.inclusive',
  'plan.ui.col.private',
  'plan.ui.col.childrenBirths',
  'plan.ui.col.demandPerThousand',
  'plan.ui.col.demandUsed',
  'plan.ui.col.gapSum',
  'plan.ui.col.streetsShort',
  'plan.ui.col.coveredPct',
  'plan.ui.col.grossPct',
  'plan.ui.col.inclusivePct',
  'plan.ui.col.publicPct',
  'plan.ui.col.tuo',
  'plan.ui.col.tuoNeed',
  'plan.ui.col.spend',
];
const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : (Math.round(v * 10) / 10).toFixed(1));
const rateOf = (y: PlanYearSummary, key: string) => y.rates.find((r) => r.key === key)?.valuePct ?? null;

export function planYearTable(r: PlanResult, lang: Lang): { headers: string[]; rows: (string | number)[][] } {
  const headers = HEADERS.map((k) => msg(lang, k));
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
