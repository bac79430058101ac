/**
 * Demand in a plan year.
 *
 * Births method: children aged 3–5 in year t ≈ births of t−3, t−4, t−5.
 * - National series (default): a 街道's children in t = its children in the data
 *   year × B(t−3..t−5) / B(d−3..d−5) × (1 + m)^(t − d), with B the national births,
 *   d the population layer's year and m the net migration rate (survival cancels).
 * - Absolute local births (per 街道, or for the district): children in t =
 *   Σ B_local(t−3..t−5) × survival × (1 + m)^(t − d), spread over the cells of the
 *   街道 (district) in proportion to their data-year children.
 * 千人指标 method: places needed = residents × placesPerThousand / 1000.
 * New 小区 completed after `newCommunityAfterYear` add their residents from their
 * completion year (children = residents × the child share).
 */
import type { Community } from '../model';
import type { DemandSettings, PlanMessage, PlanSettings } from './plan-types';

const sumBirths = (series: Record<number, number> | null | undefined, t: number): number | null => {
  if (!series) return null;
  let s = 0;
  for (const a of [3, 4, 5]) {
    const v = series[t - a];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return null;
    s += v;
  }
  return s;
};

/** Births of t−3 … t−5 in a series, null when a year is missing. */
export function birthsOfCohort(series: Record<number, number> | null | undefined, t: number): number | null {
  return sumBirths(series, t);
}

/** A new 小区 as a demand point. */
export interface NewCommunityPoint {
  id: string;
  lon: number;
  lat: number;
  streetCode: string;
  residents: number;
  fromYear: number;
}

/** New 小区 completed after settings.newCommunityAfterYear (built_year), with their residents. */
export function newCommunityPoints(communities: readonly Community[], s: PlanSettings): NewCommunityPoint[] {
  const out: NewCommunityPoint[] = [];
  for (const c of communities) {
    const y = c.built_year;
    if (typeof y !== 'number' || !(y > s.newCommunityAfterYear)) continue;
    const res = typeof c.residents === 'number' && c.residents > 0 ? c.residents : typeof c.households === 'number' && c.households > 0 ? c.households * s.householdSize : 0;
    if (res <= 0) continue;
    out.push({ id: `new:${c.id}`, lon: c.lon, lat: c.lat, streetCode: c.street_code ?? '', residents: res, fromYear: y });
  }
  return out;
}

/** Per-街道 multiplier or absolute target of children in year t (births method). */
export type StreetChildrenRule =
  /** children_t = data-year children × factor */
  | { kind: 'factor'; factor: number }
  /** children_t = total (persons), spread over the 街道's (or the district's) cells by data-year children */
  | { kind: 'absolute'; total: number; scope: 'street' | 'district' };

/**
 * How a 街道's children in year `t` follow from births. `streetCode` '' or unknown
 * uses the district/national series. Messages report missing years (then the
 * national series is used).
 */
export function childrenRule(d: DemandSettings, streetCode: string, t: number, dataYear: number, messages: PlanMessage[]): StreetChildrenRule {
  const mig = Math.pow(1 + d.netMigrationPerYear, t - dataYear);
  const local = d.streetBirths?.[streetCode] ?? d.districtBirths ?? null;
  const isDistrict = !d.streetBirths?.[streetCode];
  if (local) {
    const b = sumBirths(local, t);
    if (b !== null) return { kind: 'absolute', total: b * d.survivalRate * mig, scope: isDistrict ? 'district' : 'street' };
    messages.push({ key: 'plan.birthsMissing', values: { street: streetCode || '全区', year: t } });
  }
  const num = sumBirths(d.nationalBirths10k, t);
  const den = sumBirths(d.nationalBirths10k, dataYear);
  if (num === null || den === null || den === 0) {
    messages.push({ key: 'plan.nationalBirthsMissing', values: { year: t } });
    return { kind: 'factor', factor: mig };
  }
  return { kind: 'factor', factor: (num / den) * mig };
}

/** Demand arrays of one year over cells + new-community points. */
export interface YearDemand {
  childrenBirths: Float64Array;
  perThousand: Float64Array;
  residents: Float64Array;
  /** the array the engine evaluates (the chosen method) */
  used: Float64Array;
}

/** Data-year demand base: per-cell children and residents, each cell's 街道 (index into `streetCodes`). */
export interface DemandBase {
  children: Float64Array;
  residents: Float64Array;
  streetIndex: Int32Array;
  streetCodes: readonly string[];
  dataYear: number;
}

/**
 * Demand in year `t` over cells + new-community points (appended after the cells).
 * Work per year is one pass over the cells; per-街道 rules are computed once per 街道.
 */
export function demandAt(
  base: DemandBase,
  points: readonly NewCommunityPoint[],
  s: PlanSettings,
  t: number,
  messages: PlanMessage[],
  /** reuse the arrays of an earlier year (overwritten) */
  out?: YearDemand,
): YearDemand {
  const d = s.demand;
  const nCells = base.children.length;
  const n = nCells + points.length;
  const S = base.streetCodes.length;
  const childrenBirths = out ? out.childrenBirths.fill(0, nCells) : new Float64Array(n);
  const residents = out ? out.residents.fill(0, nCells) : new Float64Array(n);
  const perThousand = out ? out.perThousand.fill(0, nCells) : new Float64Array(n);
  const baseByStreet = new Float64Array(S);
  let baseDistrict = 0;
  for (let i = 0; i < nCells; i++) {
    baseByStreet[base.streetIndex[i]] += base.children[i];
    baseDistrict += base.children[i];
  }
  // children per data-year child, per 街道
  const mult = new Float64Array(S);
  for (let k = 0; k < S; k++) {
    const r = childrenRule(d, base.streetCodes[k] ?? '', t, base.dataYear, messages);
    if (r.kind === 'factor') mult[k] = r.factor;
    else {
      const den = r.scope === 'district' ? baseDistrict : baseByStreet[k];
      mult[k] = den > 0 ? r.total / den : 0;
    }
  }
  let sumChildren = 0;
  let sumResidents = 0;
  const k1000 = d.placesPerThousand / 1000;
  for (let i = 0; i < nCells; i++) {
    const c = base.children[i] * mult[base.streetIndex[i]];
    const r = base.residents[i];
    childrenBirths[i] = c;
    residents[i] = r;
    perThousand[i] = r * k1000;
    sumChildren += c;
    sumResidents += r;
  }
  const share = d.newCommunityChildShare ?? (sumResidents > 0 ? sumChildren / sumResidents : 0);
  for (let k = 0; k < points.length; k++) {
    const p = points[k];
    if (t < p.fromYear) continue;
    residents[nCells + k] = p.residents;
    childrenBirths[nCells + k] = p.residents * share;
    perThousand[nCells + k] = p.residents * k1000;
  }
  return { childrenBirths, perThousand, residents, used: d.method === 'births' ? childrenBirths : perThousand };
}
