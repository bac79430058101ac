/**
 * Golden cases of the engine, stage by stage (used by test/analysis/golden.test.ts).
 *
 * A case is an input file (`<case>.in.json`: layers as column tables) and one small output
 * file per stage. Outputs hold numbers, ids and status keys only — no labels, formulas,
 * sources or warning texts (those are the message catalogue's business and change with it).
 * Tables are `{ columns, rows }` with one row per line, so a diff shows which row moved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AdminUnit, Community, Kindergarten, PopulationCell } from '../../../src/analysis/model';
import type { JsonReport } from '../../../src/analysis/report-json';
import type { AnalysisInput, Figure } from '../../../src/analysis/types';

type Cell = string | number | boolean | null;

/** Rows as a table: the columns once, then one array per row. */
export interface Table {
  columns: string[];
  rows: Cell[][];
}

export function tableOf<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): Table {
  return { columns: [...columns], rows: rows.map((r) => columns.map((c) => (r[c] ?? null) as Cell)) };
}

export function rowsOf<T>(t: Table): T[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])) as T);
}

/** JSON with every array of plain values on one line (table rows, figure inputs), objects indented. */
export function formatGolden(v: unknown, indent = ''): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return JSON.stringify(v).replace(/,/g, ', ');
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + formatGolden(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatGolden(x, inner)}`).join(',\n')}\n${indent}}`;
}

export function writeGolden(file: string, v: unknown): void {
  writeFileSync(file, `${formatGolden(v)}\n`);
}

export function readGolden<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

// ───────────────────────────── inputs ─────────────────────────────

const KG_COLUMNS = ['id', 'name', 'type', 'lon', 'lat', 'classes', 'places', 'enrolled', 'staff_total', 'teachers', 'carers', 'tuo_ban_places', 'land_area_m2', 'building_area_m2', 'street_code', 'community_id', 'status', 'operator'] as const;
const POP_COLUMNS = ['id', 'lon', 'lat', 'cell_size_m', 'residents', 'children_0_2', 'children_3_5', 'year', 'street_code'] as const;
// the outline (geometry) is left out: the engine places communities by street_code and point
const COMMUNITY_COLUMNS = ['id', 'name', 'lon', 'lat', 'households', 'residents', 'built_year', 'developer', 'street_code', 'supporting_kg_required', 'supporting_kg_classes', 'supporting_kg_status', 'supporting_kg_id', 'completion_date', 'handover_due', 'responsible_unit', 'responsible_line', 'deadline', 'status_date', 'opened_date'] as const;
const ADMIN_COLUMNS = ['code', 'name', 'level', 'lon', 'lat', 'geometry', 'geometry_generated'] as const;

/** What a case input file holds. */
export interface CaseInput {
  about: string;
  asOfDate: string;
  radiusM: number;
  kindergartens: Table;
  population: Table;
  communities: Table;
  admin_units: Table;
}

/** The rows of one 街道 of a data set, as a case input. */
export function streetCaseOf(data: AnalysisInput, code: string, about: string, asOfDate: string, radiusM: number): CaseInput {
  const inStreet = <T extends { street_code: string }>(rows: readonly T[]) => rows.filter((r) => r.street_code === code);
  return {
    about,
    asOfDate,
    radiusM,
    kindergartens: tableOf(inStreet(data.kindergartens), KG_COLUMNS),
    population: tableOf(inStreet(data.population), POP_COLUMNS),
    communities: tableOf(inStreet(data.communities), COMMUNITY_COLUMNS),
    admin_units: tableOf(data.admin_units.filter((a) => a.code === code), ADMIN_COLUMNS),
  };
}

/** The engine's input from a case file (community outlines null). */
export function analysisInputOf(c: CaseInput): AnalysisInput {
  return {
    kindergartens: rowsOf<Kindergarten>(c.kindergartens),
    population: rowsOf<PopulationCell>(c.population),
    communities: rowsOf<Community>(c.communities).map((r) => ({ ...r, geometry: null })),
    admin_units: rowsOf<AdminUnit>(c.admin_units),
  };
}

