import { describe, expect, it } from 'vitest';
import { computeNeighbourPairs } from '../../src/analysis/neighbour-pairs';
import { computeTwoStep, splitDemand } from '../../src/analysis/two-step-fca';
import { computeCoverage } from '../../src/analysis/coverage';
import { LAT0, LON0, latAtM, randomCity } from './helpers';

/**
 * Hand case. All points on the meridian lon = 110°, positions in metres north
 * of 40°N (distances along a meridian are exact: d = R·Δφ). d0 = 300 m.
 *
 *   K1 @ 0 m (45 places)            K2 @ 420 m (30 places)
 *   C1 @ 100 m (30 children)  C2 @ 250 m (60)  C3 @ 500 m (10)
 *
 * Distances ≤ 300: K1–C1 100, K1–C2 250 (K1–C3 500 out);
 *                  K2–C2 170, K2–C3 80 (K2–C1 320 out).
 *
 * Plain (W = 1):
 *   D1 = 30 + 60 = 90      R1 = 45 / 90 = 0.5
 *   D2 = 60 + 10 = 70      R2 = 30 / 70 = 0.428571428571…
 *   A1 = R1 = 0.5;  A2 = R1 + R2 = 0.928571428571…;  A3 = R2 = 0.428571428571…
 *   check: Σ A·P = 0.5·30 + 0.92857·60 + 0.42857·10 = 15 + 55.714 + 4.286 = 75 = 45 + 30
 *
 * Gaussian W(d) = (e^{−½(d/300)²} − e^{−½}) / (1 − e^{−½}), e^{−½} = 0.6065306597:
 *   W(100) = (e^{−1/18} − 0.60653) / 0.39347 = (0.9459595 − 0.6065307) / 0.3934693 = 0.8626563100
 *   W(250) = (e^{−0.3472222} − 0.60653) / 0.39347 = 0.2544483341
 *   W(170) = (e^{−0.1605556} − 0.60653) / 0.39347 = 0.6230214719
 *   W(80)  = (e^{−0.0355556} − 0.60653) / 0.39347 = 0.9112233696
 *   D1 = 0.8626563100·30 + 0.2544483341·60 = 25.8796893 + 15.2669000 = 41.1465893447
 *   D2 = 0.6230214719·60 + 0.9112233696·10 = 37.3812883 + 9.1122337 = 46.4935220071
 *   R1 = 45 / 41.1465893447 = 1.0936507914;  R2 = 30 / 46.4935220071 = 0.6452511813
 *   A1 = W(100)·R1 = 0.9434447561
 *   A2 = W(250)·R1 + W(170)·R2 = 0.2782749 + 0.4020081 = 0.6802829626
 *   A3 = W(80)·R2 = 0.5879679557
 *   check: Σ A·P = 28.3033 + 40.8170 + 5.8797 = 75.0000
 */
