/**
 * runAnalysis: the whole engine in one call (coverage, 2SFCA, supply vs demand per
 * 街道, 配套园 gaps, county indicators). Also runAnalysisAsync, which yields to the
 * event loop between chunks so a Web Worker can receive a cancel message.
 *
 * Pipeline: prepare typed arrays → neighbour pairs (grid index, chunked) →
 * coverage + nearest kindergarten → 2SFCA (both forms) → split of demand →
 * 街道/district rows → 配套园 → indicators. Inputs are never modified.
 */
import { AnalysisAbortError } from './abort';
import { analyseCommunities } from './communities';
import { computeCoverage } from './coverage';
import { validLonLat } from './geo';
import { headlineFigures } from './headline';
import { countsInIndicators, indicatorFigures, sumIndicatorInputs } from './indicators';
import { NeighbourPairBuilder, nearestAcceptedM } from './neighbour-pairs';
import { validateParams } from './params';
import { ragOf } from './status';
import { assignStreet, createStreetIndex, finalizeStreets } from './street-index';
import { aggregateStreets } from './supply-demand';
import { computeTwoStep, splitDemand } from './two-step-fca';
import type { AnalysisInput, AnalysisParams, AnalysisResult, KgStatusRag, RunOptions, StreetRow } from './types';

/** The population fields the engine reads (the app sends only these to its worker). */
export const POPULATION_FIELDS_USED = ['id', 'lon', 'lat', 'residents', 'children_3_5', 'street_code'] as const;

const CHUNK = 1 << 17;
const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const finiteOr0 = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/**
 * The engine as a generator: each `yield` is a point where the caller may pause
 * (the signal is checked and progress reported just before it).
 */
