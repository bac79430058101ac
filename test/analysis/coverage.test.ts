import { expect, it } from 'vitest';
import { computeCoverage } from '../../src/analysis/coverage';
import { computeNeighbourPairs } from '../../src/analysis/neighbour-pairs';
import { LON0, latAtM } from './helpers';

/**
 * K1 @ 0 m, K2 @ 100 m (both cover C1 @ 50 m: counted once), K3 @ 1,000 m inactive
 * (C3 @ 1,100 m is within its radius but stays uncovered), C2 @ 500 m outside all.
 */
it('a cell is covered once however many catchments overlap; inactive kindergartens cover nothing', () => {
  const pairs = computeNeighbourPairs(
    [LON0, LON0, LON0],
    [latAtM(0), latAtM(100), latAtM(1000)],
    [LON0, LON0, LON0],
    [latAtM(50), latAtM(500), latAtM(1100)],
    300,
  );
  expect(pairs.count).toBe(3);
  const cov = computeCoverage(pairs, new Uint8Array([1, 1, 0]), 3);
  expect(Array.from(cov.covered)).toEqual([1, 0, 0]);
  expect(cov.nearestWithinM[0]).toBeCloseTo(50, 6);
  expect(cov.nearestWithinM[1]).toBeNaN();
  expect(cov.nearestWithinM[2]).toBeNaN();
  // the same pairs, another supply scenario: K3 opens
  expect(Array.from(computeCoverage(pairs, new Uint8Array([1, 1, 1]), 3).covered)).toEqual([1, 0, 1]);
});