describe('2SFCA hand case (2 kindergartens, 3 cells on a line)', () => {
  const kgLat = [latAtM(0), latAtM(420)];
  const kgLon = [LON0, LON0];
  const cellLat = [latAtM(100), latAtM(250), latAtM(500)];
  const cellLon = [LON0, LON0, LON0];
  const supply = [45, 30];
  const demand = [30, 60, 10];
  const active = new Uint8Array([1, 1]);
  const pairs = computeNeighbourPairs(kgLon, kgLat, cellLon, cellLat, 300);
  const r = computeTwoStep(pairs, supply, active, demand);

  it('finds the four pairs at the right distances', () => {
    const got = Array.from({ length: pairs.count }, (_, p) => [pairs.kg[p], pairs.cell[p], Math.round(pairs.distM[p] * 1e6) / 1e6]);
    expect(got).toEqual([
      [0, 0, 100],
      [0, 1, 250],
      [1, 1, 170],
      [1, 2, 80],
    ]);
  });

  it('plain form', () => {
    expect(r.demandPlain[0]).toBe(90);
    expect(r.demandPlain[1]).toBe(70);
    expect(r.ratioPlain[0]).toBeCloseTo(0.5, 12);
    expect(r.ratioPlain[1]).toBeCloseTo(30 / 70, 12);
    expect(r.accessPlain[0]).toBeCloseTo(0.5, 12);
    expect(r.accessPlain[1]).toBeCloseTo(0.5 + 30 / 70, 12);
    expect(r.accessPlain[2]).toBeCloseTo(30 / 70, 12);
  });

  it('Gaussian form', () => {
    expect(r.demandGaussian[0]).toBeCloseTo(41.1465893447, 8);
    expect(r.demandGaussian[1]).toBeCloseTo(46.4935220071, 8);
    expect(r.ratioGaussian[0]).toBeCloseTo(1.0936507914, 9);
    expect(r.ratioGaussian[1]).toBeCloseTo(0.6452511813, 9);
    expect(r.accessGaussian[0]).toBeCloseTo(0.9434447561, 9);
    expect(r.accessGaussian[1]).toBeCloseTo(0.6802829626, 9);
    expect(r.accessGaussian[2]).toBeCloseTo(0.5879679557, 9);
  });

  it('places are conserved: Σ A_i·P_i = Σ S_j (both forms)', () => {
    const sum = (a: Float64Array) => a.reduce((s, x, i) => s + x * demand[i], 0);
    expect(sum(r.accessPlain)).toBeCloseTo(75, 10);
    expect(sum(r.accessGaussian)).toBeCloseTo(75, 10);
  });

  it('split: served = min(A,1)·P, rest over capacity (plain)', () => {
    const cov = computeCoverage(pairs, active, 3);
    const s = splitDemand(cov.covered, r.accessPlain, demand);
    // C1: 0.5·30 = 15 served, 15 over; C2: 0.928571·60 = 55.714 served, 4.286 over; C3: 0.428571·10 = 4.286, 5.714
    expect(Array.from(s.served)).toEqual([15, (0.5 + 30 / 70) * 60, (30 / 70) * 10]);
    for (let i = 0; i < 3; i++) expect(s.served[i] + s.overCapacity[i] + s.outside[i]).toBeCloseTo(demand[i], 12);
  });

  it('an inactive kindergarten supplies nothing; a catchment without children has R = NaN', () => {
    const r2 = computeTwoStep(pairs, supply, new Uint8Array([1, 0]), demand);
    expect(r2.ratioPlain[1]).toBeNaN();
    expect(r2.accessPlain[2]).toBe(0);
    const r3 = computeTwoStep(pairs, supply, active, [30, 0, 0]);
    expect(r3.ratioPlain[1]).toBeNaN();
    expect(r3.accessPlain[2]).toBe(0);
  });
});

// ───── independent brute force: all pairs, haversine, no index ─────
const R_EARTH = 6371008.8;
function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * R_EARTH * Math.asin(Math.sqrt(a));
}
function bruteForce(
  kgLon: number[],
  kgLat: number[],
  S: number[],
  on: boolean[],
  cLon: number[],
  cLat: number[],
  P: number[],
  d0: number,
) {
  const e = Math.exp(-0.5);
  const w = (d: number) => (Math.exp(-0.5 * (d / d0) ** 2) - e) / (1 - e);
  const nK = kgLon.length;
  const nC = cLon.length;
  const dist: number[][] = [];
  for (let j = 0; j < nK; j++) {
    dist.push([]);
    for (let i = 0; i < nC; i++) dist[j].push(haversine(kgLon[j], kgLat[j], cLon[i], cLat[i]));
  }
  const Rp: number[] = [];
  const Rg: number[] = [];
  for (let j = 0; j < nK; j++) {
    let dp = 0;
    let dg = 0;
    for (let i = 0; i < nC; i++) {
      if (!on[j] || dist[j][i] > d0) continue;
      dp += P[i];
      dg += w(dist[j][i]) * P[i];
    }
    Rp.push(on[j] && dp > 0 ? S[j] / dp : NaN);
    Rg.push(on[j] && dg > 0 ? S[j] / dg : NaN);
  }
  const Ap: number[] = [];
  const Ag: number[] = [];
  const covered: number[] = [];
  for (let i = 0; i < nC; i++) {
    let ap = 0;
    let ag = 0;
    let cov = 0;
    for (let j = 0; j < nK; j++) {
      if (!on[j] || dist[j][i] > d0) continue;
      cov = 1;
      if (!Number.isNaN(Rp[j])) ap += Rp[j];
      if (!Number.isNaN(Rg[j])) ag += w(dist[j][i]) * Rg[j];
    }
    Ap.push(ap);
    Ag.push(ag);
    covered.push(cov);
  }
  return { Rp, Rg, Ap, Ag, covered };
}

