import { describe, expect, it } from 'vitest';
import { haversineM } from '../../src/analysis/geo';
import { computeNeighbourPairs, NeighbourPairBuilder, nearestAcceptedM } from '../../src/analysis/neighbour-pairs';
import { buildGridIndex } from '../../src/analysis/spatial-grid';
import { LON0, latAtM, rng } from './helpers';

function randomPoints(seed: number, n: number, lon0: number, lat0: number, spanDeg: number) {
  const r = rng(seed);
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    lon.push(lon0 + r() * spanDeg);
    lat.push(lat0 + r() * spanDeg * 0.7);
  }
  return { lon, lat };
}

function brutePairs(kLon: number[], kLat: number[], cLon: number[], cLat: number[], radius: number): Set<string> {
  const s = new Set<string>();
  for (let j = 0; j < kLon.length; j++) {
    for (let i = 0; i < cLon.length; i++) if (haversineM(kLon[j], kLat[j], cLon[i], cLat[i]) <= radius) s.add(`${j}:${i}`);
  }
  return s;
}

describe('computeNeighbourPairs', () => {
  for (const [radius, span, lat0] of [
    [300, 0.05, 40],
    [500, 0.08, 23],
    [1000, 0.2, 50],
    [150, 0.03, 30],
  ] as const) {
    it(`finds exactly the pairs within ${radius} m (brute force, lat ${lat0})`, () => {
      const k = randomPoints(radius, 150, 110, lat0, span);
      const c = randomPoints(radius + 1, 2000, 110, lat0, span);
      const pairs = computeNeighbourPairs(k.lon, k.lat, c.lon, c.lat, radius);
      const got = new Set<string>();
      for (let p = 0; p < pairs.count; p++) {
        got.add(`${pairs.kg[p]}:${pairs.cell[p]}`);
        expect(pairs.distM[p]).toBeCloseTo(haversineM(k.lon[pairs.kg[p]], k.lat[pairs.kg[p]], c.lon[pairs.cell[p]], c.lat[pairs.cell[p]]), 6);
      }
      expect(got).toEqual(brutePairs(k.lon, k.lat, c.lon, c.lat, radius));
      // cell order and offsets
      for (let i = 0; i < c.lon.length; i++) {
        for (let p = pairs.cellOffsets[i]; p < pairs.cellOffsets[i + 1]; p++) expect(pairs.cell[p]).toBe(i);
      }
      expect(pairs.cellOffsets[c.lon.length]).toBe(pairs.count);
    });
  }

  it('is correct when the grid must be widened (points spread over 40° × 28°)', () => {
    const k = randomPoints(5, 3000, 80, 20, 40);
    // cells clustered around some kindergartens so that pairs exist
    const r = rng(6);
    const cLon: number[] = [];
    const cLat: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const j = Math.floor(r() * 3000);
      cLon.push(k.lon[j] + (r() - 0.5) * 0.01);
      cLat.push(k.lat[j] + (r() - 0.5) * 0.01);
    }
    const g = buildGridIndex(k.lon, k.lat, 300);
    expect(g.cellM).toBeGreaterThan(300 * 1.5);
    const pairs = computeNeighbourPairs(k.lon, k.lat, cLon, cLat, 300);
    const got = new Set<string>();
    for (let p = 0; p < pairs.count; p++) got.add(`${pairs.kg[p]}:${pairs.cell[p]}`);
    expect(got).toEqual(brutePairs(k.lon, k.lat, cLon, cLat, 300));
    expect(got.size).toBeGreaterThan(100);
  });

  it('skips rows with invalid coordinates and handles empty inputs', () => {
    const pairs = computeNeighbourPairs([LON0, Number.NaN], [latAtM(0), 40], [LON0, 500, LON0], [latAtM(10), 40, Number.NaN], 300);
    expect(pairs.count).toBe(1);
    expect(computeNeighbourPairs([], [], [LON0], [40], 300).count).toBe(0);
    expect(computeNeighbourPairs([LON0], [40], [], [], 300).count).toBe(0);
    expect(() => computeNeighbourPairs([LON0], [40], [LON0], [40], 0)).toThrow();
  });

  it('takes a refined (e.g. network) distance, dropping pairs beyond the radius', () => {
    // straight-line 100 m and 250 m; the "network" doubles distances → only the first stays
    const pairs = computeNeighbourPairs([LON0], [latAtM(0)], [LON0, LON0], [latAtM(100), latAtM(250)], 300, {
      refineDistanceM: (_j, _i, d) => 2 * d,
    });
    expect(pairs.count).toBe(1);
    expect(pairs.distM[0]).toBeCloseTo(200, 6);
  });

  it('processes cells in chunks with the same result', () => {
    const k = randomPoints(9, 100, 110, 40, 0.05);
    const c = randomPoints(10, 1000, 110, 40, 0.05);
    const whole = computeNeighbourPairs(k.lon, k.lat, c.lon, c.lat, 300);
    const b = new NeighbourPairBuilder(k.lon, k.lat, c.lon, c.lat, 300);
    for (let f = 0; f < 1000; f += 77) b.run(f, Math.min(1000, f + 77));
    const chunked = b.finish();
    expect(Array.from(chunked.cell.subarray(0, chunked.count))).toEqual(Array.from(whole.cell.subarray(0, whole.count)));
    expect(Array.from(chunked.kg.subarray(0, chunked.count))).toEqual(Array.from(whole.kg.subarray(0, whole.count)));
  });
});

describe('nearestAcceptedM', () => {
  it('equals the brute-force nearest accepted kindergarten, NaN beyond the cap', () => {
    const k = randomPoints(21, 60, 110, 40, 0.1);
    const c = randomPoints(22, 1500, 109.98, 39.98, 0.14);
    const accept = Uint8Array.from(k.lon, (_, j) => (j % 3 === 0 ? 0 : 1));
    const g = buildGridIndex(k.lon, k.lat, 300);
    const out = new Float64Array(c.lon.length);
    nearestAcceptedM(g, c.lon, c.lat, accept, 2000, out, null);
    for (let i = 0; i < c.lon.length; i++) {
      let best = Infinity;
      for (let j = 0; j < k.lon.length; j++) if (accept[j]) best = Math.min(best, haversineM(k.lon[j], k.lat[j], c.lon[i], c.lat[i]));
      if (best <= 2000) expect(out[i]).toBeCloseTo(best, 6);
      else expect(out[i]).toBeNaN();
    }
  });
});