export function* analysisSteps(input: AnalysisInput, params: AnalysisParams, opts: RunOptions = {}): Generator<void, AnalysisResult, void> {
  const bad = validateParams(params);
  if (bad.length > 0) throw new RangeError(`分析参数无效：${bad.join('；')}`);
  const t0 = now();
  const step = (fraction: number, stageZh: string): void => {
    if (opts.signal?.aborted) throw new AnalysisAbortError();
    opts.onProgress?.(fraction, stageZh);
  };
  step(0, '准备数据');
  const warningsZh: string[] = [];
  const kgs = input.kindergartens ?? [];
  const cellsIn = input.population ?? [];
  const nKg = kgs.length;
  const nCells = cellsIn.length;
  if (input.supplyPlaces && input.supplyPlaces.length !== nKg) {
    throw new RangeError(`supplyPlaces 长度（${input.supplyPlaces.length}）与幼儿园数（${nKg}）不一致`);
  }

  // ── prepare ──
  const streets = createStreetIndex(input.admin_units ?? []);
  const kgLon = new Float64Array(nKg);
  const kgLat = new Float64Array(nKg);
  const kgActive = new Uint8Array(nKg);
  const kgSupply = new Float64Array(nKg);
  const kgClasses = new Float64Array(nKg);
  const kgEnrolled = new Float64Array(nKg);
  const kgStreet = new Int32Array(nKg);
  let kgBadCoords = 0;
  const kgByBoundary: number[] = [];
  for (let j = 0; j < nKg; j++) {
    const k = kgs[j];
    kgLon[j] = k.lon;
    kgLat[j] = k.lat;
    if (!validLonLat(k.lon, k.lat)) kgBadCoords++;
    const on = input.supplyPlaces ? finiteOr0(input.supplyPlaces[j]) > 0 : countsInIndicators(k);
    kgActive[j] = on ? 1 : 0;
    if (on) {
      kgSupply[j] = input.supplyPlaces ? finiteOr0(input.supplyPlaces[j]) : finiteOr0(k.places);
      kgClasses[j] = finiteOr0(k.classes);
      kgEnrolled[j] = finiteOr0(k.enrolled);
    }
    const a = assignStreet(streets, k.street_code, k.lon, k.lat);
    kgStreet[j] = a.index;
    if (a.byBoundary) kgByBoundary.push(a.index);
  }
  const cellLon = new Float64Array(nCells);
  const cellLat = new Float64Array(nCells);
  const children = new Float64Array(nCells);
  const residents = new Float64Array(nCells);
  const cellStreet = new Int32Array(nCells);
  let cellBadCoords = 0;
  let cellBadChildren = 0;
  const cellByBoundary: number[] = [];
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
      if (a.byBoundary) cellByBoundary.push(a.index);
    }
  }
  const communityStreet = new Int32Array((input.communities ?? []).length);
  const commByBoundary: number[] = [];
  (input.communities ?? []).forEach((c, m) => {
    const a = assignStreet(streets, c.street_code, c.lon, c.lat);
    communityStreet[m] = a.index;
    if (a.byBoundary) commByBoundary.push(a.index);
  });
  finalizeStreets(streets, [kgStreet, cellStreet, communityStreet]);
  if (kgBadCoords > 0) warningsZh.push(`${kgBadCoords} 所幼儿园坐标无效，未参与服务半径与可达性计算`);
  if (cellBadCoords > 0) warningsZh.push(`${cellBadCoords} 个人口网格坐标无效，视为不在任何服务半径内`);
  if (cellBadChildren > 0) warningsZh.push(`${cellBadChildren} 个人口网格的 3–5岁人数为空或为负，按 0 计`);
  if (nKg === 0) warningsZh.push('没有幼儿园数据');
  if (nCells === 0) warningsZh.push('没有人口分布数据，覆盖率与可达性无法计算');
  const tPrep = now();

  // ── neighbour pairs ──
  step(0.05, '计算服务半径内的幼儿园–网格配对');
  yield;
  const builder = new NeighbourPairBuilder(kgLon, kgLat, cellLon, cellLat, params.radiusM, { refineDistanceM: opts.refineDistanceM });
  for (let from = 0; from < nCells; from += CHUNK) {
    const to = Math.min(nCells, from + CHUNK);
    builder.run(from, to);
    step(0.05 + (0.5 * to) / nCells, '计算服务半径内的幼儿园–网格配对');
    yield;
  }
  const pairs = builder.finish();
  const tPairs = now();

  // ── coverage ──
  step(0.55, '计算覆盖与最近幼儿园');
  const cov = computeCoverage(pairs, kgActive, nCells);
  const nearestKgM = cov.nearestWithinM;
  for (let from = 0; from < nCells && params.nearestMaxM > 0; from += CHUNK) {
    const to = Math.min(nCells, from + CHUNK);
    nearestAcceptedM(builder.grid, cellLon, cellLat, kgActive, params.nearestMaxM, nearestKgM, cov.covered, from, to);
    step(0.55 + (0.2 * to) / nCells, '计算覆盖与最近幼儿园');
    yield;
  }
  const tCov = now();

  // ── 2SFCA ──
  step(0.75, '两步移动搜寻法（2SFCA）');
  const fca = computeTwoStep(pairs, kgSupply, kgActive, children);
  const access = params.decay === 'gaussian' ? fca.accessGaussian : fca.accessPlain;
  const split = splitDemand(cov.covered, access, children);
  const ratio = params.decay === 'gaussian' ? fca.ratioGaussian : fca.ratioPlain;
  const kgStatus: KgStatusRag[] = [];
  const kgStatusCounts: Record<KgStatusRag, number> = { green: 0, amber: 0, red: 0, no_demand: 0, inactive: 0 };
  for (let j = 0; j < nKg; j++) {
    const s: KgStatusRag = kgActive[j] !== 1 ? 'inactive' : ragOf(ratio[j], params.statusThresholds);
    kgStatus.push(s);
    kgStatusCounts[s]++;
  }
  const t2 = now();
  step(0.85, '汇总街道供需');
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

  // ── 配套园 ──
  step(0.92, '配套园台账分析');
  const comm = analyseCommunities(input.communities ?? [], kgs, {
    ruleTable: params.ruleTable,
    handoverMonths: params.handoverMonths,
    asOfDate: params.asOfDate,
  });
  comm.rows.forEach((r, m) => {
    r.streetCode = streets.codes[communityStreet[m]];
  });
  const tComm = now();

  // ── indicators ──
  step(0.96, '县域普及普惠指标');
  const th = params.indicatorThresholds;
  const byStreet: number[][] = streets.codes.map(() => []);
  const all: number[] = [];
  for (let j = 0; j < nKg; j++) {
    if (!countsInIndicators(kgs[j])) continue;
    all.push(j);
    byStreet[kgStreet[j]].push(j);
  }
  const indicators = indicatorFigures(sumIndicatorInputs(kgs, all, th.classSizeMax), agg.district.children, th);
  const tally = (list: number[]): Int32Array => {
    const out = new Int32Array(streets.codes.length);
    for (const s of list) out[s]++;
    return out;
  };
  const [nKgB, nCellB, nCommB] = [tally(kgByBoundary), tally(cellByBoundary), tally(commByBoundary)];
  const streetRows: StreetRow[] = agg.rows.map((row, s) => ({
    ...row,
    indicators: indicatorFigures(sumIndicatorInputs(kgs, byStreet[s], th.classSizeMax), row.children, th),
    assignedByBoundary: { kindergartens: nKgB[s], cells: nCellB[s], communities: nCommB[s] },
  }));
  const headline = headlineFigures(agg.district, params, kgStatusCounts, comm.summary);
  if (streets.unassignedIndex >= 0) warningsZh.push('部分记录缺少街道代码且不在任何街道边界内，归入“未分配街道”');
  const tEnd = now();
  step(1, '完成');

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
      ids: cellsIn.map((c) => c.id),
      covered: cov.covered,
      nearestKgM,
      accessPlain: fca.accessPlain,
      accessGaussian: fca.accessGaussian,
      served: split.served,
      overCapacity: split.overCapacity,
      outside: split.outside,
      streetIndex: cellStreet,
    },
    streets: streetRows,
    district: agg.district,
    indicators,
    headline,
    communities: comm.rows,
    communitySummary: comm.summary,
    pairCount: pairs.count,
    warningsZh,
    timings: {
      prepareMs: tPrep - t0,
      pairsMs: tPairs - tPrep,
      coverageMs: tCov - tPairs,
      twoStepMs: t2 - tCov,
      aggregateMs: tAgg - t2,
      communitiesMs: tComm - tAgg,
      indicatorsMs: tEnd - tComm,
      totalMs: tEnd - t0,
    },
  };
}

/**
 * Run the whole analysis synchronously.
 * @param input layers as schema rows (not modified)
 * @param params see defaultAnalysisParams(); radius in metres, asOfDate ISO
 * @param opts onProgress(fraction 0–1, stage in Chinese); signal.aborted checked
 *   between stages and chunks of 131,072 cells → throws AnalysisAbortError (name 'AbortError')
 */
export function runAnalysis(input: AnalysisInput, params: AnalysisParams, opts: RunOptions = {}): AnalysisResult {
  const gen = analysisSteps(input, params, opts);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

function macrotask(): Promise<void> {
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Same as runAnalysis, but yields to the event loop between chunks (so a worker
 * can receive {type:'cancel'} and set signal.aborted while it runs).
 */
export async function runAnalysisAsync(input: AnalysisInput, params: AnalysisParams, opts: RunOptions = {}): Promise<AnalysisResult> {
  const gen = analysisSteps(input, params, opts);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    await macrotask();
  }
}
