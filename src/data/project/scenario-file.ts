/**
 * A plan scenario as a file (`.xwgh-scenario.json`): its projects (validated as
 * rows of the plan_projects layer) and optionally the plan settings. The same file
 * drives the app and the CLI (`npm run analyze -- --scenario <file> --year <y>`).
 */
import { defaultPlanSettings } from '../../analysis/plan/plan-defaults';
import type { PlanScenario, PlanSettings } from '../../analysis/plan/plan-types';
import { coerceRecords } from '../coerce';
import { formatIssue } from '../issues';
import type { PlanProject } from '../schema';

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

/** Validate plan settings, filling missing fields from the defaults; returns errors naming the field. */
export function checkPlanSettings(raw: unknown, where: string): { settings: PlanSettings } | { error: string } {
  const d = defaultPlanSettings();
  if (raw === undefined || raw === null) return { settings: d };
  if (!isObj(raw)) return { error: `${where}：settings 应为对象` };
  const out: PlanSettings = { ...d, ...(raw as Partial<PlanSettings>), demand: { ...d.demand, ...(isObj(raw.demand) ? (raw.demand as object) : {}) } };
  for (const k of ['baseYear', 'endYear', 'openingLagYears', 'newCommunityAfterYear', 'householdSize', 'newBuildCost10kPerClass'] as const) {
    if (typeof out[k] !== 'number' || !Number.isFinite(out[k])) return { error: `${where}：settings.${k} 应为数字` };
  }
  if (out.endYear < out.baseYear || out.endYear - out.baseYear > 30) return { error: `${where}：settings.endYear 应在 baseYear 之后 30 年内` };
  const dm = out.demand;
  if (dm.method !== 'births' && dm.method !== 'per_thousand') return { error: `${where}：settings.demand.method 应为 births 或 per_thousand` };
  if (dm.baseBasis !== 'births' && dm.baseBasis !== 'census') return { error: `${where}：settings.demand.baseBasis 应为 births 或 census` };
  for (const k of ['survivalRate', 'netMigrationPerYear', 'placesPerThousand', 'tuoPerThousand'] as const) {
    if (typeof dm[k] !== 'number' || !Number.isFinite(dm[k])) return { error: `${where}：settings.demand.${k} 应为数字` };
  }
  if (dm.newCommunityChildShare !== null && !(typeof dm.newCommunityChildShare === 'number' && dm.newCommunityChildShare >= 0 && dm.newCommunityChildShare <= 1)) {
    return { error: `${where}：settings.demand.newCommunityChildShare 应为 0–1 之间的数或 null` };
  }
  const series = (v: unknown, path: string): string | null => {
    if (v === null || v === undefined) return null;
    if (!isObj(v)) return `${path} 应为“年份 → 人数”的对象`;
    for (const [y, n] of Object.entries(v)) {
      if (!/^\d{4}$/.test(y)) return `${path} 的键“${y}”不是年份`;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return `${path}.${y} 应为非负数`;
    }
    return null;
  };
  const bad =
    series(dm.nationalBirths10k, 'settings.demand.nationalBirths10k') ??
    series(dm.districtBirths, 'settings.demand.districtBirths') ??
    (dm.streetBirths ? (isObj(dm.streetBirths) ? Object.entries(dm.streetBirths).map(([c, v]) => series(v, `settings.demand.streetBirths.${c}`)).find(Boolean) ?? null : 'settings.demand.streetBirths 应为对象') : null);
  if (bad) return { error: `${where}：${bad}` };
  return { settings: out };
}

/** Validate a scenario's projects as plan_projects rows; errors name the project (row) and field. */
export function checkScenario(raw: unknown, where: string): { scenario: PlanScenario } | { error: string } {
  if (!isObj(raw)) return { error: `${where}：scenario 应为对象` };
  if (typeof raw.id !== 'string' || !raw.id) return { error: `${where}：scenario.id 应为非空文本` };
  if (typeof raw.name !== 'string') return { error: `${where}：scenario.name 应为文本` };
  if (!Array.isArray(raw.projects)) return { error: `${where}：scenario.projects 应为数组` };
  const records = raw.projects.map((p, k) => ({ row: k + 1, values: isObj(p) ? p : {} }));
  const res = coerceRecords('plan_projects', records, `${where} scenario.projects`);
  const err = res.issues.find((i) => i.severity === 'error');
  if (err) return { error: formatIssue({ ...err, message: err.message + '（第 N 行 = 第 N 个项目）' }) };
  return { scenario: { id: raw.id, name: raw.name, projects: res.rows as PlanProject[] } };
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
