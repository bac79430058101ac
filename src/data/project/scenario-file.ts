/**
 * A plan scenario as a file (`.xwgh-scenario.json`): its projects (validated as
 * rows of the plan_projects layer) and optionally the plan settings. The same file
 * drives the app and the CLI (`npm run analyze -- --scenario <file> --year <y>`).
 */
import { checkNetworkEdits } from '../network/edits-check';
import { defaultPlanSettings } from '../../analysis/plan/plan-defaults';
import type { PlanScenario, PlanSettings } from '../../analysis/plan/plan-types';
import { coerceRecords } from '../coerce';
import { m, render } from '../../i18n';
import { formatIssue } from '../issues';
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
export function checkPlanSettings(raw: unknown, where: string, root = 'settings'): { settings: PlanSettings } | { error: string } {
  const d = defaultPlanSettings();
  if (raw === undefined || raw === null) return { settings: d };
  if (!isObj(raw)) return { error: `${where}：${root} 应为对象` };
  const merged = { ...d, ...(raw as Partial<PlanSettings>), demand: { ...d.demand, ...(isObj(raw.demand) ? (raw.demand as object) : {}) } };
  const r = validate(PlanSettingsSchema, merged, root);
  if ('error' in r) return { error: `${where}：${r.error}` };
  return { settings: r.value as unknown as PlanSettings };
}

/** Validate a scenario's projects as plan_projects rows; errors name the project (row) and field. */
export function checkScenario(raw: unknown, where: string, root = 'scenario'): { scenario: PlanScenario } | { error: string } {
  const r = validate(ScenarioShapeSchema, raw, root);
  if ('error' in r) return { error: `${where}：${r.error}` };
  const records = r.value.projects.map((p, k) => ({ row: k + 1, values: isObj(p) ? p : {} }));
  const res = coerceRecords('plan_projects', records, `${where} ${root}.projects`);
  const err = res.issues.find((i) => i.severity === 'error');
  if (err) return { error: formatIssue('zh', { ...err, message: m('data.project.rowIsProject', { message: err.message }) }) };
  // walking network edits (added 2026-12; absent in older files)
  const rawEdits = (raw as { networkEdits?: unknown }).networkEdits;
  if (rawEdits !== undefined) {
    const ne = checkNetworkEdits(rawEdits, m('data.project.where', { where }));
    if ('error' in ne) return { error: render('zh', ne.error) };
    return { scenario: { id: r.value.id, name: r.value.name, projects: res.rows as PlanProject[], networkEdits: ne.edits } };
  }
  return { scenario: { id: r.value.id, name: r.value.name, projects: res.rows as PlanProject[] } };
}

/** Parse a scenario file's text; on error a Chinese message naming the file and field. */
export function parseScenarioText(text: string, fileName: string): { scenario: PlanScenario; settings?: PlanSettings } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `方案文件“${fileName}”不是有效的 JSON：${(e as Error).message}` };
  }
  if (!isObj(raw) || raw.format !== SCENARIO_FORMAT) return { error: `“${fileName}”不是学位规划方案文件（format 应为 ${SCENARIO_FORMAT}）` };
  if (typeof raw.version !== 'number' || raw.version > SCENARIO_VERSION) return { error: `方案文件“${fileName}”的版本（${String(raw.version)}）高于本程序支持的 ${SCENARIO_VERSION}` };
  const sc = checkScenario(raw.scenario, `方案文件“${fileName}”`);
  if ('error' in sc) return sc;
  if (raw.settings === undefined) return { scenario: sc.scenario };
  const st = checkPlanSettings(raw.settings, `方案文件“${fileName}”`);
  if ('error' in st) return st;
  return { scenario: sc.scenario, settings: st.settings };
}