// ──────────────────────── outputs, one per stage ────────────────────────

type Report = JsonReport & { cells: NonNullable<JsonReport['cells']> };

/** A figure without its texts: key, value, the values of its inputs, threshold and pass. */
type FigureRow = Pick<Figure, 'key' | 'value' | 'threshold' | 'pass'> & { inputs: readonly { value: number | null }[] };
function figureTable(figs: readonly FigureRow[]): Table {
  return {
    columns: ['key', 'value', 'inputs', 'threshold', 'pass'],
    rows: figs.map((f) => [f.key, f.value, f.inputs.map((x) => x.value).join(' / '), f.threshold ? `${f.threshold.op} ${f.threshold.value}` : null, f.pass ?? null]),
  };
}

const SD_COLUMNS = ['code', 'level', 'kindergartens', 'classes', 'places', 'enrolled', 'residents', 'children', 'placesBalance', 'placesGap', 'coveredChildren', 'coveredResidents', 'coveredChildrenShare', 'coveredResidentsShare', 'served', 'overCapacity', 'outside', 'meanAccess', 'meanAccessPlain', 'meanAccessGaussian', 'status'] as const;

/** Coverage: each cell within the radius of a supplying kindergarten, its nearest distance; children in each catchment. */
export function coverageStage(r: Report) {
  return {
    cellSummary: r.cellSummary,
    cells: tableOf(r.cells, ['id', 'covered', 'nearestKgM']),
    kindergartens: tableOf(r.kindergartens, ['id', 'active', 'supplyPlaces', 'inCatchmentDemand']),
  };
}

/** 2SFCA: supply ratio R_j per kindergarten (plain and Gaussian), access A_i per cell and the split of its children. */
export function twoStepStage(r: Report) {
  return {
    kindergartens: tableOf(r.kindergartens, ['id', 'supplyPlaces', 'weightedDemandGaussian', 'ratioPlain', 'ratioGaussian', 'status']),
    cells: tableOf(r.cells, ['id', 'accessPlain', 'accessGaussian', 'served', 'overCapacity', 'outside']),
  };
}

/** Supply against demand per 街道 and for the whole (names left out: the district's is a UI text). */
export function supplyDemandStage(r: Report) {
  return {
    streets: tableOf(r.streets, [...SD_COLUMNS]),
    district: tableOf([r.district], [...SD_COLUMNS]),
    assignedByBoundary: tableOf(r.streets.map((s) => ({ code: s.code, ...s.assignedByBoundary })), ['code', 'kindergartens', 'cells', 'communities']),
  };
}

/** 配套园 gaps: each community's requirement, ledger status, problem key and overdue days. */
export function gapsStage(r: Report) {
  return {
    communitySummary: r.communitySummary,
    communities: tableOf(r.communities, ['communityId', 'streetCode', 'households', 'residents', 'ruleRequired', 'ruleClasses', 'required', 'requiredFrom', 'requiredClasses', 'status', 'statusFrom', 'exists', 'operates', 'problem', 'handoverDue', 'handoverDueFrom', 'dueDate', 'overdue', 'daysOverdue', 'kindergartenId']),
  };
}

/** County indicators of the whole and of each 街道 (values, inputs, thresholds, pass). */
export function indicatorsStage(r: Report) {
  return {
    district: figureTable(r.indicators),
    streets: Object.fromEntries(r.streets.map((s) => [s.code, figureTable(s.indicators)])),
  };
}

/** The whole district at a glance: headline figures, indicators, one line per 街道. */
export function summaryOf(r: JsonReport) {
  return {
    district: tableOf([r.district], [...SD_COLUMNS]),
    headline: figureTable(r.headline),
    indicators: figureTable(r.indicators),
    streets: tableOf(r.streets, ['code', 'kindergartens', 'places', 'children', 'placesGap', 'coveredChildren', 'served', 'overCapacity', 'outside', 'meanAccess', 'status']),
    communitySummary: r.communitySummary,
    cellSummary: r.cellSummary,
  };
}
