/**
 * The naive reference: a Turf double loop (turf.distance for every kindergarten ×
 * cell pair, no index). Run on a subsample and extrapolated per pair: the full
 * province (2·10^10 pairs) would take hours. One pass only (a naive 2SFCA loops
 * twice), so the extrapolation is a lower bound of the naive time.
 */
import { distance, point } from '@turf/turf';

export interface NaiveResult {
  pairsTimed: number;
  msPerPair: number;
  /** extrapolated time for nKg × nCells pairs, ms */
  extrapolatedMs: number;
}

export function naiveTurfPerPair(
  kgLon: Float64Array,
  kgLat: Float64Array,
  cellLon: Float64Array,
  cellLat: Float64Array,
  places: Float64Array,
  children: Float64Array,
  radiusM: number,
  sampleKg: number,
  sampleCells: number,
): NaiveResult {
  const km = radiusM / 1000;
  const nk = Math.min(sampleKg, kgLon.length);
  const nc = Math.min(sampleCells, cellLon.length);
  // turf wants GeoJSON points: build them once, like a typical script would
  const kPts = Array.from({ length: nk }, (_, j) => point([kgLon[j], kgLat[j]]));
  const cPts = Array.from({ length: nc }, (_, i) => point([cellLon[i], cellLat[i]]));
  const demand = new Float64Array(nk);
  const t0 = performance.now();
  for (let j = 0; j < nk; j++) {
    for (let i = 0; i < nc; i++) {
      if (distance(kPts[j], cPts[i], { units: 'kilometers' }) <= km) demand[j] += children[i];
    }
  }
  const ms = performance.now() - t0;
  let sink = 0;
  for (let j = 0; j < nk; j++) sink += demand[j] > 0 ? places[j] / demand[j] : 0;
  if (sink < 0) console.log(sink);
  const msPerPair = ms / (nk * nc);
  return { pairsTimed: nk * nc, msPerPair, extrapolatedMs: msPerPair * kgLon.length * cellLon.length };
}
