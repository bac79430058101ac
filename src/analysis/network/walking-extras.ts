/**
 * What the map and the side-by-side table need when the analysis runs on the walking
 * network, computed in the worker next to the result: each supplying kindergarten's
 * catchment as an isochrone polygon, the "walking distance to the nearest kindergarten"
 * surface as nested bands, and the straight-line coverage per 街道 for comparison.
 */
import { computeCoverage } from '../coverage';
import type { PreparedInput } from '../engine-prepare';
import { computeNeighbourPairs } from '../neighbour-pairs';
import { contourPolygons, type MultiPolygonCoords } from './isochrone';
import { NetworkReach } from './network-reach';

export interface WalkingExtras {
  radiusM: number;
  /** catchment polygons of the supplying kindergartens (kg = index into the result's kindergartens) */
  catchments: { kg: number; polygons: MultiPolygonCoords }[];
  /** areas within each distance of the nearest supplying kindergarten on foot (m), nested */
  nearestBands: { maxM: number; polygons: MultiPolygonCoords }[];
  /** children per 街道 (same order as result.streets) covered by walking and by straight line, and the total */
  streets: { code: string; children: number; walkingCovered: number; straightCovered: number }[];
  district: { children: number; walkingCovered: number; straightCovered: number };
  unreachableCells: number;
  ms: number;
}

/** Null when the run did not use the walking network. `children` = the demand of the run (per cell). */
export function walkingExtras(prep: PreparedInput, active: Uint8Array, covered: Uint8Array, children: Float64Array): WalkingExtras | null {
  const reach = prep.reach;
  if (!(reach instanceof NetworkReach)) return null;
  const t0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const R = prep.radiusM;
  const catchments: WalkingExtras['catchments'] = [];
  for (let j = 0; j < prep.nKg; j++) {
    if (active[j] !== 1) continue;
    const polygons = reach.siteIsochrone(j, R);
    if (polygons && polygons.length > 0) catchments.push({ kg: j, polygons });
  }
  const bands = [R, 2 * R, 4 * R];
  const surface = reach.nearestSurface(active, bands[bands.length - 1], { cellM: 40 });
  const nearestBands = surface ? bands.map((maxM) => ({ maxM, polygons: contourPolygons(surface, maxM) })) : [];
  // straight line on the same sites and demand, for the side-by-side table
  const straight = computeCoverage(computeNeighbourPairs(prep.kgLon, prep.kgLat, prep.cellLon, prep.cellLat, R), active, prep.nCells);
  const S = prep.streets.codes.length;
  const ch = new Float64Array(S);
  const wc = new Float64Array(S);
  const sc = new Float64Array(S);
  for (let i = 0; i < prep.nCells; i++) {
    const s = prep.cellStreet[i];
    ch[s] += children[i];
    if (covered[i] === 1) wc[s] += children[i];
    if (straight.covered[i] === 1) sc[s] += children[i];
  }
  const streets = prep.streets.codes.map((code, s) => ({ code, children: ch[s], walkingCovered: wc[s], straightCovered: sc[s] }));
  const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);
  return {
    radiusM: R,
    catchments,
    nearestBands,
    streets,
    district: { children: sum(ch), walkingCovered: sum(wc), straightCovered: sum(sc) },
    unreachableCells: reach.unreachableCells,
    ms: (typeof performance !== 'undefined' ? performance.now() : Date.now()) - t0,
  };
}
