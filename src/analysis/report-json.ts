/**
 * The JSON report of a run (CLI `--json`, golden files). Shape documented in
 * docs/analysis-json.md. Numbers are rounded to 6 decimals; NaN/±Infinity → null.
 */
import { render, type Message } from '../i18n';
import type {
  AnalysisParams,
  AnalysisResult,
  AnalysisTimings,
  CommunityGapRow,
  CommunitySummary,
  Figure,
  KgStatusRag,
  StreetRow,
  SupplyDemandRow,
} from './types';

/** Value of `format` in every report. */
export const JSON_REPORT_FORMAT = 'xuewei-analysis-report';
/** Bumped on incompatible changes of the report shape. */
export const JSON_REPORT_VERSION = 1;

export interface JsonKindergartenRow {
  id: string;
  name: string;
  streetCode: string;
  active: boolean;
  supplyPlaces: number;
  inCatchmentDemand: number;
  weightedDemandGaussian: number;
  ratioPlain: number | null;
  ratioGaussian: number | null;
  status: KgStatusRag;
}

export interface JsonCellRow {
  id: string;
  streetCode: string;
  covered: boolean;
  nearestKgM: number | null;
  accessPlain: number;
  accessGaussian: number;
  served: number;
  overCapacity: number;
  outside: number;
}

/** A figure in the report: its messages rendered (Chinese, and the label also in English). */
export interface JsonFigure {
  key: string;
  labelZh: string;
  labelEn: string;
  value: number | null;
  unit: string;
  formulaZh: string;
  inputs: { labelZh: string; value: number | null; unit: string }[];
  threshold?: { op: '>=' | '<='; value: number };
  pass?: boolean;
  sourceZh: string;
  noteZh?: string;
}

const zh = (x: Message): string => render('zh', x);

/** The report shape of a figure (version 1: Chinese texts plus the English label). */
export function jsonFigure(f: Figure): JsonFigure {
  const out: JsonFigure = {
    key: f.key,
    labelZh: zh(f.label),
    labelEn: render('en', f.label),
    value: f.value,
    unit: f.unit,
    formulaZh: zh(f.formula),
    inputs: f.inputs.map((i) => ({ labelZh: zh(i.label), value: i.value, unit: i.unit })),
    sourceZh: zh(f.source),
  };
  if (f.threshold) out.threshold = f.threshold;
  if (f.pass !== undefined) out.pass = f.pass;
  if (f.note) out.noteZh = zh(f.note);
  return out;
}

/** Numbers may be null where the engine has NaN. */
type Nullable<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] };

export interface JsonReport {
  format: typeof JSON_REPORT_FORMAT;
  version: number;
  params: AnalysisParams;
  district: Nullable<SupplyDemandRow>;
  indicators: JsonFigure[];
  headline: JsonFigure[];
  streets: (Nullable<Omit<StreetRow, 'indicators'>> & { indicators: JsonFigure[] })[];
  communitySummary: CommunitySummary;
  communities: (Omit<CommunityGapRow, 'kindergartenIndex' | 'problemLabel'> & { problemZh: string; kindergartenId: string | null })[];
  kindergartens: JsonKindergartenRow[];
  cellSummary: { cells: number; covered: number; pairCount: number };
  /** only with includeCells */
  cells?: JsonCellRow[];
  warningsZh: string[];
  /** omitted with includeTimings: false (golden files) */
  timings?: AnalysisTimings;
}

/** round to 6 decimals; NaN/Infinity → null */
export function num6(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/** Deep copy with every number rounded by num6 (typed arrays are not expected here). */
function roundDeep<T>(v: T): T {
  if (typeof v === 'number') return num6(v) as T;
  if (Array.isArray(v)) return v.map((x) => roundDeep(x)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = roundDeep(x);
    return out as T;
  }
  return v;
}

export interface JsonReportOptions {
  /** add one row per population cell (large) — default false */
  includeCells?: boolean;
  /** add timings (not reproducible) — default true */
  includeTimings?: boolean;
}

/** The JSON report of a result: plain objects only, ready for JSON.stringify. */
export function toJsonReport(result: AnalysisResult, opts: JsonReportOptions = {}): JsonReport {
  const k = result.kindergartens;
  const codes = result.streets.map((s) => s.code);
  const kindergartens: JsonKindergartenRow[] = k.ids.map((id, j) => ({
    id,
    name: k.names[j],
    streetCode: codes[k.streetIndex[j]] ?? '',
    active: k.active[j] === 1,
    supplyPlaces: k.supplyPlaces[j],
    inCatchmentDemand: k.inCatchmentDemand[j],
    weightedDemandGaussian: k.weightedDemandGaussian[j],
    ratioPlain: k.ratioPlain[j],
    ratioGaussian: k.ratioGaussian[j],
    status: k.status[j],
  }));
  const c = result.cells;
  let covered = 0;
  for (let i = 0; i < c.covered.length; i++) covered += c.covered[i];
  const report: JsonReport = {
    format: JSON_REPORT_FORMAT,
    version: JSON_REPORT_VERSION,
    params: result.params,
    district: result.district,
    indicators: result.indicators.map(jsonFigure),
    headline: result.headline.map(jsonFigure),
    streets: result.streets.map((s) => ({ ...s, indicators: s.indicators.map(jsonFigure) })),
    communitySummary: result.communitySummary,
    communities: result.communities.map(({ kindergartenIndex, problemLabel, ...r }) => ({
      ...r,
      problemZh: zh(problemLabel),
      kindergartenId: kindergartenIndex >= 0 ? k.ids[kindergartenIndex] : null,
    })),
    kindergartens,
    cellSummary: { cells: c.covered.length, covered, pairCount: result.pairCount },
    warningsZh: result.warnings.map(zh),
  };
  if (opts.includeCells) {
    report.cells = c.ids.map((id, i) => ({
      id,
      streetCode: codes[c.streetIndex[i]] ?? '',
      covered: c.covered[i] === 1,
      nearestKgM: c.nearestKgM[i],
      accessPlain: c.accessPlain[i],
      accessGaussian: c.accessGaussian[i],
      served: c.served[i],
      overCapacity: c.overCapacity[i],
      outside: c.outside[i],
    }));
  }
  if (opts.includeTimings !== false) report.timings = result.timings;
  return roundDeep(report);
}
