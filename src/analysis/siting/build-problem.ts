/**
 * Build the reduced siting problem from demand cells, existing kindergartens and
 * candidates. Reach comes from the engine's neighbour pairs (one pair search over
 * existing sites + candidates; no second distance code).
 */
import { m } from '../../i18n';
import type { NeighbourPairs } from '../neighbour-pairs';
import { openReach } from '../reach';
import { now } from '../engine-prepare';
import { LAND_M2_BY_CLASSES, PLACES_PER_CLASS, type DroppedCandidate, type SitingCandidate, type SitingParams, type SitingProblem, type SitingSummary } from './siting-types';

/** Demand and existing supply as flat arrays (index-aligned with the population rows / kindergartens). */
export interface SitingDemand {
  cellLon: Float64Array;
  cellLat: Float64Array;
  /** children 3–5 per cell (persons) */
  children: Float64Array;
  kgLon: Float64Array;
  kgLat: Float64Array;
  /** places of each existing kindergarten that supplies (0 = not supplying) */
  kgPlaces: Float64Array;
}

/** The problem plus what evaluation needs (stays where it was built; not posted). */
export interface SitingPrepared {
  problem: SitingProblem;
  summary: SitingSummary;
  demand: SitingDemand;
  candidates: SitingCandidate[];
  /** existing kindergartens taking part as sites (indices into the kindergartens) */
  existingKg: Int32Array;
  /** sites of the pair search: existingKg…, then candidates */
  pairs: NeighbourPairs;
  /** per cell: 1 when an existing supplying kindergarten is within reach */
  coveredByExisting: Uint8Array;
}

/** Drop candidates that cannot be used: bad coordinates, or a plot too small for the scale. */
export function filterCandidates(cands: readonly SitingCandidate[], classes: 6 | 9 | 12): { kept: SitingCandidate[]; dropped: DroppedCandidate[] } {
  const need = LAND_M2_BY_CLASSES[classes];
  const kept: SitingCandidate[] = [];
  const dropped: DroppedCandidate[] = [];
  for (const c of cands) {
    if (!(Number.isFinite(c.lon) && Number.isFinite(c.lat) && Math.abs(c.lon) <= 180 && Math.abs(c.lat) <= 90)) {
      dropped.push({ id: c.id, name: c.name, reason: m('engine.siting.badCoords') });
    } else if (c.areaM2 !== null && c.areaM2 < need) {
      dropped.push({ id: c.id, name: c.name, reason: m('engine.siting.plotTooSmall', { area: Math.round(c.areaM2).toLocaleString('en-US'), classes, need: need.toLocaleString('en-US') }) });
    } else kept.push(c);
  }
  return { kept, dropped };
}

/**
 * Build the problem. Inputs: demand (degrees, persons), candidates, parameters
 * (radius in metres). Assumptions: straight-line reach as the engine's pairs; in the
 * uncapacitated model a child inside an existing catchment is already served, so
 * those cells are dropped (the same as fixing the existing sites open); in the
 * capacitated model existing sites are sites with their places, fixed open.
 */
