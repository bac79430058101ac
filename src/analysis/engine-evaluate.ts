/**
 * Engine stages 3–4: evaluate supply and demand on prepared pairs (coverage,
 * nearest kindergarten, 2SFCA, split of demand, 街道 rows), then describe the
 * result (配套园, indicators, headline figures). Supply comes from the rows of
 * `view.kgs` (the one supply rule, `suppliesPlaces` in supply.ts), demand from `view.children`.
 */
import { m, type Message } from '../i18n';
import { MessageError } from '../i18n/message-error';
import type { Kindergarten } from './model';
import { hasSupplyingStatus, suppliesPlaces } from './supply';
import { analyseCommunities } from './communities';
import { computeCoverage } from './coverage';
import { CELL_CHUNK, finiteOr0, now, type PreparedInput } from './engine-prepare';
import { headlineFigures } from './headline';
import { indicatorFigures, sumIndicatorInputs } from './indicators';
import { ragOf } from './status';
import { aggregateStreets } from './supply-demand';
import { computeTwoStep, splitDemand } from './two-step-fca';
import type { AnalysisParams, AnalysisResult, KgStatusRag, StreetRow } from './types';

/** The supply and demand one evaluation uses; arrays index-aligned with the prepared rows. */
export interface EvaluationView {
  /** the kindergartens as they stand (status, places, type, enrolled), same length and order as prep.kgs */
  kgs: readonly Kindergarten[];
  /** demand per cell (children 3–5, or demand in child-equivalents); default the rows' children_3_5 */
  children?: Float64Array;
  residents?: Float64Array;
  /** override: places per kindergarten; a kindergarten supplies iff > 0 (its status is then ignored) */
  supplyPlaces?: ArrayLike<number>;
  /** children 3–5 per cell for the rate denominators when `children` is another demand (千人指标); default `children` */
  rateChildren?: Float64Array;
  /** skip 配套园 and per-cell detail (summary years of a plan) */
  summaryOnly?: boolean;
}

type Scratch = {
  cov: { covered: Uint8Array; nearestWithinM: Float64Array };
  access: { accessPlain: Float64Array; accessGaussian: Float64Array };
  split: { served: Float64Array; overCapacity: Float64Array; outside: Float64Array };
};
const scratchByPrep = new WeakMap<PreparedInput, Scratch>();

function scratchOf(prep: PreparedInput): Scratch {
  let s = scratchByPrep.get(prep);
  if (!s) {
    const n = prep.nCells;
    const f = () => new Float64Array(n);
    s = { cov: { covered: new Uint8Array(n), nearestWithinM: f() }, access: { accessPlain: f(), accessGaussian: f() }, split: { served: f(), overCapacity: f(), outside: f() } };
    scratchByPrep.set(prep, s);
  }
  return s;
}

function streetSums(v: Float64Array | undefined, street: Int32Array, nStreets: number): Float64Array | null {
  if (!v) return null;
  const out = new Float64Array(nStreets);
  for (let i = 0; i < v.length; i++) out[street[i]] += v[i];
  return out;
}


