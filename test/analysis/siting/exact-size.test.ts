/** The exact solver is not called on a model too large for its memory; errors are Chinese and say what to change. */
import { describe, expect, it } from 'vitest';
import { EXACT_MAX_NONZEROS, exactModelSize, exactTooLarge, solveExact } from '../../../src/analysis/siting/exact';
import { sitingError } from '../../../src/analysis/siting/run-siting';
import { render } from '../../../src/i18n';
const sitingErrorZh = (e: unknown): string => render('zh', sitingError(e));
import type { SitingProblem } from '../../../src/analysis/siting/siting-types';

/** A problem with `pairs` (group, site) entries, shaped like buildSitingProblem's output. */
function problem(pairs: number, capacity: boolean): SitingProblem {
  const nGroups = 1000;
  const nCand = Math.ceil(pairs / nGroups);
  return {
    goal: 'mclp', capacity, p: 5, budget10k: null, nCand, nGroups, nExisting: 0,
    site: new Int32Array(pairs), candGroup: new Int32Array(pairs), siteOff: new Int32Array(nGroups + 1), candOff: new Int32Array(nCand + 1),
  } as unknown as SitingProblem;
}

describe('exact solver size check', () => {
  it('counts the capacity-aware model as two nonzeros per (group, site) pair', () => {
    expect(exactModelSize(problem(1_000_000, true)).nnz).toBeGreaterThan(2_000_000);
    expect(exactTooLarge(problem(1_000_000, true))).toBeNull();
  });

  it('refuses a dense grid before HiGHS is called, saying what to change', () => {
    const pr = problem(3_200_000, true);
    const why = render('zh', exactTooLarge(pr)!);
    expect(why).toContain('问题规模过大');
    expect(why).toMatch(/网格间距增大到约 1\.7 倍/);
    expect(why).toContain('关闭“考虑学位容量”');
    // HiGHS is never touched: the stand-in would throw a different error
    expect(() => solveExact(pr, {} as never, { timeLimitS: 1 })).toThrow('问题规模过大');
    expect(exactModelSize(problem(2_400_000, false)).nnz).toBeLessThanOrEqual(EXACT_MAX_NONZEROS + 10_000);
  });

  it('the WebAssembly abort is reported in Chinese', () => {
    const e = new Error('Aborted(). Build with -sASSERTIONS for more info.');
    expect(sitingErrorZh(e)).toMatch(/^精确求解器内存不足.*减少候选点/);
    expect(sitingErrorZh(e)).not.toContain('Aborted');
  });
});
