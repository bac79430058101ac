import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../src/ui/table-filter';

describe('table column filters', () => {
  it('compares numbers and ranges in numeric columns', () => {
    const vals = [null, 0, 5, 30, 120];
    const pick = (f: string) => vals.filter((v) => matchesFilter(v, f, true));
    expect(pick('>0')).toEqual([5, 30, 120]);
    expect(pick('>= 30')).toEqual([30, 120]);
    expect(pick('≤5')).toEqual([0, 5]);
    expect(pick('=30')).toEqual([30]);
    expect(pick('5-30')).toEqual([5, 30]);
    expect(pick('')).toEqual(vals);
    // plain text still matches digits
    expect(pick('12')).toEqual([120]);
  });
  it('matches text by inclusion (comparisons are text in text columns)', () => {
    expect(matchesFilter('昆都仑区教育局', '教育', false)).toBe(true);
    expect(matchesFilter('a>0', '>0', false)).toBe(true);
    expect(matchesFilter(null, '教育', false)).toBe(false);
  });
});