export function buildSitingProblem(demand: SitingDemand, candidatesIn: readonly SitingCandidate[], params: SitingParams): SitingPrepared {
  const t0 = now();
  const { kept: candidates, dropped } = filterCandidates(candidatesIn, params.classes);
  const nCells = demand.cellLon.length;
  const existingKg: number[] = [];
  for (let k = 0; k < demand.kgPlaces.length; k++) if (demand.kgPlaces[k] > 0) existingKg.push(k);
  const nEx = existingKg.length;
  const nCand = candidates.length;
  const siteLon = new Float64Array(nEx + nCand);
  const siteLat = new Float64Array(nEx + nCand);
  existingKg.forEach((k, s) => {
    siteLon[s] = demand.kgLon[k];
    siteLat[s] = demand.kgLat[k];
  });
  candidates.forEach((c, j) => {
    siteLon[nEx + j] = c.lon;
    siteLat[nEx + j] = c.lat;
  });
  // the reach provider of the analysis (straight line, or the walking network when params.reach says so)
  const b = openReach(params.reach, siteLon, siteLat, demand.cellLon, demand.cellLat, params.radiusM);
  b.run(0, b.units);
  const pairs = b.finish();
  const t1 = now();

  const coveredByExisting = new Uint8Array(nCells);
  let childrenTotal = 0;
  let covered = 0;
  let unreachable = 0;
  const unreachableCells: number[] = [];
  const groupOfCell = new Int32Array(nCells).fill(-1);
  const keyToGroup = new Map<string, number>();
  const weights: number[] = [];
  const groupSites: Int32Array[] = [];
  const buf: number[] = [];
  let inModel = 0;
  for (let i = 0; i < nCells; i++) {
    const w = demand.children[i];
    if (!(w > 0)) continue;
    childrenTotal += w;
    buf.length = 0;
    let ex = false;
    for (let q = pairs.cellOffsets[i]; q < pairs.cellOffsets[i + 1]; q++) {
      const s = pairs.kg[q];
      if (s < nEx) ex = true;
      buf.push(s);
    }
    if (ex) {
      coveredByExisting[i] = 1;
      covered += w;
    }
    if (!params.capacity) {
      // uncapacitated: only candidates matter, and only for children not yet covered
      if (ex) continue;
      for (let k = buf.length - 1; k >= 0; k--) if (buf[k] < nEx) buf.splice(k, 1);
    }
    if (buf.length === 0) {
      if (!ex) {
        unreachable += w;
        unreachableCells.push(i);
      }
      continue;
    }
    buf.sort((x, y) => x - y);
    const key = buf.join(',');
    let g = keyToGroup.get(key);
    if (g === undefined) {
      g = weights.length;
      keyToGroup.set(key, g);
      weights.push(0);
      groupSites.push(Int32Array.from(buf));
    }
    weights[g] += w;
    groupOfCell[i] = g;
    inModel++;
  }
  const nGroups = weights.length;
  const siteOff = new Int32Array(nGroups + 1);
  for (let g = 0; g < nGroups; g++) siteOff[g + 1] = siteOff[g] + groupSites[g].length;
  const site = new Int32Array(siteOff[nGroups]);
  for (let g = 0; g < nGroups; g++) site.set(groupSites[g], siteOff[g]);
  // transpose: groups of each candidate and of each existing site
  const byCand = transpose(siteOff, site, nEx, nCand);
  const byEx = params.capacity ? transpose(siteOff, site, 0, nEx) : { off: new Int32Array(1), idx: new Int32Array(0) };
  const places = params.classes * PLACES_PER_CLASS;
  const problem: SitingProblem = {
    goal: params.goal,
    capacity: params.capacity,
    p: Math.max(0, Math.floor(params.p)),
    budget10k: params.budget10k !== null && Number.isFinite(params.budget10k) ? params.budget10k : null,
    nCand,
    candCap: new Float64Array(nCand).fill(places),
    candCost10k: Float64Array.from(candidates, (c) => (c.cost10k !== null && c.cost10k >= 0 ? c.cost10k : params.cost10kPerSite)),
    nExisting: params.capacity ? nEx : 0,
    existingCap: params.capacity ? Float64Array.from(existingKg, (k) => demand.kgPlaces[k]) : new Float64Array(0),
    nGroups,
    weight: Float64Array.from(weights),
    siteOff,
    site: params.capacity ? site : site.map((s) => s - nEx),
    candOff: byCand.off,
    candGroup: byCand.idx,
    exOff: byEx.off,
    exGroup: byEx.idx,
    groupOfCell,
  };
  const summary: SitingSummary = {
    childrenTotal,
    coveredByExisting: covered,
    unreachable,
    unreachableCells,
    nCandidates: nCand,
    dropped,
    nGroups,
    nCellsInModel: inModel,
    pairsMs: t1 - t0,
    reduceMs: now() - t1,
  };
  return { problem, summary, demand, candidates, existingKg: Int32Array.from(existingKg), pairs, coveredByExisting };
}

/** Groups of each site s in [from, from + n): CSR by site (index s − from). */
function transpose(siteOff: Int32Array, site: Int32Array, from: number, n: number): { off: Int32Array; idx: Int32Array } {
  const off = new Int32Array(n + 1);
  const nG = siteOff.length - 1;
  for (let q = 0; q < site.length; q++) {
    const s = site[q] - from;
    if (s >= 0 && s < n) off[s + 1]++;
  }
  for (let s = 0; s < n; s++) off[s + 1] += off[s];
  const fill = off.slice(0, n);
  const idx = new Int32Array(off[n]);
  for (let g = 0; g < nG; g++) {
    for (let q = siteOff[g]; q < siteOff[g + 1]; q++) {
      const s = site[q] - from;
      if (s >= 0 && s < n) idx[fill[s]++] = g;
    }
  }
  return { off, idx };
}
