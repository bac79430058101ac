/**
 * The exact answers with HiGHS (WebAssembly): a sparse MIP of the reduced problem,
 * a time limit, the heuristic answer as the starting incumbent. The caller passes a
 * loaded HiGHS runtime (Node: `await loadHighs()`; the browser worker bundles the
 * wasm), so this file stays a pure function of its inputs.
 */
import { m, type Message } from '../../i18n';
import { MessageError } from '../../i18n/message-error';
import type { Highs } from 'highs';
import { now } from '../engine-prepare';
import type { SitingProblem } from './siting-types';

export interface ExactOptions {
  timeLimitS: number;
  /** chosen candidates of a feasible answer (the heuristic's), offered as the starting incumbent */
  start?: readonly number[];
  /** called now and then while branching: best objective, bound, gap */
  onProgress?: (p: { objective: number; bound: number; gap: number; seconds: number }) => void;
  /** true → stop branching and return the best answer so far */
  shouldStop?: () => boolean;
}

export interface ExactResult {
  chosen: number[];
  objective: number;
  bound: number;
  gap: number;
  provedOptimal: boolean;
  status: Message;
  /** capacitated only: children per (group, site) entry, aligned with problem.site */
  flow: Float64Array | null;
  ms: number;
  /** columns and nonzeros of the model given to HiGHS */
  cols: number;
  nnz: number;
}

const REL_GAP = 1e-6;

interface Built {
  numCols: number;
  numRows: number;
  maximize: boolean;
  cost: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  integrality: Int32Array;
  /** x of the start answer */
  startValue: Float64Array | null;
}

/** CSC assembly helper: columns appended in order. */
class Csc {
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];
  push(rows: ArrayLike<number>, vals: ArrayLike<number>): void {
    for (let k = 0; k < rows.length; k++) {
      this.indices.push(rows[k]);
      this.values.push(vals[k]);
    }
    this.starts.push(this.indices.length);
  }
}

/**
 * MCLP: max Σ w_g z_g, z_g ≤ Σ_{c reaches g} y_c, Σ y_c ≤ p, [Σ cost_c y_c ≤ B];
 * y binary, z ∈ [0, 1].
 */
function buildMclp(pr: SitingProblem, start?: readonly number[]): Built {
  const { nCand, nGroups, candOff, candGroup, weight } = pr;
  const budget = pr.budget10k !== null;
  const numRows = nGroups + 1 + (budget ? 1 : 0);
  const m = new Csc();
  for (let c = 0; c < nCand; c++) {
    const rows: number[] = [];
    const vals: number[] = [];
    for (let q = candOff[c]; q < candOff[c + 1]; q++) {
      rows.push(candGroup[q]);
      vals.push(-1);
    }
    rows.push(nGroups);
    vals.push(1);
    if (budget) {
      rows.push(nGroups + 1);
      vals.push(pr.candCost10k[c]);
    }
    m.push(rows, vals);
  }
  for (let g = 0; g < nGroups; g++) m.push([g], [1]);
  const numCols = nCand + nGroups;
  const cost = new Float64Array(numCols);
  cost.set(weight, nCand);
  const rowUpper = new Float64Array(numRows);
  rowUpper[nGroups] = pr.p;
  if (budget) rowUpper[nGroups + 1] = pr.budget10k as number;
  const integrality = new Int32Array(numCols);
  integrality.fill(1, 0, nCand);
  let startValue: Float64Array | null = null;
  if (start) {
    startValue = new Float64Array(numCols);
    for (const c of start) {
      startValue[c] = 1;
      for (let q = candOff[c]; q < candOff[c + 1]; q++) startValue[nCand + candGroup[q]] = 1;
    }
  }
  return {
    numCols,
    numRows,
    maximize: true,
    cost,
    lower: new Float64Array(numCols),
    upper: new Float64Array(numCols).fill(1),
    rowLower: new Float64Array(numRows).fill(-Infinity),
    rowUpper,
    ...arrays(m),
    integrality,
    startValue,
  };
}