function relClose(a: number, b: number, tol = 1e-9): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('2SFCA equals an independent brute force (seeded random, 200 kindergartens × 3000 cells)', () => {
  for (const [seed, radius] of [
    [1, 300],
    [2, 500],
    [3, 300],
  ] as const) {
    it(`seed ${seed}, radius ${radius} m: R_j, A_i and coverage within 1e-9 relative`, () => {
      const city = randomCity(seed, 200, 3000, 5000);
      const k = city.kindergartens;
      const c = city.population;
      const on = k.map((x) => x.status === 'existing');
      const bf = bruteForce(
        k.map((x) => x.lon),
        k.map((x) => x.lat),
        k.map((x) => x.places),
        on,
        c.map((x) => x.lon),
        c.map((x) => x.lat),
        c.map((x) => x.children_3_5),
        radius,
      );
      const pairs = computeNeighbourPairs(
        k.map((x) => x.lon),
        k.map((x) => x.lat),
        c.map((x) => x.lon),
        c.map((x) => x.lat),
        radius,
      );
      const active = Uint8Array.from(on, (b) => (b ? 1 : 0));
      const r = computeTwoStep(pairs, k.map((x) => x.places), active, c.map((x) => x.children_3_5));
      const cov = computeCoverage(pairs, active, c.length);
      let bad = 0;
      for (let j = 0; j < k.length; j++) {
        if (!relClose(r.ratioPlain[j], bf.Rp[j]) || !relClose(r.ratioGaussian[j], bf.Rg[j])) bad++;
      }
      for (let i = 0; i < c.length; i++) {
        if (!relClose(r.accessPlain[i], bf.Ap[i]) || !relClose(r.accessGaussian[i], bf.Ag[i])) bad++;
        if (cov.covered[i] !== bf.covered[i]) bad++;
      }
      expect(bad).toBe(0);
      // the test is not vacuous
      expect(pairs.count).toBeGreaterThan(1000);
      expect(bf.covered.filter((x) => x === 0).length).toBeGreaterThan(0);
    });
  }
});

it('pairs are found at the latitude of Harbin and near the equator too', () => {
  for (const lat0 of [0.5, 45.8, LAT0]) {
    const kLat = [lat0];
    const kLon = [126.6];
    const cLat: number[] = [];
    const cLon: number[] = [];
    for (let a = 0; a < 360; a += 10) {
      const d = 299.9;
      cLat.push(lat0 + ((d * Math.cos((a * Math.PI) / 180)) / R_EARTH) * (180 / Math.PI));
      cLon.push(126.6 + ((d * Math.sin((a * Math.PI) / 180)) / (R_EARTH * Math.cos((lat0 * Math.PI) / 180))) * (180 / Math.PI));
    }
    const pairs = computeNeighbourPairs(kLon, kLat, cLon, cLat, 300);
    const inside = cLat.filter((la, i) => haversine(kLon[0], kLat[0], cLon[i], la) <= 300).length;
    expect(pairs.count).toBe(inside);
    expect(inside).toBeGreaterThan(30);
  }
});

/**
 * Reference example: the worked case of the R package “catchment” (miserman/catchment,
 * tests “example results align with manual”): demand (5, 10, 50), supply (5, 10),
 * costs demand×supply = [[5, 55], [35, 15], [40, 25]], catchment cost < 30.
 * In range: (1,S1), (2,S2), (3,S2) → R1 = 5 ÷ 5 = 1, R2 = 10 ÷ (10 + 50) = 1/6,
 * A = (1, 1/6, 1/6). The costs are fed through refineDistanceM (the hook for a
 * network distance): all points lie within a metre of each other, so every cost
 * is ≥ the straight-line distance, as the hook requires.
 */
it('reproduces the worked example of the R package “catchment” through the distance hook', () => {
  const cost = [
    [5, 55],
    [35, 15],
    [40, 25],
  ];
  const kgLon = [LON0, LON0];
  const kgLat = [latAtM(0), latAtM(0.2)];
  const cLon = [LON0, LON0, LON0];
  const cLat = [latAtM(0.4), latAtM(0.6), latAtM(0.8)];
  const pairs = computeNeighbourPairs(kgLon, kgLat, cLon, cLat, 30, { refineDistanceM: (j, i) => cost[i][j] });
  const r = computeTwoStep(pairs, [5, 10], new Uint8Array([1, 1]), [5, 10, 50]);
  expect(Array.from(r.ratioPlain)).toEqual([1, 10 / 60]);
  expect(Array.from(r.accessPlain)).toEqual([1, 10 / 60, 10 / 60]);
});
