/**
 * Keeping the project in the browser (IndexedDB) so it survives a reload. Layers
 * are stored as packed columns (typed arrays, one string per text column) and the
 * app writes them from a worker (save-worker.ts): a million rows cost the page one
 * structured clone of the arrays (~0.4 s here), not seconds of IndexedDB writing or JSON.
 * Copies saved by earlier versions (file text) still load, through the project
 * file's validation.
 */
import { packedOf, unpackRowsChunked, type PackedRows } from '../import/packed-rows';
import { LAYERS, LAYER_IDS, type LayerId, type LayerRows } from '../schema';
import { parseProject, type Project } from './project-file';

const DB_NAME = 'xuewei-guihua';
const STORE = 'projects';
const DEFAULT_KEY = 'current';

/** What one IndexedDB record holds. */
export interface StoredProject {
  key: string;
  savedAt: string;
  /** version 1: the project file's text */
  text?: string;
  /** version 2: packed layers, settings as JSON text */
  packed?: Record<string, PackedRows>;
  settingsJson?: string;
  name?: string;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Open (or create) the project database on `factory` (window.indexedDB, or fake-indexeddb in tests). */
export function openProjectDb(factory: IDBFactory, dbName = DB_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(dbName, 1);
    r.onupgradeneeded = () => {
      if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new Error('项目数据库被另一个窗口占用，请关闭其他窗口后重试'));
  });
}

async function withStore<T>(factory: IDBFactory, mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openProjectDb(factory);
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('保存被中止（可能是浏览器存储空间不足）'));
    });
    done.catch(() => undefined); // observed below; avoids an unhandled rejection when the request fails first
    const result = await req(f(tx.objectStore(STORE)));
    await done;
    return result;
  } finally {
    db.close();
  }
}

/** The record to store for `project` (its packed columns are shared with the rows' cache: clone, never transfer them). */
export function storedRecord(project: Project, key = DEFAULT_KEY): StoredProject {
  const packed: Record<string, PackedRows> = {};
  for (const id of LAYER_IDS) packed[id] = packedOf(id, project.layers[id] ?? []);
  return { key, savedAt: project.savedAt ?? new Date().toISOString(), packed, settingsJson: JSON.stringify(project.settings ?? {}), name: project.name };
}

/** Write a record (one transaction: all or nothing). */
export async function putRecord(factory: IDBFactory, rec: StoredProject): Promise<void> {
  await withStore(factory, 'readwrite', (s) => s.put(rec));
}

/** Save the project in IndexedDB under `key`, on this thread. */
export async function saveProject(factory: IDBFactory, project: Project, key = DEFAULT_KEY): Promise<void> {
  await putRecord(factory, storedRecord(project, key));
}

/** Whether a stored packed table has the layer's columns, each as long as the table. */
function packedIsWhole(id: LayerId, p: PackedRows | undefined): p is PackedRows {
  if (!p || p.layer !== id || !Number.isInteger(p.length) || p.length < 0 || !p.columns) return false;
  return LAYERS[id].fields.every((fd) => {
    const c = p.columns[fd.name];
    if (!c) return false;
    if (c.kind === 'num' || c.kind === 'bool') return c.values.length === p.length;
    if (c.kind === 'dict') return c.codes.length === p.length && Array.isArray(c.values);
    return c.lengths.length === p.length && typeof c.joined === 'string';
  });
}

async function fromPacked(rec: StoredProject): Promise<Project | { error: string }> {
  const layers = {} as Record<LayerId, unknown[]>;
  for (const id of LAYER_IDS) {
    const p = rec.packed?.[id];
    if (!packedIsWhole(id, p)) return { error: `浏览器中保存的项目已损坏（“${LAYERS[id].zh}”图层不完整）` };
  }
  // rows made in chunks: a million-row layer does not hold the page at start-up
  for (const id of LAYER_IDS) layers[id] = (await unpackRowsChunked(rec.packed![id])) as unknown[];
  let settings: unknown = {};
  try {
    settings = JSON.parse(rec.settingsJson ?? '{}');
  } catch {
    return { error: '浏览器中保存的项目已损坏（设置无法读取）' };
  }
  return { layers: layers as unknown as LayerRows, settings, name: rec.name, savedAt: rec.savedAt };
}

/** Load the project saved under `key`: null when none, or { error } when the stored copy is unreadable. */
export async function loadProject(factory: IDBFactory, key = DEFAULT_KEY): Promise<Project | null | { error: string }> {
  const rec = (await withStore(factory, 'readonly', (s) => s.get(key))) as StoredProject | undefined;
  if (!rec) return null;
  if (rec.packed) return fromPacked(rec);
  const res = parseProject(rec.text ?? '', '浏览器中保存的项目');
  return 'error' in res ? res : res.project;
}

/** Remove the saved project. */
export async function clearProject(factory: IDBFactory, key = DEFAULT_KEY): Promise<void> {
  await withStore(factory, 'readwrite', (s) => s.delete(key));
}
