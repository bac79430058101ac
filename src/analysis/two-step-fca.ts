/**
 * Two-step floating catchment area (2SFCA), plain and Gaussian, from neighbour pairs.
 *
 * Step 1, per kindergarten j: R_j = S_j ÷ Σ_{k: d_kj ≤ d0} W(d_kj)·P_k
 * Step 2, per demand cell i:  A_i = Σ_{j: d_ij ≤ d0} W(d_ij)·R_j
 * W = 1 (plain) or W(d) = (e^{−½(d/d0)²} − e^{−½}) / (1 − e^{−½}) (Gaussian).
 *
 * Convention: when the weighted demand of j is 0 (no children in its catchment),
 * R_j is undefined (NaN) and j adds nothing to any A_i. Hence, for both forms,
 * Σ_i A_i·P_i = Σ of S_j over kindergartens with demand (places are conserved).
 */
import { gaussianWeight } from './geo';
import type { NeighbourPairs } from './neighbour-pairs';

export interface TwoStepResult {
  /** Σ P_k within d0 (children) */
  demandPlain: Float64Array;
  /** Σ W(d)·P_k, Gaussian */
  demandGaussian: Float64Array;
  ratioPlain: Float64Array;
  ratioGaussian: Float64Array;
  accessPlain: Float64Array;
  accessGaussian: Float64Array;
}

/**
 * Both 2SFCA forms. Inputs: pairs (d0 = pairs.radiusM, metres), supply S_j
 * (places, index-aligned with kindergartens), active mask (inactive → R_j = NaN,
 * no contribution), demand P_i per cell (children 3–5, ≥ 0). Nothing is modified.
 */
export function computeTwoStep(
  pairs: NeighbourPairs,
  supply: ArrayLike<number>,
  active: Uint8Array,
  demand: ArrayLike<number>,
  /** reuse these per-cell output arrays (zeroed here), e.g. across the years of a plan */
  out?: { accessPlain: Float64Array; accessGaussian: Float64Array },
): TwoStepResult {
  const nKg = supply.length;
  const nCells = demand.length;
  const d0 = pairs.radiusM;
  const { count, kg, cell, distM } = pairs;
  const demandPlain = new Float64Array(nKg);
  const demandGaussian = new Float64Array(nKg);
  const weight = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    const j = kg[p];
    if (active[j] !== 1) continue;
    const w = gaussianWeight(distM[p], d0);
    weight[p] = w;
    const P = demand[cell[p]];
    demandPlain[j] += P;
    demandGaussian[j] += w * P;
  }
  const ratioPlain = new Float64Array(nKg);
  const ratioGaussian = new Float64Array(nKg);
  for (let j = 0; j < nKg; j++) {
    const on = active[j] === 1;
    ratioPlain[j] = on && demandPlain[j] > 0 ? supply[j] / demandPlain[j] : Number.NaN;
    ratioGaussian[j] = on && demandGaussian[j] > 0 ? supply[j] / demandGaussian[j] : Number.NaN;
  }
  const accessPlain = out ? out.accessPlain.fill(0) : new Float64Array(nCells);
  const accessGaussian = out ? out.accessGaussian.fill(0) : new Float64Array(nCells);
  for (let p = 0; p < count; p++) {
    const j = kg[p];
    if (active[j] !== 1) continue;
    const i = cell[p];
    const rp = ratioPlain[j];
    if (rp === rp) accessPlain[i] += rp;
    const rg = ratioGaussian[j];
    if (rg === rg) accessGaussian[i] += weight[p] * rg;
  }
  return { demandPlain, demandGaussian, ratioPlain, ratioGaussian, accessPlain, accessGaussian };
}

/**
 * Split each cell's children into served / covered-but-over-capacity / outside:
 * served_i = min(A_i, 1)·P_i for covered cells (A of the chosen form),
 * overCapacity_i = P_i − served_i for covered cells, outside_i = P_i for
 * uncovered cells. Per cell the three add up to P_i.
 */
export function splitDemand(
  covered: Uint8Array,
  access: Float64Array,
  demand: ArrayLike<number>,
  /** reuse these output arrays (zeroed here) */
  out?: { served: Float64Array; overCapacity: Float64Array; outside: Float64Array },
): { served: Float64Array; overCapacity: Float64Array; outside: Float64Array } {
  const n = demand.length;
  const served = out ? out.served.fill(0) : new Float64Array(n);
  const overCapacity = out ? out.overCapacity.fill(0) : new Float64Array(n);
  const outside = out ? out.outside.fill(0) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const P = demand[i];
    if (covered[i] === 1) {
      const a = access[i];
      const s = a >= 1 ? P : a > 0 ? a * P : 0;
      served[i] = s;
      overCapacity[i] = P - s;
    } else outside[i] = P;
  }
  return { served, overCapacity, outside };
}
