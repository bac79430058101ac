/**
 * Site selection end to end on the data model's rows: demand and existing supply
 * from the layers, candidates, the reduced problem, then the instant answer and
 * the exact one. Used by the worker, the CLI and the benchmark alike.
 */
import { m, type Message } from '../../i18n';
import { MessageError, messageOfError } from '../../i18n/message-error';
import type { Kindergarten, PopulationCell } from '../model';
import { suppliesPlaces } from '../supply';
import { finiteOr0, now } from '../engine-prepare';
import type { Highs } from 'highs';
import { buildSitingProblem, type SitingDemand, type SitingPrepared } from './build-problem';
import { evaluateAnswer } from './evaluate';
import { solveExact, type ExactOptions } from './exact';
import { solveCapacitatedHeuristic, solveLscpHeuristic, solveMclpHeuristic } from './heuristic';
import type { SitingAnswer, SitingCandidate, SitingParams } from './siting-types';

/** Demand = children 3–5 of the population rows; supply = places of kindergartens that supply (suppliesPlaces). */
export function sitingDemandOf(population: readonly PopulationCell[], kindergartens: readonly Kindergarten[]): SitingDemand {
  return {
    cellLon: Float64Array.from(population, (c) => c.lon),
    cellLat: Float64Array.from(population, (c) => c.lat),
    children: Float64Array.from(population, (c) => finiteOr0(c.children_3_5)),
    kgLon: Float64Array.from(kindergartens, (k) => k.lon),
    kgLat: Float64Array.from(kindergartens, (k) => k.lat),
    kgPlaces: Float64Array.from(kindergartens, (k) => (suppliesPlaces(k) ? finiteOr0(k.places) : 0)),
  };
}

const M_PER_DEG = 111_320;

/**
 * Candidates on a square grid over populated land: one at the centre of every
 * spacingM × spacingM square holding at least one row with children. Inputs:
 * rows in degrees, spacing in metres (squares are laid out in a local metric
 * frame at the rows' mean latitude).
 */
export function gridCandidates(population: readonly PopulationCell[], spacingM: number, nameOf: (col: number, row: number) => string = (col, row) => `G${col}-${row}`): SitingCandidate[] {
  if (!(spacingM > 0)) throw new MessageError('engine.siting.badSpacing', { spacing: spacingM });
  const pts = population.filter((c) => finiteOr0(c.children_3_5) > 0 && Number.isFinite(c.lon) && Number.isFinite(c.lat));
  if (pts.length === 0) return [];
  let minLon = Infinity;
  let minLat = Infinity;
  let sumLat = 0;
  for (const c of pts) {
    minLon = Math.min(minLon, c.lon);
    minLat = Math.min(minLat, c.lat);
    sumLat += c.lat;
  }
  const dLat = spacingM / M_PER_DEG;
  const dLon = spacingM / (M_PER_DEG * Math.cos(((sumLat / pts.length) * Math.PI) / 180));
  const keys = new Set<string>();
  const out: SitingCandidate[] = [];
  for (const c of pts) {
    const col = Math.floor((c.lon - minLon) / dLon);
    const row = Math.floor((c.lat - minLat) / dLat);
    const key = `${col},${row}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({ id: `G${col}-${row}`, name: nameOf(col, row), lon: minLon + (col + 0.5) * dLon, lat: minLat + (row + 0.5) * dLat, source: 'grid', areaM2: null, cost10k: null });
  }
  // deterministic order: by row, then column
  return out.sort((a, b) => a.lat - b.lat || a.lon - b.lon);
}

/** The reduced problem of these rows and candidates (see buildSitingProblem). */
export function prepareSiting(population: readonly PopulationCell[], kindergartens: readonly Kindergarten[], candidates: readonly SitingCandidate[], params: SitingParams): SitingPrepared {
  return buildSitingProblem(sitingDemandOf(population, kindergartens), candidates, params);
}

/** The instant answer (greedy + swap / greedy), evaluated on the rows. */
export function runSitingHeuristic(prep: SitingPrepared): SitingAnswer {
  const t0 = now();
  const pr = prep.problem;
  const status = m('engine.siting.heuristic');
  if (pr.goal === 'lscp') {
    const h = solveLscpHeuristic(pr);
    return evaluateAnswer(prep, { method: 'heuristic', chosen: h.chosen, objective: h.objective, bound: NaN, gap: NaN, provedOptimal: false, status, ms: now() - t0, flow: null });
  }
  if (pr.capacity) {
    const before = solveCapacitatedHeuristic({ ...pr, p: 0 });
    const h = solveCapacitatedHeuristic(pr);
    return evaluateAnswer(prep, { method: 'heuristic', chosen: h.chosen, objective: h.objective, bound: NaN, gap: NaN, provedOptimal: false, status, ms: now() - t0, flow: h.flow, servedBefore: before.objective });
  }
  const h = solveMclpHeuristic(pr);
  return evaluateAnswer(prep, { method: 'heuristic', chosen: h.chosen, objective: h.objective, bound: NaN, gap: NaN, provedOptimal: false, status, ms: now() - t0, flow: null });
}

/**
 * The exact answer with HiGHS, started from `start` (the heuristic's sites).
 * Capacitated: also the children the existing sites alone can serve (an LP), for before → after.
 */
export function runSitingExact(prep: SitingPrepared, highs: Highs, opts: ExactOptions): SitingAnswer {
  const pr = prep.problem;
  const e = solveExact(pr, highs, opts);
  let servedBefore: number | undefined;
  if (pr.goal === 'mclp' && pr.capacity) servedBefore = solveExact({ ...pr, p: 0, budget10k: null }, highs, { timeLimitS: opts.timeLimitS }).objective;
  return evaluateAnswer(prep, { method: 'exact', chosen: e.chosen, objective: e.objective, bound: e.bound, gap: e.gap, provedOptimal: e.provedOptimal, status: e.status, ms: e.ms, flow: e.flow, servedBefore });
}

/** A siting failure, saying what to change (never the solver's raw "Aborted()"). */
export function sitingError(e: unknown): Message {
  const text = e instanceof Error ? e.message : String(e);
  if ((e as Error)?.name === 'SitingTooLargeError') return messageOfError(e);
  if (/Aborted|out of memory|memory access|RangeError: Array buffer allocation|Cannot enlarge memory/i.test(text)) {
    return m('engine.siting.outOfMemory');
  }
  return m('engine.siting.failed', { error: messageOfError(e) });
}
