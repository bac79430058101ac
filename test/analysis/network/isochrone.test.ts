import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M } from '../../../src/analysis/geo';
import { contourPolygons, type DistanceSurface } from '../../../src/analysis/network/isochrone';
import { NetworkReach } from '../../../src/analysis/network/network-reach';
import { buildWalkGraph, packLines } from '../../../src/analysis/network/walk-graph';

const LON0 = 110;
const LAT0 = 40;
const M = (EARTH_RADIUS_M * Math.PI) / 180;
const KX = M * Math.cos((LAT0 * Math.PI) / 180);
const P = (x: number, y: number): [number, number] => [LON0 + x / KX, LAT0 + y / M];
const XY = (p: number[]): [number, number] => [(p[0] - LON0) * KX, (p[1] - LAT0) * M];

function inside(poly: number[][][][], x: number, y: number): boolean {
  let n = 0;
  for (const rings of poly) {
    for (const ring of rings) {
      const r = ring.map(XY);
      for (let a = 0, b = r.length - 1; a < r.length; b = a++) {
        if (r[a][1] > y !== r[b][1] > y && x < ((r[b][0] - r[a][0]) * (y - r[a][1])) / (r[b][1] - r[a][1]) + r[a][0]) n++;
      }
    }
  }
  return n % 2 === 1;
}

function ringArea(ring: number[][]): number {
  const r = ring.map(XY);
  let a = 0;
  for (let k = 0; k + 1 < r.length; k++) a += r[k][0] * r[k + 1][1] - r[k + 1][0] * r[k][1];
  return a / 2;
}

describe('marching squares', () => {
  it('a disc of radius 200 m: area within 1 %, outer ring counter-clockwise, a hole clockwise', () => {
    const nx = 60;
    const ny = 60;
    const values = new Float32Array(nx * ny);
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = Math.hypot(i * 10 - 300, j * 10 - 300);
    const s: DistanceSurface = { lon0: LON0, lat0: LAT0, x0: -300, y0: -300, cellM: 10, nx, ny, values };
    const disc = contourPolygons(s, 200);
    expect(disc.length).toBe(1);
    expect(disc[0].length).toBe(1);
    expect(ringArea(disc[0][0]) / (Math.PI * 200 * 200)).toBeCloseTo(1, 2);
    // an annulus 100–200 m: one polygon with one hole
    const ring = new Float32Array(values.map((v) => (v < 100 ? 1000 : v)));
    const ann = contourPolygons({ ...s, values: ring }, 200);
    expect(ann.length).toBe(1);
    expect(ann[0].length).toBe(2);
    expect(ringArea(ann[0][1])).toBeLessThan(0);
    expect(inside(ann, 0, 0)).toBe(false);
    expect(inside(ann, 150, 0)).toBe(true);
  });
});

describe('network isochrones', () => {
  it('follow the road and the bridge, not the straight line across the river', () => {
    const g = buildWalkGraph(
      packLines([
        [P(-800, 20), P(400, 20), P(800, 20)],
        [P(-800, -60), P(800, -60)],
        [P(400, 20), P(400, -60)],
      ]),
    );
    const site = [P(0, 25)];
    const r = new NetworkReach(g, [site[0][0]], [site[0][1]], [], [], 600, 200);
    const poly = r.siteIsochrone(0, 600, { cellM: 10, offRoadM: 30 })!;
    expect(poly.length).toBeGreaterThan(0);
    expect(inside(poly, 0, 20)).toBe(true);
    expect(inside(poly, 550, 20)).toBe(true); // 5 + 550 along the road
    expect(inside(poly, -650, 20)).toBe(false);
    expect(inside(poly, 0, -60)).toBe(false); // 80 m away across the river, 5 + 400 + 80 + 400 on foot
    expect(inside(poly, 450, -60)).toBe(true); // 5 + 400 + 80 + 50 = 535
    expect(inside(poly, 0, 100)).toBe(false); // off-road allowance 30 m
  });

  it('nearest-kindergarten surface: distance along the network plus the off-road walk', () => {
    const g = buildWalkGraph(packLines([[P(0, 0), P(1000, 0)]]));
    const r = new NetworkReach(g, [P(100, 0)[0], P(900, 0)[0]], [P(100, 0)[1], P(900, 0)[1]], [], [], 300, 200);
    const s = r.nearestSurface(Uint8Array.from([1, 1]), 2000, { cellM: 10, offRoadM: 40 })!;
    // the surface's frame is centred on (lon0, lat0)
    const [cx, cy] = XY([s.lon0, s.lat0]);
    const at = (x: number, y: number) => s.values[Math.round((y - cy - s.y0) / s.cellM) * s.nx + Math.round((x - cx - s.x0) / s.cellM)];
    expect(at(500, 0)).toBeCloseTo(400, 0);
    // off the road the walk is straight to any road point within 40 m: best at x = 300 − √(40² − 30²), 173.5 + 40
    expect(at(300, 30)).toBeGreaterThanOrEqual(213.4);
    expect(at(300, 30)).toBeLessThan(216);
    expect(at(500, 50)).toBe(Infinity); // beyond the off-road allowance
  });
});

describe('surface size', () => {
  it('a province-size network gets coarser cells, never more than MAX_SURFACE_CELLS grid points', async () => {
    const { rasterizeDistances, MAX_SURFACE_CELLS } = await import('../../../src/analysis/network/isochrone');
    const g = buildWalkGraph(packLines([[P(0, 0), P(600_000, 500_000)]]));
    const s = rasterizeDistances(g, Float64Array.from([0, Infinity]), [0], 1, { minLon: P(0, 0)[0], minLat: P(0, 0)[1], maxLon: P(600_000, 500_000)[0], maxLat: P(600_000, 500_000)[1] }, 1000);
    expect(s.nx * s.ny).toBeLessThanOrEqual(MAX_SURFACE_CELLS * 1.01);
    expect(s.cellM).toBeGreaterThan(250);
  });
});
