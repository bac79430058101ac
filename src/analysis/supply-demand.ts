/**
 * Supply vs demand and coverage per 街道 and for the district.
 *
 * Children are reported in whole persons: per 街道 the real-valued parts
 * (served, overCapacity, outside) are rounded by the largest-remainder method to
 * sum exactly to round(Σ children 3–5); coveredChildren = served + overCapacity.
 * District figures are the sums of the 街道 rows (so rows add up to the total); the
 * district's placesGap is the sum of the 街道 shortfalls, not netted.
 */
import { ragOf } from './status';
import type { DecayKind, RagThresholds, SupplyDemandRow } from './types';

export interface StreetAggregateInput {
  nStreets: number;
  codes: string[];
  namesZh: string[];
  levels: string[];
  /** per kindergarten */
  kgStreet: Int32Array;
  kgActive: Uint8Array;
  kgSupply: Float64Array;
  kgClasses: Float64Array;
  kgEnrolled: Float64Array;
  /** per cell */
  cellStreet: Int32Array;
  children: Float64Array;
  residents: Float64Array;
  covered: Uint8Array;
  served: Float64Array;
  overCapacity: Float64Array;
  outside: Float64Array;
  accessPlain: Float64Array;
  accessGaussian: Float64Array;
  decay: DecayKind;
  thresholds: RagThresholds;
}

/** Round non-negative parts to integers summing to `total` (largest remainder). */
export function largestRemainder(parts: number[], total: number): number[] {
  const floors = parts.map((p) => Math.floor(Math.max(0, p)));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = parts
    .map((p, k) => ({ k, r: Math.max(0, p) - floors[k] }))
    .sort((a, b) => b.r - a.r || a.k - b.k);
  for (let t = 0; left > 0 && order.length > 0; t++, left--) floors[order[t % order.length].k]++;
  // left < 0 cannot happen for parts summing to ≥ total − 0.5; guard anyway
  for (let k = parts.length - 1; left < 0 && k >= 0; k--) {
    const take = Math.min(floors[k], -left);
    floors[k] -= take;
    left += take;
  }
  return floors;
}

function emptyRow(code: string, nameZh: string, level: string): SupplyDemandRow {
  return {
    code,
    nameZh,
    level,
    kindergartens: 0,
    classes: 0,
    places: 0,
    enrolled: 0,
    residents: 0,
    children: 0,
    placesBalance: 0,
    placesGap: 0,
    coveredChildren: 0,
    coveredResidents: 0,
    coveredChildrenShare: Number.NaN,
    coveredResidentsShare: Number.NaN,
    served: 0,
    overCapacity: 0,
    outside: 0,
    meanAccess: Number.NaN,
    meanAccessPlain: Number.NaN,
    meanAccessGaussian: Number.NaN,
    status: 'no_demand',
  };
}

function finishRow(
  row: SupplyDemandRow,
  childrenF: number,
  accPlainF: number,
  accGaussF: number,
  decay: DecayKind,
  thresholds: RagThresholds,
): void {
  row.placesBalance = row.places - row.children;
  row.placesGap = Math.max(0, row.children - row.places);
  row.coveredChildren = row.served + row.overCapacity;
  row.coveredChildrenShare = row.children > 0 ? row.coveredChildren / row.children : Number.NaN;
  row.coveredResidentsShare = row.residents > 0 ? row.coveredResidents / row.residents : Number.NaN;
  row.meanAccessPlain = childrenF > 0 ? accPlainF / childrenF : Number.NaN;
  row.meanAccessGaussian = childrenF > 0 ? accGaussF / childrenF : Number.NaN;
  row.meanAccess = decay === 'gaussian' ? row.meanAccessGaussian : row.meanAccessPlain;
  row.status = childrenF > 0 ? ragOf(row.meanAccess, thresholds) : 'no_demand';
}

/**
 * Rows per 街道 plus the district row. Inputs are index-aligned arrays
 * (kindergartens, cells) with a street index each; children in persons.
 */
export function aggregateStreets(a: StreetAggregateInput): { rows: SupplyDemandRow[]; district: SupplyDemandRow } {
  const S = a.nStreets;
  const rows = Array.from({ length: S }, (_, s) => emptyRow(a.codes[s], a.namesZh[s], a.levels[s]));
  const f = (n: number) => new Float64Array(n);
  const childrenF = f(S);
  const residentsF = f(S);
  const coveredResF = f(S);
  const servedF = f(S);
  const overF = f(S);
  const outsideF = f(S);
  const accPlainF = f(S);
  const accGaussF = f(S);
  for (let j = 0; j < a.kgStreet.length; j++) {
    if (a.kgActive[j] !== 1) continue;
    const r = rows[a.kgStreet[j]];
    r.kindergartens++;
    r.classes += a.kgClasses[j];
    r.places += a.kgSupply[j];
    r.enrolled += a.kgEnrolled[j];
  }
  for (let i = 0; i < a.cellStreet.length; i++) {
    const s = a.cellStreet[i];
    const P = a.children[i];
    childrenF[s] += P;
    residentsF[s] += a.residents[i];
    if (a.covered[i] === 1) coveredResF[s] += a.residents[i];
    servedF[s] += a.served[i];
    overF[s] += a.overCapacity[i];
    outsideF[s] += a.outside[i];
    accPlainF[s] += a.accessPlain[i] * P;
    accGaussF[s] += a.accessGaussian[i] * P;
  }
  const district = emptyRow('', '全区', 'district');
  let dChildrenF = 0;
  let dAccPlain = 0;
  let dAccGauss = 0;
  for (let s = 0; s < S; s++) {
    const r = rows[s];
    r.children = Math.round(childrenF[s]);
    [r.served, r.overCapacity, r.outside] = largestRemainder([servedF[s], overF[s], outsideF[s]], r.children);
    r.residents = Math.round(residentsF[s]);
    r.coveredResidents = Math.min(r.residents, Math.round(coveredResF[s]));
    finishRow(r, childrenF[s], accPlainF[s], accGaussF[s], a.decay, a.thresholds);
    for (const k of ['kindergartens', 'classes', 'places', 'enrolled', 'residents', 'children', 'served', 'overCapacity', 'outside', 'coveredResidents'] as const) {
      district[k] += r[k];
    }
    dChildrenF += childrenF[s];
    dAccPlain += accPlainF[s];
    dAccGauss += accGaussF[s];
  }
  finishRow(district, dChildrenF, dAccPlain, dAccGauss, a.decay, a.thresholds);
  // never netted across 街道: a surplus in one does not fill the shortage of another
  district.placesGap = rows.reduce((sum, r) => sum + r.placesGap, 0);
  return { rows, district };
}
