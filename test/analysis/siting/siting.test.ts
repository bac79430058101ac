/**
 * Site selection on cases worked out by hand, and on seeded random cases against an
 * exhaustive search: the heuristic never beats the exact objective, the exact one
 * equals the best subset.
 */
import { render } from '../../../src/i18n';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/sample/prng';
import { prepareSiting, runSitingExact, runSitingHeuristic } from '../../../src/analysis/siting/run-siting';
import { defaultSitingParams, type SitingCandidate, type SitingParams } from '../../../src/analysis/siting/siting-types';
import { cell, kg, latAtM, LON0 } from '../helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const cand = (id: string, northM: number, extra: Partial<SitingCandidate> = {}): SitingCandidate => ({ id, name: id, lon: LON0, lat: latAtM(northM), source: 'click', areaM2: null, cost10k: null, ...extra });
const P = (p: Partial<SitingParams>): SitingParams => ({ ...defaultSitingParams(), timeLimitS: 20, ...p });

/*
 * Cells along a meridian (children): A 0 m (50), B 500 m (40), C 1,000 m (30), D 1,500 m (20), E 5,000 m (99).
 * Candidates (300 m reach): X at 250 m reaches A, B; Y at 750 m reaches B, C; Z at 1,250 m reaches C, D.
 * E is reached by none. An existing kindergarten at −200 m covers A.
 */
const cells = [cell({ id: 'A', lat: latAtM(0), children_3_5: 50 }), cell({ id: 'B', lat: latAtM(500), children_3_5: 40 }), cell({ id: 'C', lat: latAtM(1000), children_3_5: 30 }), cell({ id: 'D', lat: latAtM(1500), children_3_5: 20 }), cell({ id: 'E', lat: latAtM(5000), children_3_5: 99 })];
const cands = [cand('X', 250), cand('Y', 750), cand('Z', 1250)];
const existing = [kg({ id: 'K', lat: latAtM(-200), places: 100 })];

describe('MCLP by hand', () => {
  it('p = 1 without existing sites: X (A + B = 90)', () => {
    const prep = prepareSiting(cells, [], cands, P({ p: 1 }));
    expect(prep.summary.unreachable).toBe(99);
    const ex = runSitingExact(prep, highs, { timeLimitS: 20 });
    expect(ex.sites.map((s) => s.id)).toEqual(['X']);
    expect([ex.objective, ex.provedOptimal]).toEqual([90, true]);
    expect(runSitingHeuristic(prep).objective).toBe(90);
  });
  it('p = 1 with A already served: Y or Z (B + C = 70 beats C + D = 50, X gives 40)', () => {
    const prep = prepareSiting(cells, existing, cands, P({ p: 1 }));
    expect(prep.summary.coveredByExisting).toBe(50);
    const ex = runSitingExact(prep, highs, { timeLimitS: 20 });
    expect(ex.sites.map((s) => s.id)).toEqual(['Y']);
    expect(ex.objective).toBe(70);
    expect([ex.servedBefore, ex.servedAfter]).toEqual([50, 120]);
  });
  it('p = 2 with A served: B + C + D = 90, which needs Z (X + Y reach only B + C = 70)', () => {
    const prep = prepareSiting(cells, existing, cands, P({ p: 2 }));
    const ex = runSitingExact(prep, highs, { timeLimitS: 20 });
    expect(ex.sites.map((s) => s.id)).toContain('Z');
    expect(ex.objective).toBe(90);
  });
  it('LSCP: the fewest sites covering every reachable child is 2 (X + Z); E is listed as unreachable', () => {
    const prep = prepareSiting(cells, [], cands, P({ goal: 'lscp' }));
    const ex = runSitingExact(prep, highs, { timeLimitS: 20 });
    expect(ex.objective).toBe(2);
    expect(ex.sites.map((s) => s.id).sort()).toEqual(['X', 'Z']);
    expect(prep.summary.unreachableCells).toEqual([4]);
  });
  it('capacity-aware: a 6-class site (180 places) serves at most 180 children', () => {
    const big = [cell({ id: 'A', lat: latAtM(0), children_3_5: 300 }), cell({ id: 'B', lat: latAtM(500), children_3_5: 100 })];
    const prep = prepareSiting(big, [], [cand('X', 250)], P({ p: 1, capacity: true, classes: 6 }));
    const ex = runSitingExact(prep, highs, { timeLimitS: 20 });
    expect(ex.objective).toBe(180);
    expect(ex.sites[0].places).toBe(180);
  });
  it('drops a reserved plot too small for the scale, with the reason', () => {
    const prep = prepareSiting(cells, [], [cand('X', 250, { source: 'plot', areaM2: 3000 }), cand('Y', 750, { source: 'plot', areaM2: 6000 })], P({ p: 1, classes: 12 }));
    expect(prep.summary.dropped.map((d) => ({ ...d, reason: render('zh', d.reason) }))).toEqual([{ id: 'X', name: 'X', reason: '用地 3,000㎡，小于 12 班所需 5,400㎡' }]);
  });
});

/** The best subset of size ≤ p by brute force (uncapacitated coverage of children). */
function exhaustive(cover: number[][], weight: number[], p: number): number {
  const n = cover.length;
  let best = 0;
  const rec = (start: number, chosen: number[]) => {
    const covered = new Set(chosen.flatMap((c) => cover[c]));
    best = Math.max(best, [...covered].reduce((a, g) => a + weight[g], 0));
    if (chosen.length === p) return;
    for (let c = start; c < n; c++) rec(c + 1, [...chosen, c]);
  };
  rec(0, []);
  return best;
}

describe('seeded random cases', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: heuristic ≤ exact = exhaustive`, () => {
      const rnd = mulberry32(seed);
      const pop = Array.from({ length: 40 }, (_x, i) => cell({ id: `c${i}`, lon: LON0 + rnd() * 0.03, lat: latAtM(rnd() * 2500), children_3_5: Math.floor(1 + rnd() * 50) }));
      const cs = Array.from({ length: 8 }, (_x, j) => ({ ...cand(`s${j}`, 0), lon: LON0 + rnd() * 0.03, lat: latAtM(rnd() * 2500) }));
      const p = 1 + (seed % 3);
      const prep = prepareSiting(pop, [], cs, P({ p, radiusM: 500 }));
      const ex = runSitingExact(prep, highs, { timeLimitS: 20 });
      const h = runSitingHeuristic(prep);
      expect(h.objective).toBeLessThanOrEqual(ex.objective + 1e-9);
      const pr = prep.problem;
      const cover = Array.from({ length: pr.nCand }, (_x, c) => Array.from(pr.candGroup.subarray(pr.candOff[c], pr.candOff[c + 1])));
      expect(ex.objective).toBeCloseTo(exhaustive(cover, Array.from(pr.weight), p), 9);
      expect(ex.provedOptimal).toBe(true);
    });
  }
});
