import { describe, expect, it } from 'vitest';
import { escalationLevel } from '../../../src/analysis/ledger/escalation';

describe('escalationLevel', () => {
  it('grades days overdue at the 30 / 90 day defaults', () => {
    expect([-5, 0, 1, 29, 30, 89, 90, 400].map((d) => escalationLevel(d))).toEqual(['none', 'none', 'amber', 'amber', 'orange', 'orange', 'red', 'red']);
  });
  it('takes edited thresholds', () => {
    expect(escalationLevel(10, { orangeDays: 7, redDays: 14 })).toBe('orange');
    expect(escalationLevel(Number.NaN)).toBe('none');
  });
});
