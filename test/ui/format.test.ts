import { describe, expect, it } from 'vitest';
import { formatArea, formatDateZh, formatInt, formatPct, formatWan } from '../../src/ui/format';

describe('Chinese number formats', () => {
  it('writes numbers as planners do', () => {
    expect(formatWan(787681)).toBe('78.8万');
    expect(formatWan(9876)).toBe('9,876');
    expect(formatInt(22512.4)).toBe('22,512');
    expect(formatPct(0.9123)).toBe('91.2%');
    expect(formatArea(5000)).toBe('5,000㎡');
    expect(formatDateZh('2026-03-01')).toBe('2026-03-01');
    expect(formatDateZh('2026-03')).toBe('2026-03');
    expect(formatDateZh('2026-03-01T08:00:00Z')).toBe('2026-03-01');
    expect(formatInt(Number.NaN)).toBe('—');
  });
});
