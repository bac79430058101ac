/**
 * Validation of a project's settings (file or saved state), with migration:
 * missing parameters are filled from the defaults (older versions lack them);
 * present but wrong values are refused with a message naming the field
 * path (e.g. settings.params.ruleTable.rules[0].min). Unknown keys are kept.
 * The rules live in one schema (schemas.ts); this adds the defaults.
 */
import { defaultAnalysisParams, validateParams } from '../../analysis/params';
import type { AnalysisParams } from '../../analysis/types';
import { m, type Message } from '../../i18n';
import { ParamsSchema, SettingsSchema, validate } from './schemas';

/** Parameters a project may carry that have no default value (checked by ParamsSchema when present). */
const OPTIONAL_PARAMS = ['distanceMode', 'walkSpeedKmh', 'walkSnapMaxM'] as const;

export interface CheckedSettings {
  params?: AnalysisParams;
  visible?: Record<string, boolean>;
  meta?: unknown;
  district?: unknown;
  plan?: unknown;
  [k: string]: unknown;
}

/** Parameters (a partial object is completed from the defaults), or a message naming the field. */
export function checkParams(raw: unknown, asOf: string, root = 'settings.params'): { params: AnalysisParams } | { error: Message } {
  const d = defaultAnalysisParams(asOf);
  if (raw === undefined || raw === null) return { params: d };
  const r = validate(ParamsSchema, raw, root);
  if ('error' in r) return r;
  const out = { ...d } as unknown as Record<string, unknown>;
  const got = r.value as Record<string, unknown>;
  // only the parameters the app knows (a crafted file cannot add keys the engine reads)
  for (const k of Object.keys(d)) if (got[k] !== undefined) out[k] = got[k];
  // optional parameters without a default (walking distance: absent = straight line)
  for (const k of OPTIONAL_PARAMS) if (got[k] !== undefined) out[k] = got[k];
  if (got.indicatorThresholds) out.indicatorThresholds = { ...d.indicatorThresholds, ...(got.indicatorThresholds as object) };
  const params = out as unknown as AnalysisParams;
  const problems = validateParams(params);
  if (problems.length > 0) return { error: m('data.project.paramsInvalid', { root, problems: problems.join('；') }) };
  return { params };
}

/**
 * Check and migrate settings. `asOf` is today's date (parameters saved without one use it).
 * Returns the settings to apply, or a message naming the field.
 */
export function checkSettings(raw: unknown, asOf: string): { settings: CheckedSettings } | { error: Message } {
  if (raw === undefined || raw === null) return { settings: {} };
  const r = validate(SettingsSchema, raw, 'settings');
  if ('error' in r) return r;
  const out: CheckedSettings = { ...(raw as Record<string, unknown>) };
  if (out.params !== undefined) {
    const p = checkParams(out.params, asOf);
    if ('error' in p) return p;
    out.params = p.params;
  }
  return { settings: out };
}
