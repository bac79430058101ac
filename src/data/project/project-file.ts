/**
 * The project file (.xwgh.json): every layer's rows plus the app's settings and
 * scenarios (an opaque JSON value), with a format name and version. Import
 * validates every row through coerceRecords and answers with a message naming file and row.
 */
import { coerceRecords } from '../coerce';
import { jsonLooksTruncated } from '../import/read-geojson';
import { m, type Message } from '../../i18n';
import { LAYER_IDS, layerKey, type LayerId, type LayerRows } from '../schema';

export const PROJECT_FORMAT = 'xuewei-guihua-project';
/**
 * Format versions: 1 (to 2026-12-04) settings checked by hand-written code;
 * 2 settings checked by one schema (schemas.ts) with ranges on every number.
 * Files of every earlier version are migrated on open (migrateProjectDoc).
 */
export const PROJECT_VERSION = 2;
export const PROJECT_EXTENSION = '.xwgh.json';

export interface Project {
  /** all five layers (WGS84) */
  layers: LayerRows;
  /** settings, scenarios …: stored and returned as is (must be JSON-serialisable) */
  settings: unknown;
  name?: string;
  /** ISO time of the save */
  savedAt?: string;
}

interface ProjectFileV1 {
  format: typeof PROJECT_FORMAT;
  version: number;
  name?: string;
  savedAt: string;
  layers: Record<string, unknown[]>;
  settings: unknown;
}

/** An empty project (no rows, no settings). */
export function emptyProject(): Project {
  const layers = {} as Record<LayerId, unknown[]>;
  for (const id of LAYER_IDS) layers[id] = [];
  return { layers: layers as unknown as LayerRows, settings: {} };
}

/** Project → file text (JSON). */
export function serializeProject(project: Project): string {
  const file: ProjectFileV1 = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: project.name,
    savedAt: project.savedAt ?? new Date().toISOString(),
    layers: Object.fromEntries(LAYER_IDS.map((id) => [id, (project.layers[id] ?? []) as unknown[]])),
    settings: project.settings ?? {},
  };
  return JSON.stringify(file);
}

/** File name for a project export, e.g. 昆都仑区规划_2026-03-01.xwgh.json. */
export function projectFileName(name = '学位规划项目', date = new Date()): string {
  const d = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `${name.replace(/[\\/:*?"<>|]/g, '_')}_${d}${PROJECT_EXTENSION}`;
}

/** Parse and validate project file text. Returns the project, or an error naming the file (and row). */
export function parseProject(text: string, fileName: string): { project: Project } | { error: Message } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const truncated = jsonLooksTruncated((e as Error).message, text);
    return { error: m(truncated ? 'data.project.truncated' : 'data.project.notJson', { file: fileName }) };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { error: m('data.project.notProject', { file: fileName }) };
  const d = doc as Partial<ProjectFileV1>;
  if (d.format !== PROJECT_FORMAT) return { error: m('data.project.noFormat', { file: fileName }) };
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) return { error: m('data.project.badVersion', { file: fileName }) };
  if (d.version > PROJECT_VERSION) return { error: m('data.project.newerVersion', { file: fileName, version: d.version, supported: PROJECT_VERSION }) };
  const migrated = migrateProjectDoc(d as Record<string, unknown>);
  if ('error' in migrated) return { error: m('data.project.notUpgradable', { file: fileName, version: migrated.error.version }) };
  Object.assign(d, migrated.doc);
  if (!d.layers || typeof d.layers !== 'object') return { error: m('data.project.noLayers', { file: fileName }) };
  const layers = {} as Record<LayerId, unknown[]>;
  for (const id of LAYER_IDS) {
    const raw = (d.layers as Record<string, unknown>)[id] ?? [];
    if (!Array.isArray(raw)) return { error: m('data.project.layerNotArray', { file: fileName, layer: m(layerKey(id)) }) };
    const records = raw.map((r, i) => ({ row: i + 1, values: r && typeof r === 'object' ? (r as Record<string, unknown>) : {} }));
    const res = coerceRecords(id, records, fileName);
    const err = res.issues.find((x) => x.severity === 'error');
    if (err) {
      const values = { file: fileName, layer: m(layerKey(id)), row: err.row, column: err.column, message: err.message, count: res.issues.length };
      return { error: m(res.issues.length > 1 ? 'data.project.badRecordMany' : 'data.project.badRecord', values) };
    }
    layers[id] = res.rows as unknown[];
  }
  return { project: { layers: layers as unknown as LayerRows, settings: d.settings ?? {}, name: d.name, savedAt: d.savedAt } };
}

/**
 * Steps from each earlier format version to the next. Version 1 → 2: the same
 * layout; settings sections a version-1 file may lack (plan, ledger, present) stay
 * absent (the app fills them), a missing settings object becomes {}, and a plan
 * year outside the plan period (version 1 did not check it) is dropped so the
 * period's first year is shown. Values version 1 accepted but version 2 refuses
 * (a year of 1e16) are not repaired: the file is refused naming the field.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  1: (doc) => {
    const settings = doc.settings && typeof doc.settings === 'object' && !Array.isArray(doc.settings) ? { ...(doc.settings as Record<string, unknown>) } : doc.settings === undefined || doc.settings === null ? {} : doc.settings;
    const plan = (settings as Record<string, unknown>)?.plan as Record<string, unknown> | undefined;
    if (plan && typeof plan === 'object' && typeof plan.year === 'number' && (plan.year < 2000 || plan.year > 2100)) {
      (settings as Record<string, unknown>).plan = { ...plan, year: undefined };
    }
    return { ...doc, settings, version: 2 };
  },
};

/** Bring a parsed project document of any earlier version up to PROJECT_VERSION. */
export function migrateProjectDoc(doc: Record<string, unknown>): { doc: Record<string, unknown> } | { error: { version: number } } {
  let d = doc;
  for (let ver = Number(d.version); ver < PROJECT_VERSION; ver = Number(d.version)) {
    const step = MIGRATIONS[ver];
    if (!step) return { error: { version: ver } };
    d = step(d);
  }
  return { doc: d };
}