export function* evaluateSteps(
  prep: PreparedInput,
  view: EvaluationView,
  params: AnalysisParams,
  step: (fraction: number, stage: Message) => void,
): Generator<void, AnalysisResult, void> {
  const t0 = now();
  const { nKg, nCells, streets, kgStreet, cellStreet } = prep;
  const kgs = view.kgs;
  if (kgs.length !== nKg) throw new MessageError('engine.err.kgCount', { n: kgs.length, expected: nKg });
  if (view.supplyPlaces && view.supplyPlaces.length !== nKg) {
    throw new MessageError('engine.err.supplyLength', { n: view.supplyPlaces.length, expected: nKg });
  }
  const children = view.children ?? prep.children;
  const residents = view.residents ?? prep.residents;
  const kgActive = new Uint8Array(nKg);
  const kgSupply = new Float64Array(nKg);
  const kgClasses = new Float64Array(nKg);
  const kgEnrolled = new Float64Array(nKg);
  for (let j = 0; j < nKg; j++) {
    const k = kgs[j];
    const on = view.supplyPlaces ? finiteOr0(view.supplyPlaces[j]) > 0 : suppliesPlaces(k);
    kgActive[j] = on ? 1 : 0;
    if (on) {
      kgSupply[j] = view.supplyPlaces ? finiteOr0(view.supplyPlaces[j]) : finiteOr0(k.places);
      kgClasses[j] = finiteOr0(k.classes);
      kgEnrolled[j] = finiteOr0(k.enrolled);
    }
  }

  // ── coverage ──
  step(0.55, m('engine.stage.coverage'));
  const pairs = prep.pairs;
  // summary years of a plan reuse one set of per-cell buffers (their per-cell arrays are not returned)
  const scratch = view.summaryOnly ? scratchOf(prep) : undefined;
  const cov = computeCoverage(pairs, kgActive, nCells, scratch?.cov);
  const nearestKgM = cov.nearestWithinM;
  for (let from = 0; from < nCells && params.nearestMaxM > 0 && !view.summaryOnly; from += CELL_CHUNK) {
    const to = Math.min(nCells, from + CELL_CHUNK);
    prep.reach.nearestM(kgActive, params.nearestMaxM, nearestKgM, cov.covered, from, to);
    step(0.55 + (0.2 * to) / nCells, m('engine.stage.coverage'));
    yield;
  }
  const tCov = now();

  // ── 2SFCA ──
  step(0.75, m('engine.stage.twoStep'));
  const fca = computeTwoStep(pairs, kgSupply, kgActive, children, scratch?.access);
  // the served / short split counts places against children inside the radius (uniform A_i),
  // whatever the decay: under Gaussian weights A_i < 1 can sit next to a kindergarten with R ≥ 1
  const split = splitDemand(cov.covered, fca.accessPlain, children, scratch?.split);
  const ratio = params.decay === 'gaussian' ? fca.ratioGaussian : fca.ratioPlain;
  const kgStatus: KgStatusRag[] = [];
  const kgStatusCounts: Record<KgStatusRag, number> = { green: 0, amber: 0, red: 0, no_demand: 0, inactive: 0 };
  for (let j = 0; j < nKg; j++) {
    const s: KgStatusRag = kgActive[j] !== 1 ? 'inactive' : ragOf(ratio[j], params.statusThresholds);
    kgStatus.push(s);
    kgStatusCounts[s]++;
  }
  const t2 = now();
  step(0.85, m('engine.stage.streets'));
  yield;

  // ── aggregate ──
  const agg = aggregateStreets({
    nStreets: streets.codes.length,
    codes: streets.codes,
    namesZh: streets.namesZh,
    levels: streets.levels,
    kgStreet,
    kgActive,
    kgSupply,
    kgClasses,
    kgEnrolled,
    cellStreet,
    children,
    residents,
    covered: cov.covered,
    served: split.served,
    overCapacity: split.overCapacity,
    outside: split.outside,
    accessPlain: fca.accessPlain,
    accessGaussian: fca.accessGaussian,
    decay: params.decay,
    thresholds: params.statusThresholds,
  });
  const tAgg = now();

  // ── 配套园 ── (the ledger does not change with the plan year: evaluated on the input rows)
  step(0.92, m('engine.stage.communities'));
  const comm = analyseCommunities(view.summaryOnly ? [] : (prep.input.communities ?? []), prep.input.kindergartens ?? [], {
    ruleTable: params.ruleTable,
    handoverMonths: params.handoverMonths,
    asOfDate: params.asOfDate,
  });
  comm.rows.forEach((r, m) => {
    r.streetCode = streets.codes[prep.communityStreet[m]];
  });
  const tComm = now();

  // ── indicators ──
  step(0.96, m('engine.stage.indicators'));
  const th = params.indicatorThresholds;
  const byStreet: number[][] = streets.codes.map(() => []);
  const all: number[] = [];
  for (let j = 0; j < nKg; j++) {
    if (kgActive[j] !== 1) continue;
    all.push(j);
    byStreet[kgStreet[j]].push(j);
  }
  const rateChildrenOf = streetSums(view.rateChildren, cellStreet, streets.codes.length);
  const districtRateChildren = rateChildrenOf ? Math.round(rateChildrenOf.reduce((a, b) => a + b, 0)) : agg.district.children;
  const indicators = indicatorFigures(sumIndicatorInputs(kgs, all, th.classSizeMax), districtRateChildren, th);
  const tally = (list: number[]): Int32Array => {
    const out = new Int32Array(streets.codes.length);
    for (const s of list) out[s]++;
    return out;
  };
  const [nKgB, nCellB, nCommB] = [tally(prep.byBoundary.kindergartens), tally(prep.byBoundary.cells), tally(prep.byBoundary.communities)];
  const streetRows: StreetRow[] = agg.rows.map((row, s) => ({
    ...row,
    indicators: indicatorFigures(sumIndicatorInputs(kgs, byStreet[s], th.classSizeMax), rateChildrenOf ? Math.round(rateChildrenOf[s]) : row.children, th),
    assignedByBoundary: { kindergartens: nKgB[s], cells: nCellB[s], communities: nCommB[s] },
  }));
  const headline = headlineFigures(agg.district, params, kgStatusCounts, comm.summary);
  const warnings = [...prep.warnings];
  let zeroPlaces = 0;
  for (let j = 0; j < nKg; j++) if (hasSupplyingStatus(kgs[j]) && !(finiteOr0(kgs[j].places) > 0)) zeroPlaces++;
  if (zeroPlaces > 0) warnings.push(m('engine.warn.zeroPlaces', { n: zeroPlaces }));
  if (streets.unassignedIndex >= 0) warnings.push(m('engine.warn.unassigned'));
  const tEnd = now();
  step(1, m('engine.stage.done'));

  const cellsIn = prep.input.population ?? [];
  const empty = view.summaryOnly;
  return {
    params: structuredClone(params),
    kindergartens: {
      ids: kgs.map((k) => k.id),
      names: kgs.map((k) => k.name),
      active: kgActive,
      supplyPlaces: kgSupply,
      inCatchmentDemand: fca.demandPlain,
      weightedDemandGaussian: fca.demandGaussian,
      ratioPlain: fca.ratioPlain,
      ratioGaussian: fca.ratioGaussian,
      status: kgStatus,
      streetIndex: kgStreet,
    },
    cells: {
      ids: empty ? [] : cellsIn.map((c) => c.id),
      covered: empty ? new Uint8Array(0) : cov.covered,
      nearestKgM: empty ? new Float64Array(0) : nearestKgM,
      accessPlain: empty ? new Float64Array(0) : fca.accessPlain,
      accessGaussian: empty ? new Float64Array(0) : fca.accessGaussian,
      served: empty ? new Float64Array(0) : split.served,
      overCapacity: empty ? new Float64Array(0) : split.overCapacity,
      outside: empty ? new Float64Array(0) : split.outside,
      streetIndex: empty ? new Int32Array(0) : cellStreet,
    },
    streets: streetRows,
    district: agg.district,
    indicators,
    headline,
    communities: comm.rows,
    communitySummary: comm.summary,
    pairCount: pairs.count,
    warnings,
    timings: {
      prepareMs: prep.prepareMs,
      pairsMs: prep.pairsMs,
      coverageMs: tCov - t0,
      twoStepMs: t2 - tCov,
      aggregateMs: tAgg - t2,
      communitiesMs: tComm - tAgg,
      indicatorsMs: tEnd - tComm,
      totalMs: prep.prepareMs + prep.pairsMs + (tEnd - t0),
    },
  };
}
