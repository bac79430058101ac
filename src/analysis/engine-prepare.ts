/**
 * Engine stage 1–2: prepare typed arrays from the rows, then the neighbour pairs
 * (grid index, chunked). Both depend only on positions and 街道, never on supply or
 * demand, so a plan evaluates every (scenario, year) on the same pairs.
 */
import { m, type Message } from '../i18n';
import type { Kindergarten } from './model';
import { validLonLat } from './geo';
import type { NeighbourPairs } from './neighbour-pairs';
import { openReach, reachSpecOf, type Reach } from './reach';
import { assignStreet, createStreetIndex, finalizeStreets, type StreetIndex } from './street-index';
import type { AnalysisInput, AnalysisParams, RunOptions } from './types';
import { DEFAULT_WALK_SNAP_MAX_M } from './params';

const CHUNK = 1 << 17;

/** Everything later stages need; index-aligned with the input kindergartens and population rows. */
export interface PreparedInput {
  input: AnalysisInput;
  /** the sites (kindergartens) the pairs were built over */
  kgs: readonly Kindergarten[];
  nKg: number;
  nCells: number;
  streets: StreetIndex;
  kgLon: Float64Array;
  kgLat: Float64Array;
  kgStreet: Int32Array;
  cellLon: Float64Array;
  cellLat: Float64Array;
  /** children 3–5 and residents of the rows (persons; invalid → 0) */
  children: Float64Array;
  residents: Float64Array;
  cellStreet: Int32Array;
  communityStreet: Int32Array;
  /** 街道 of each 托育机构 row */
  childcareStreet: Int32Array;
  /** 街道 indices of rows placed by their boundary (no street code) */
  byBoundary: { kindergartens: number[]; cells: number[]; communities: number[] };
  warnings: Message[];
  radiusM: number;
  pairs: NeighbourPairs;
  /** the distance the pairs were found with (straight line or walking network); also answers nearest-kindergarten queries */
  reach: Reach;
  prepareMs: number;
  pairsMs: number;
}

export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
export const finiteOr0 = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/**
 * Prepare + pairs as a generator (each `yield` is a pause point for a worker).
 * `step(fraction, stageZh)` checks cancellation and reports progress.
 */
export function* prepareSteps(
  input: AnalysisInput,
  params: AnalysisParams,
  opts: RunOptions,
  step: (fraction: number, stage: Message) => void,
): Generator<void, PreparedInput, void> {
  const t0 = now();
  const warnings: Message[] = [];
  const kgs = input.kindergartens ?? [];
  const cellsIn = input.population ?? [];
  const nKg = kgs.length;
  const nCells = cellsIn.length;
  const streets = createStreetIndex(input.admin_units ?? []);
  const kgLon = new Float64Array(nKg);
  const kgLat = new Float64Array(nKg);
  const kgStreet = new Int32Array(nKg);
  const byBoundary = { kindergartens: [] as number[], cells: [] as number[], communities: [] as number[] };
  let kgBadCoords = 0;
  for (let j = 0; j < nKg; j++) {
    const k = kgs[j];
    kgLon[j] = k.lon;
    kgLat[j] = k.lat;
    if (!validLonLat(k.lon, k.lat)) kgBadCoords++;
    const a = assignStreet(streets, k.street_code, k.lon, k.lat);
    kgStreet[j] = a.index;
    if (a.byBoundary) byBoundary.kindergartens.push(a.index);
  }
  const cellLon = new Float64Array(nCells);
  const cellLat = new Float64Array(nCells);
  const children = new Float64Array(nCells);
  const residents = new Float64Array(nCells);
  const cellStreet = new Int32Array(nCells);
  let cellBadCoords = 0;
  let cellBadChildren = 0;
  for (let i = 0; i < nCells; i++) {
    const c = cellsIn[i];
    cellLon[i] = c.lon;
    cellLat[i] = c.lat;
    if (!validLonLat(c.lon, c.lat)) cellBadCoords++;
    const ch = c.children_3_5;
    if (!(typeof ch === 'number' && Number.isFinite(ch) && ch >= 0)) cellBadChildren++;
    children[i] = finiteOr0(ch);
    residents[i] = finiteOr0(c.residents);
    const code = c.street_code;
    const known = code ? streets.byCode.get(code) : undefined;
    if (known !== undefined) cellStreet[i] = known;
    else {
      const a = assignStreet(streets, code, c.lon, c.lat);
      cellStreet[i] = a.index;
      if (a.byBoundary) byBoundary.cells.push(a.index);
    }
  }
  const communityStreet = new Int32Array((input.communities ?? []).length);
  (input.communities ?? []).forEach((c, m) => {
    const a = assignStreet(streets, c.street_code, c.lon, c.lat);
    communityStreet[m] = a.index;
    if (a.byBoundary) byBoundary.communities.push(a.index);
  });
  const childcare = input.childcare_centres ?? [];
  const childcareStreet = new Int32Array(childcare.length);
  childcare.forEach((c, m) => {
    childcareStreet[m] = assignStreet(streets, c.street_code, c.lon, c.lat).index;
  });
  finalizeStreets(streets, [kgStreet, cellStreet, communityStreet, childcareStreet]);
  if (kgBadCoords > 0) warnings.push(m('engine.warn.kgBadCoords', { n: kgBadCoords }));
  if (cellBadCoords > 0) warnings.push(m('engine.warn.cellBadCoords', { n: cellBadCoords }));
  if (cellBadChildren > 0) warnings.push(m('engine.warn.cellBadChildren', { n: cellBadChildren }));
  if (nKg === 0) warnings.push(m('engine.warn.noKindergartens'));
  if (nCells === 0) warnings.push(m('engine.warn.noCells'));
  const tPrep = now();

  step(0.05, m('engine.stage.pairs'));
  yield;
  const reach = openReach(reachSpecOf(input, params), kgLon, kgLat, cellLon, cellLat, params.radiusM, opts.refineDistanceM);
  for (let from = 0; from < reach.units; from += reach.chunk) {
    const to = Math.min(reach.units, from + reach.chunk);
    reach.run(from, to);
    step(0.05 + (0.5 * to) / reach.units, m('engine.stage.pairs'));
    yield;
  }
  const pairs = reach.finish();
  if (reach.unreachableCells > 0) warnings.push(m('engine.warn.cellsUnreachable', { n: reach.unreachableCells, max: params.walkSnapMaxM ?? DEFAULT_WALK_SNAP_MAX_M }));
  if (reach.unreachableSites > 0) warnings.push(m('engine.warn.sitesUnreachable', { n: reach.unreachableSites, max: params.walkSnapMaxM ?? DEFAULT_WALK_SNAP_MAX_M }));
  return {
    input,
    kgs,
    nKg,
    nCells,
    streets,
    kgLon,
    kgLat,
    kgStreet,
    cellLon,
    cellLat,
    children,
    residents,
    cellStreet,
    communityStreet,
    childcareStreet,
    byBoundary,
    warnings,
    radiusM: params.radiusM,
    pairs,
    reach,
    prepareMs: tPrep - t0,
    pairsMs: now() - tPrep,
  };
}

export { CHUNK as CELL_CHUNK };
