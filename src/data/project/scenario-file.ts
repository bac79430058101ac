/**
 * A plan scenario as a file (`.xwgh-scenario.json`): its projects (validated as
 * rows of the plan_projects layer) and optionally the plan settings. The same file
 * drives the app and the CLI (`npm run analyze -- --scenario <file> --year <y>`).
 */
import { checkNetworkEdits } from '../network/edits-check';
import { defaultPlanSettings } from '../../analysis/plan/plan-defaults';
import type { PlanScenario, PlanSettings } from '../../analysis/plan/plan-types';
import { coerceRecords } from '../coerce';
import { m, type Message, type MessageValue } from '../../i18n';
import type { PlanProject } from '../schema';
import { PlanSettingsSchema, ScenarioShapeSchema, validate } from './schemas';

export const SCENARIO_FORMAT = 'xwgh-scenario';
export const SCENARIO_VERSION = 1;

export interface ScenarioFile {
  format: typeof SCENARIO_FORMAT;
  version: number;
  scenario: PlanScenario;
  settings?: PlanSettings;
}

export function scenarioToText(scenario: PlanScenario, settings?: PlanSettings): string {
  const f: ScenarioFile = { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, scenario, settings };
  return JSON.stringify(f, null, 1);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validate plan settings, filling missing fields from the defaults; errors name the field
 * (`root`.baseYear …) and every number is checked against its range (schemas.ts).
 */
export function checkPlanSettings(raw: unknown, where: MessageValue, root = 'settings'): { settings: PlanSettings } | { error: Message } {
  const d = defaultPlanSettings();
  if (raw === undefined || raw === null) return { settings: d };
  if (!isObj(raw)) return { error: m('data.scenario.notObject', { where, root }) };
  const merged = { ...d, ...(raw as Partial<PlanSettings>), demand: { ...d.demand, ...(isObj(raw.demand) ? (raw.demand as object) : {}) } };
  const r = validate(PlanSettingsSchema, merged, root);
  if ('error' in r) return { error: m('data.scenario.at', { where, problem: r.error }) };
  return { settings: r.value as unknown as PlanSettings };
}

/** Validate a scenario's projects as plan_projects rows; errors name the project (row) and field. */
export function checkScenario(raw: unknown, where: MessageValue, root = 'scenario'): { scenario: PlanScenario } | { error: Message } {
  const r = validate(ScenarioShapeSchema, raw, root);
  if ('error' in r) return { error: m('data.scenario.at', { where, problem: r.error }) };
  const records = r.value.projects.map((p, k) => ({ row: k + 1, values: isObj(p) ? p : {} }));
  const res = coerceRecords('plan_projects', records, `${root}.projects`);
  const err = res.issues.find((i) => i.severity === 'error');
  if (err) return { error: m('data.scenario.badProject', { where, path: `${root}.projects`, row: err.row, column: err.column, message: err.message }) };
  // walking network edits (added 2026-12; absent in older files)
  const rawEdits = (raw as { networkEdits?: unknown }).networkEdits;
  if (rawEdits !== undefined) {
    const ne = checkNetworkEdits(rawEdits, where);
    if ('error' in ne) return ne;
    return { scenario: { id: r.value.id, name: r.value.name, projects: res.rows as PlanProject[], networkEdits: ne.edits } };
  }
  return { scenario: { id: r.value.id, name: r.value.name, projects: res.rows as PlanProject[] } };
}

/** Parse a scenario file's text; on error a message naming the file and field. */
export function parseScenarioText(text: string, fileName: string): { scenario: PlanScenario; settings?: PlanSettings } | { error: Message } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: m('data.scenario.notJson', { file: fileName, error: (e as Error).message }) };
  }
  if (!isObj(raw) || raw.format !== SCENARIO_FORMAT) return { error: m('data.scenario.notScenario', { file: fileName, format: SCENARIO_FORMAT }) };
  if (typeof raw.version !== 'number' || raw.version > SCENARIO_VERSION) return { error: m('data.scenario.newerVersion', { file: fileName, version: String(raw.version), supported: SCENARIO_VERSION }) };
  const where = m('data.scenario.file', { file: fileName });
  const sc = checkScenario(raw.scenario, where);
  if ('error' in sc) return sc;
  if (raw.settings === undefined) return { scenario: sc.scenario };
  const st = checkPlanSettings(raw.settings, where);
  if ('error' in st) return st;
  return { scenario: sc.scenario, settings: st.settings };
}