/** LSCP: min Σ y_c, Σ_{c reaches g} y_c ≥ 1 for every group; y binary. */
function buildLscp(pr: SitingProblem, start?: readonly number[]): Built {
  const { nCand, nGroups, candOff, candGroup } = pr;
  const m = new Csc();
  for (let c = 0; c < nCand; c++) {
    const rows = candGroup.subarray(candOff[c], candOff[c + 1]);
    m.push(rows, new Float64Array(rows.length).fill(1));
  }
  let startValue: Float64Array | null = null;
  if (start) {
    startValue = new Float64Array(nCand);
    for (const c of start) startValue[c] = 1;
  }
  return {
    numCols: nCand,
    numRows: nGroups,
    maximize: false,
    cost: new Float64Array(nCand).fill(1),
    lower: new Float64Array(nCand),
    upper: new Float64Array(nCand).fill(1),
    rowLower: new Float64Array(nGroups).fill(1),
    rowUpper: new Float64Array(nGroups).fill(Infinity),
    ...arrays(m),
    integrality: new Int32Array(nCand).fill(1),
    startValue,
  };
}

/**
 * Capacitated MCLP: max Σ x_gs over (group, site) pairs in reach; Σ_s x_gs ≤ w_g;
 * Σ_g x_gs ≤ cap_s y_s; existing sites' y fixed to 1 by their bounds; Σ y_c ≤ p over
 * candidates, [budget]; y binary, 0 ≤ x_gs ≤ w_g.
 */
function buildCapacitated(pr: SitingProblem): Built {
  const { nCand, nGroups, nExisting: nEx, siteOff, site, weight } = pr;
  const nSites = nEx + nCand;
  const budget = pr.budget10k !== null;
  const capRow0 = nGroups;
  const cardRow = nGroups + nSites;
  const numRows = cardRow + 1 + (budget ? 1 : 0);
  const m = new Csc();
  const nX = site.length;
  const xUpper = new Float64Array(nX);
  for (let g = 0; g < nGroups; g++)
    for (let q = siteOff[g]; q < siteOff[g + 1]; q++) {
      m.push([g, capRow0 + site[q]], [1, 1]);
      xUpper[q] = weight[g];
    }
  for (let s = 0; s < nSites; s++) {
    const cap = s < nEx ? pr.existingCap[s] : pr.candCap[s - nEx];
    if (s < nEx) m.push([capRow0 + s], [-cap]);
    else if (budget) m.push([capRow0 + s, cardRow, cardRow + 1], [-cap, 1, pr.candCost10k[s - nEx]]);
    else m.push([capRow0 + s, cardRow], [-cap, 1]);
  }
  const numCols = nX + nSites;
  const cost = new Float64Array(numCols);
  cost.fill(1, 0, nX);
  const lower = new Float64Array(numCols);
  lower.fill(1, nX, nX + nEx);
  const upper = new Float64Array(numCols).fill(1);
  upper.set(xUpper, 0);
  const rowUpper = new Float64Array(numRows);
  rowUpper.set(weight, 0);
  rowUpper[cardRow] = pr.p;
  if (budget) rowUpper[cardRow + 1] = pr.budget10k as number;
  const integrality = new Int32Array(numCols);
  integrality.fill(1, nX);
  return {
    numCols,
    numRows,
    maximize: true,
    cost,
    lower,
    upper,
    rowLower: new Float64Array(numRows).fill(-Infinity),
    rowUpper,
    ...arrays(m),
    integrality,
    startValue: null,
  };
}

function arrays(m: Csc): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  return { starts: Int32Array.from(m.starts), indices: Int32Array.from(m.indices), values: Float64Array.from(m.values) };
}

/**
 * Nonzeros of the model above which HiGHS (32-bit WebAssembly, 2 GB at most) runs out of
 * memory: measured 2026-12-05, the capacity-aware model of 50,000 demand points × 8,000
 * candidates (2.2 million nonzeros) solved in 1.2 GB; × 20,000 candidates (6.4 million)
 * aborted at 2 GB.
 */
export const EXACT_MAX_NONZEROS = 2_500_000;

/** A problem too large for the exact solver (its message says what to change). */
export class SitingTooLargeError extends MessageError {
  override name = 'SitingTooLargeError';
}

/** The model's size before it is built: columns and nonzeros. */
export function exactModelSize(pr: SitingProblem): { cols: number; nnz: number } {
  const nSites = pr.nExisting + pr.nCand;
  if (pr.goal !== 'lscp' && pr.capacity) return { cols: pr.site.length + nSites, nnz: 2 * pr.site.length + 3 * nSites };
  return { cols: pr.nCand + pr.nGroups, nnz: pr.candGroup.length + pr.nGroups + 2 * pr.nCand };
}

