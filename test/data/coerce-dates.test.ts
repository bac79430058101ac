/** Date cells must be real calendar days (2025-13-45 was accepted before). */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n';
import { coerceRecords } from '../../src/data/coerce';
import { community } from '../analysis/helpers';

describe('date cells', () => {
  it.each([['2025-13-45'], ['2025-02-29'], ['2026年4月31日']])('refuses %s naming the column', (d) => {
    const res = coerceRecords('communities', [{ row: 1, values: { ...community({ id: 'C1' }), status_date: d } as unknown as Record<string, unknown> }], 'a.csv');
    expect(res.rows).toHaveLength(0);
    expect(render('zh', res.issues[0].message)).toContain('不是存在的日期（状态日期）');
  });
  it('accepts real dates in Chinese and slash forms', () => {
    const res = coerceRecords('communities', [{ row: 1, values: { ...community({ id: 'C1' }), status_date: '2024/2/29' } as unknown as Record<string, unknown> }], 'a.csv');
    expect(res.rows[0].status_date).toBe('2024-02-29');
  });
});
