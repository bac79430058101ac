/**
 * Escalation of an overdue 配套园 item (our reading; no national rule): due or
 * less than `amberDays` overdue → amber, up to `redDays` → orange, beyond → red.
 * Thresholds are editable parameters (EscalationThresholds).
 */
export type EscalationLevel = 'none' | 'amber' | 'orange' | 'red';

export interface EscalationThresholds {
  /** days overdue from which an item is orange (default 30: one month) */
  orangeDays: number;
  /** days overdue from which an item is red (default 90: one quarter) */
  redDays: number;
}

export const DEFAULT_ESCALATION: EscalationThresholds = { orangeDays: 30, redDays: 90 };

/** Level of an item `daysOverdue` days past its deadline (0 or less = not overdue). */
export function escalationLevel(daysOverdue: number, t: EscalationThresholds = DEFAULT_ESCALATION): EscalationLevel {
  if (!(daysOverdue > 0)) return 'none';
  if (daysOverdue >= t.redDays) return 'red';
  if (daysOverdue >= t.orangeDays) return 'orange';
  return 'amber';
}

/** RGBA colour of each level (ui-guide amber/orange/red). */
export const ESCALATION_RGBA: Record<EscalationLevel, [number, number, number, number]> = {
  none: [0, 0, 0, 0],
  amber: [240, 180, 0, 255],
  orange: [240, 120, 20, 255],
  red: [210, 40, 40, 255],
};