/** Why the exact solver is not tried (with what to change), or null. */
export function exactTooLarge(pr: SitingProblem): Message | null {
  const { nnz } = exactModelSize(pr);
  if (nnz <= EXACT_MAX_NONZEROS) return null;
  const factor = Math.ceil(Math.sqrt(nnz / EXACT_MAX_NONZEROS) * 10) / 10;
  const wan = (n: number) => (n / 10_000).toFixed(0);
  const key = pr.capacity && pr.goal !== 'lscp' ? 'engine.siting.tooLargeCapacity' : 'engine.siting.tooLarge';
  return m(key, { nnz: wan(nnz), max: wan(EXACT_MAX_NONZEROS), factor });
}

/**
 * Solve the reduced problem exactly (within `timeLimitS`). Inputs: the problem of
 * buildSitingProblem, a loaded HiGHS. Returns the best answer found, HiGHS's bound
 * on the optimum and the relative gap; `provedOptimal` when the gap closed
 * (relative 1e-6).
 */
export function solveExact(pr: SitingProblem, highs: Highs, opts: ExactOptions): ExactResult {
  const t0 = now();
  const tooBig = exactTooLarge(pr);
  if (tooBig) throw new SitingTooLargeError(tooBig.key, tooBig.values);
  const b = pr.goal === 'lscp' ? buildLscp(pr, opts.start) : pr.capacity ? buildCapacitated(pr) : buildMclp(pr, opts.start);
  const inf = highs.infinity;
  const fin = (a: Float64Array) => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const model = highs.createModel({
    numCols: b.numCols,
    numRows: b.numRows,
    sense: b.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: b.cost,
    colLower: b.lower,
    colUpper: b.upper,
    rowLower: fin(b.rowLower),
    rowUpper: fin(b.rowUpper),
    matrix: { format: 'csc', numRows: b.numRows, numCols: b.numCols, starts: b.starts, indices: b.indices, values: b.values },
    integrality: b.integrality,
  });
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.1, opts.timeLimitS), mip_rel_gap: REL_GAP });
    if (b.startValue) model.setSolution({ colValue: b.startValue });
    let lastReport = 0;
    const cb = highs.constants.callbackType;
    model.run({
      [cb.mipInterrupt](event) {
        const d = event.data;
        const t = now();
        if (opts.onProgress && t - lastReport > 250) {
          lastReport = t;
          const objective = d.mip_primal_bound ?? NaN;
          const bound = d.mip_dual_bound ?? NaN;
          opts.onProgress({ objective, bound, gap: d.mip_gap ?? NaN, seconds: (t - t0) / 1000 });
        }
        if (opts.shouldStop?.()) event.interrupt();
      },
    });
    const status = model.getModelStatus();
    const S = highs.constants.modelStatus;
    const sol = model.getSolution().colValue;
    const hasSolution = status === S.optimal || (Number(model.info.get('primal_solution_status')) === 2);
    const objective = hasSolution ? model.getObjectiveValue() : NaN;
    // an LP (no candidates) has no MIP bound: its optimum is its own bound
    const boundRaw = b.integrality.some((v) => v === 1) ? Number(model.info.get('mip_dual_bound')) : NaN;
    const bound = Number.isFinite(boundRaw) ? boundRaw : status === S.optimal ? objective : NaN;
    const gap = hasSolution && Number.isFinite(bound) ? Math.abs(bound - objective) / Math.max(1, Math.abs(objective)) : Infinity;
    const provedOptimal = status === S.optimal && gap <= REL_GAP * 1.01 + 1e-12;
    const chosen: number[] = [];
    let flow: Float64Array | null = null;
    if (hasSolution) {
      const y0 = pr.goal !== 'lscp' && pr.capacity ? pr.site.length + pr.nExisting : 0;
      for (let c = 0; c < pr.nCand; c++) if (sol[y0 + c] > 0.5) chosen.push(c);
      if (pr.goal !== 'lscp' && pr.capacity) flow = Float64Array.from(sol.subarray(0, pr.site.length));
    }
    const gapPct = (gap * 100).toFixed(2);
    const statusMsg = provedOptimal
      ? m('engine.siting.optimal')
      : status === S.timeLimit
        ? m('engine.siting.timeLimit', { s: opts.timeLimitS, gap: gapPct })
        : status === S.interrupted
          ? m('engine.siting.interrupted', { gap: gapPct })
          : status === S.infeasible
            ? m('engine.siting.infeasible')
            : m('engine.siting.other', { status, gap: gapPct });
    return { chosen, objective, bound, gap, provedOptimal, status: statusMsg, flow, ms: now() - t0, cols: b.numCols, nnz: b.indices.length };
  } finally {
    model.dispose();
  }
}
