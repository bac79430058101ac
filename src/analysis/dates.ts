/** ISO calendar-date arithmetic in UTC (no time zones, no clock). */

const DAY_MS = 86_400_000;

/** Parse 'YYYY-MM-DD' (or a longer ISO string) to a UTC day number; NaN when invalid. */
export function isoToDay(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso.trim());
  if (!m) return Number.NaN;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(t / DAY_MS);
}

/** UTC day number → 'YYYY-MM-DD'. */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Add whole months to an ISO date; the day is clamped to the month's end
 * (2025-11-30 + 3 months = 2026-02-28). Fractional months are rounded to whole months.
 */
export function addMonthsIso(iso: string, months: number): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + Math.round(months);
  const d = Number(m[3]);
  const ty = y + Math.floor(mo / 12);
  const tm = ((mo % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return dayToIso(Math.round(Date.UTC(ty, tm, Math.min(d, last)) / DAY_MS));
}

/** Whole days from `fromIso` to `toIso` (positive when toIso is later); NaN when either is invalid. */
export function daysBetween(fromIso: string, toIso: string): number {
  return isoToDay(toIso) - isoToDay(fromIso);
}
