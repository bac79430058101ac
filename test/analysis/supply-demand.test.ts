import { describe, expect, it } from 'vitest';
import { largestRemainder } from '../../src/analysis/supply-demand';
import { rng } from './helpers';

describe('largestRemainder', () => {
  it('rounds parts to integers that add up to the total', () => {
    // 10.4 + 5.3 + 4.3 = 20: floors 10 + 5 + 4 = 19, one unit to the largest remainder (0.4)
    expect(largestRemainder([10.4, 5.3, 4.3], 20)).toEqual([11, 5, 4]);
    expect(largestRemainder([0, 0, 0], 0)).toEqual([0, 0, 0]);
    expect(largestRemainder([1.5, 1.5, 0], 3)).toEqual([2, 1, 0]);
  });

  it('always sums exactly to the total and stays within 1 of each part (random)', () => {
    const r = rng(3);
    for (let k = 0; k < 2000; k++) {
      const parts = [r() * 500, r() * 500, r() * 50];
      const total = Math.round(parts[0] + parts[1] + parts[2]);
      const out = largestRemainder(parts, total);
      expect(out.reduce((a, b) => a + b, 0)).toBe(total);
      out.forEach((v, i) => {
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(Math.abs(v - parts[i])).toBeLessThan(1.5);
      });
    }
  });
});
