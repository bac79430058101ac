import { expect, it } from 'vitest';
import { addMonthsIso, daysBetween, isoToDay } from '../../src/analysis/dates';

it('adds months with the day clamped to the month end', () => {
  expect(addMonthsIso('2025-11-30', 3)).toBe('2026-02-28');
  expect(addMonthsIso('2023-11-30', 3)).toBe('2024-02-29');
  expect(addMonthsIso('2025-01-15', 12)).toBe('2026-01-15');
  expect(addMonthsIso('2025-10-31', 3)).toBe('2026-01-31');
  expect(addMonthsIso('bad', 3)).toBeNull();
});

it('counts whole days', () => {
  expect(daysBetween('2026-03-31', '2026-06-30')).toBe(91);
  expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
  expect(isoToDay('')).toBeNaN();
});
