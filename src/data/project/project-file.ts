/**
 * The project file (.xwgh.json): every layer's rows plus the app's settings and
 * scenarios (an opaque JSON value), with a format name and version. Import
 * validates every row through coerceRecords and answers in Chinese.
 */
import { coerceRecords } from '../coerce';
import { jsonLooksTruncated } from '../import/read-geojson';
import { formatIssue } from '../issues';
import { LAYERS, LAYER_IDS, type LayerId, type LayerRows } from '../schema';

export const PROJECT_FORMAT = 'xuewei-guihua-project';
export const PROJECT_VERSION = 1;
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
  if (!d.layers || typeof d.layers !== 'object') return { error: `项目文件“${fileName}”缺少图层数据（layers）` };
  const layers = {} as Record<LayerId, unknown[]>;
  for (const id of LAYER_IDS) {
    const raw = (d.layers as Record<string, unknown>)[id] ?? [];
    if (!Array.isArray(raw)) return { error: `项目文件“${fileName}”中“${LAYERS[id].zh}”图层不是数组` };
    const records = raw.map((r, i) => ({ row: i + 1, values: r && typeof r === 'object' ? (r as Record<string, unknown>) : {} }));
    const res = coerceRecords(id, records, fileName);
    const err = res.issues.find((x) => x.severity === 'error');
    if (err) return { error: `项目文件“${fileName}”中“${LAYERS[id].zh}”图层第 ${err.row} 条记录有误（${formatIssue({ ...err, file: '', row: 0 })}）${res.issues.length > 1 ? `，共 ${res.issues.length} 处问题` : ''}` };
    layers[id] = res.rows as unknown[];
  }
  return { project: { layers: layers as unknown as LayerRows, settings: d.settings ?? {}, name: d.name, savedAt: d.savedAt } };
}
