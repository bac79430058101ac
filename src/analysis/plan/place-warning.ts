/**
 * 学位预警: red / yellow / green per 街道 for each plan year, from the plan engine's
 * per-街道 places and demand (the demand method in use), as district education bureaus
 * publish 学位预警 ahead of enrolment. Pure; the levels' figures are the engine's.
 *
 * Rules (thresholds editable, defaults in WARNING_PARAM_SOURCES):
 * - 红色 (学位不足): places < demand in that year (the engine's gap > 0);
 * - 黄色 (学位紧张): not red, and demand / places above `utilisationYellowPct`, or the
 *   街道 turns red within `leadYears` years after (time to build before the gap arrives);
 * - 绿色 (学位充足): otherwise (also a 街道 with neither places nor demand).
 */
import { m } from '../../i18n';
import type { ParamSource } from '../types';
import type { DemandMethod, PlanResult } from './plan-types';

export type WarningLevel = 'red' | 'yellow' | 'green';

export interface WarningParams {
  /** yellow above this utilisation (demand / places, percent) */
  utilisationYellowPct: number;
  /** yellow when the 街道 is short within this many years after the year (0 = off) */
  leadYears: number;
}

export const DEFAULT_WARNING_PARAMS: WarningParams = { utilisationYellowPct: 90, leadYears: 2 };

export const WARNING_PARAM_SOURCES: Record<'red' | keyof WarningParams, ParamSource> = {
  red: { label: m('param.warning.red'), source: m('param.warning.red.source'), verified: true },
  utilisationYellowPct: { label: m('param.warning.utilisation'), source: m('param.warning.utilisation.source'), verified: false },
  leadYears: { label: m('param.warning.lead'), source: m('param.warning.lead.source'), verified: false },
};

export type WarningReason =
  | { key: 'short'; gap: number }
  | { key: 'high_use'; utilisationPct: number; thresholdPct: number }
  | { key: 'short_ahead'; year: number; gap: number }
  | { key: 'ok'; utilisationPct: number | null };

export interface StreetYearWarning {
  year: number;
  places: number;
  demand: number;
  gap: number;
  /** demand / places × 100; null without places */
  utilisationPct: number | null;
  level: WarningLevel;
  reasons: WarningReason[];
}

export interface StreetWarningRow {
  code: string;
  nameZh: string;
  cells: StreetYearWarning[];
}

export interface WarningTable {
  years: number[];
  method: DemandMethod;
  params: WarningParams;
  rows: StreetWarningRow[];
  /** per year: how many 街道 at each level */
  counts: { year: number; red: number; yellow: number; green: number }[];
}

/** Clamp user input to meaningful ranges (0–200 %, 0–10 years, whole years). */
export function normaliseWarningParams(p: Partial<WarningParams>): WarningParams {
  const u = Number(p.utilisationYellowPct);
  const l = Number(p.leadYears);
  return {
    utilisationYellowPct: Number.isFinite(u) ? Math.min(200, Math.max(0, u)) : DEFAULT_WARNING_PARAMS.utilisationYellowPct,
    leadYears: Number.isFinite(l) ? Math.min(10, Math.max(0, Math.round(l))) : DEFAULT_WARNING_PARAMS.leadYears,
  };
}

/**
 * Classify every 街道 (with a code) in every plan year. Years after the base year come
 * first in the notice, but all years are classified (the base year is 现状).
 */
export function classifyPlaceWarnings(plan: Pick<PlanResult, 'years'> & { settings: { demand: { method: DemandMethod } } }, params: WarningParams = DEFAULT_WARNING_PARAMS): WarningTable {
  const years = plan.years.map((y) => y.year);
  const byCode = new Map<string, StreetWarningRow>();
  for (const y of plan.years) {
    for (const s of y.streets) {
      if (s.code === '') continue;
      let row = byCode.get(s.code);
      if (!row) byCode.set(s.code, (row = { code: s.code, nameZh: s.nameZh, cells: [] }));
      const utilisationPct = s.places > 0 ? (s.demand / s.places) * 100 : null;
      row.cells.push({ year: y.year, places: s.places, demand: s.demand, gap: s.gap, utilisationPct, level: 'green', reasons: [] });
    }
  }
  const rows = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const row of rows) {
    row.cells.sort((a, b) => a.year - b.year);
    for (const c of row.cells) {
      if (c.gap > 0) {
        c.level = 'red';
        c.reasons.push({ key: 'short', gap: c.gap });
        continue;
      }
      if (c.utilisationPct !== null && c.utilisationPct > params.utilisationYellowPct) {
        c.reasons.push({ key: 'high_use', utilisationPct: c.utilisationPct, thresholdPct: params.utilisationYellowPct });
      }
      const ahead = row.cells.find((d) => d.year > c.year && d.year <= c.year + params.leadYears && d.gap > 0);
      if (ahead) c.reasons.push({ key: 'short_ahead', year: ahead.year, gap: ahead.gap });
      if (c.reasons.length > 0) c.level = 'yellow';
      else c.reasons.push({ key: 'ok', utilisationPct: c.utilisationPct });
    }
  }
  const counts = years.map((year) => {
    const n = { year, red: 0, yellow: 0, green: 0 };
    for (const r of rows) {
      const c = r.cells.find((x) => x.year === year);
      if (c) n[c.level]++;
    }
    return n;
  });
  return { years, method: plan.settings.demand.method, params, rows, counts };
}
