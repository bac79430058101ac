/**
 * The project file (.xwgh.json): every layer's rows plus the app's settings and
 * scenarios (an opaque JSON value), with a format name and version. Import
 * validates every row through coerceRecords and answers in Chinese.
 */
import { coerceRecords } from '../coerce';
import { jsonLooksTruncated } from '../import/read-geojson';
import { formatIssue } from '../issues';
import { LAYER_IDS, layerLabel, type LayerId, type LayerRows } from '../schema';

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

/** Parse and validate project file text. Returns the project, or a Chinese error naming the file (and row). */
export function parseProject(text: string, fileName: string): { project: Project } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const truncated = jsonLooksTruncated((e as Error).message, text);
    return { error: `项目文件“${fileName}”无法读取：${truncated ? '内容不完整，文件可能被截断' : '不是有效的 JSON'}` };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { error: `“${fileName}”不是学位规划项目文件` };
  const d = doc as Partial<ProjectFileV1>;
  if (d.format !== PROJECT_FORMAT) return { error: `“${fileName}”不是学位规划项目文件（缺少格式标记）` };
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) return { error: `项目文件“${fileName}”的版本号无效` };
  if (d.version > PROJECT_VERSION) return { error: `项目文件“${fileName}”的版本（${d.version}）高于本程序支持的版本（${PROJECT_VERSION}），请更新程序后再打开` };
  const migrated = migrateProjectDoc(d as Record<string, unknown>);
  if ('error' in migrated) return { error: `项目文件“${fileName}”${migrated.error}` };
  Object.assign(d, migrated.doc);
  if (!d.layers || typeof d.layers !== 'object') return { error: `项目文件“${fileName}”缺少图层数据（layers）` };
  const layers = {} as Record<LayerId, unknown[]>;
  for (const id of LAYER_IDS) {
    const raw = (d.layers as Record<string, unknown>)[id] ?? [];
    if (!Array.isArray(raw)) return { error: `项目文件“${fileName}”中“${layerLabel('zh', id)}”图层不是数组` };
    const records = raw.map((r, i) => ({ row: i + 1, values: r && typeof r === 'object' ? (r as Record<string, unknown>) : {} }));
    const res = coerceRecords(id, records, fileName);
    const err = res.issues.find((x) => x.severity === 'error');
    if (err) return { error: `项目文件“${fileName}”中“${layerLabel('zh', id)}”图层第 ${err.row} 条记录有误（${formatIssue('zh', { ...err, file: '', row: 0 })}）${res.issues.length > 1 ? `，共 ${res.issues.length} 处问题` : ''}` };
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
export function migrateProjectDoc(doc: Record<string, unknown>): { doc: Record<string, unknown> } | { error: string } {
  let d = doc;
  for (let ver = Number(d.version); ver < PROJECT_VERSION; ver = Number(d.version)) {
    const step = MIGRATIONS[ver];
    if (!step) return { error: `的版本（${ver}）无法升级` };
    d = step(d);
  }
  return { doc: d };
}
