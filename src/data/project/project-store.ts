/**
 * Keeping the project in the browser (IndexedDB) so it survives a reload. Layers
 * are stored as packed columns (typed arrays, one string per text column) and the
 * app writes them from a worker (save-worker.ts): a million rows cost the page one
 * structured clone of the arrays (~0.4 s here), not seconds of IndexedDB writing or JSON.
 * Copies saved by earlier versions (file text) still load, through the project
 * file's validation.
 */
import { packedOf, unpackRowsChunked, type PackedRows } from '../import/packed-rows';
import { m, msg, type Message } from '../../i18n';
import { MessageError } from '../../i18n/message-error';
import { LAYERS, LAYER_IDS, layerKey, type LayerId, type LayerRows } from '../schema';
import { isPackedEvents, packEvents, unpackEvents, type PackedEvents } from './ledger-pack';
import { parseProject, type Project } from './project-file';

const DB_NAME = 'xuewei-guihua';
const STORE = 'projects';
const DEFAULT_KEY = 'current';
/** A saved copy that failed to load is kept under this prefix + the time it was set aside, until the user discards it. */
export const RESCUE_PREFIX = 'rescued:';
/** A small record written in the same transaction as the project: read back to prove the write landed. */
const STAMP_SUFFIX = ':stamp';

/** What one IndexedDB record holds. */
export interface StoredProject {
  key: string;
  savedAt: string;
  /** version 1: the project file's text */
  text?: string;
  /** version 2: packed layers, settings as JSON text */
  packed?: Record<string, PackedRows>;
  settingsJson?: string;
  /** the 台账 history in columns (settingsJson then holds ledger.events = []) */
  ledgerPacked?: PackedEvents;
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
    r.onblocked = () => reject(new MessageError(m('data.store.blocked')));
  });
}

async function withStore<T>(factory: IDBFactory, mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openProjectDb(factory);
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new MessageError(m('data.store.aborted')));
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
  // a long 台账 history goes in columns, not JSON (700,000 events: 150 MB of text)
  const settings = (project.settings ?? {}) as Record<string, unknown>;
  const ledger = settings.ledger as { events?: unknown } | undefined;
  if (ledger && Array.isArray(ledger.events) && ledger.events.length > 0) {
    const ledgerPacked = packEvents(ledger.events);
    const settingsJson = JSON.stringify({ ...settings, ledger: { ...ledger, events: [] } });
    return { key, savedAt: project.savedAt ?? new Date().toISOString(), packed, settingsJson, ledgerPacked, name: project.name };
  }
  return { key, savedAt: project.savedAt ?? new Date().toISOString(), packed, settingsJson: JSON.stringify(settings), name: project.name };
}

/** A failed write in words a planner can act on. */
export function describeSaveError(e: unknown): Message {
  const name = (e as { name?: string } | null)?.name ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof MessageError) return e.msg;
  if (name === 'QuotaExceededError' || /quota|space|disk/i.test(msg)) return m('data.store.quota');
  if (name === 'InvalidStateError' || name === 'UnknownError') return m('data.store.dbError', { error: msg || name });
  return msg || name ? m('data.store.other', { error: msg || name }) : m('data.store.unknown');
}

/**
 * Write a record and its stamp in one transaction (all or nothing: a failed write keeps
 * the previous record), then read the stamp back: a write the browser only pretended to
 * make is reported as a failure, not as saved.
 */
export async function putRecord(factory: IDBFactory, rec: StoredProject): Promise<void> {
  const db = await openProjectDb(factory);
  try {
    await new Promise<void>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(STORE, 'readwrite');
        const st = tx.objectStore(STORE);
        st.put(rec);
        st.put({ key: rec.key + STAMP_SUFFIX, savedAt: rec.savedAt });
      } catch (e) {
        reject(e);
        return;
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new MessageError(m('data.store.aborted')));
    });
    const stamp = await new Promise<{ savedAt?: string } | undefined>((resolve, reject) => {
      const r = db.transaction(STORE, 'readonly').objectStore(STORE).get(rec.key + STAMP_SUFFIX);
      r.onsuccess = () => resolve(r.result as { savedAt?: string } | undefined);
      r.onerror = () => reject(r.error);
    });
    if (stamp?.savedAt !== rec.savedAt) throw new MessageError(m('data.store.notWritten'));
  } finally {
    db.close();
  }
}

/** The raw record under `key` (no validation), or null. */
export async function loadRecord(factory: IDBFactory, key = DEFAULT_KEY): Promise<StoredProject | null> {
  return ((await withStore(factory, 'readonly', (s) => s.get(key))) as StoredProject | undefined) ?? null;
}

/** Copy the record under `from` to a new rescue key (the copy survives the next autosave); returns the key. */
export async function rescueRecord(factory: IDBFactory, from = DEFAULT_KEY): Promise<string | null> {
  const rec = await loadRecord(factory, from);
  if (!rec) return null;
  const key = `${RESCUE_PREFIX}${new Date().toISOString()}`;
  await withStore(factory, 'readwrite', (s) => s.put({ ...rec, key }));
  return key;
}

/** Keys of the rescued copies, oldest first. */
export async function listRescued(factory: IDBFactory): Promise<string[]> {
  const keys = (await withStore(factory, 'readonly', (s) => s.getAllKeys())) as string[];
  return keys.filter((k) => typeof k === 'string' && k.startsWith(RESCUE_PREFIX)).sort();
}

/**
 * A rescued record as project file text, as much of it as can be read: whole layers as
 * rows, broken ones empty (named in `problems`), the settings as saved (or their raw text).
 */
export async function rescuedFileText(rec: StoredProject): Promise<{ text: string; problems: Message[] }> {
  if (!rec.packed) return { text: rec.text ?? '', problems: [] };
  const problems: Message[] = [];
  const layers: Record<string, unknown[]> = {};
  for (const id of LAYER_IDS) {
    const p = rec.packed[id];
    if (packedIsWhole(id, p)) {
      try {
        layers[id] = (await unpackRowsChunked(p)) as unknown[];
        continue;
      } catch {
        /* counted below */
      }
    }
    layers[id] = [];
    problems.push(m('data.store.layerUnreadable', { layer: m(layerKey(id)) }));
  }
  let settings: unknown;
  try {
    settings = JSON.parse(rec.settingsJson ?? '{}');
  } catch {
    settings = { unreadableSettingsText: rec.settingsJson ?? '' };
    problems.push(m('data.store.settingsUnreadable'));
  }
  if (rec.ledgerPacked) {
    try {
      settings = withLedger(settings, isPackedEvents(rec.ledgerPacked) ? unpackEvents(rec.ledgerPacked) : []);
    } catch {
      problems.push(m('data.store.ledgerUnreadable'));
    }
  }
  // version 1 keeps the file loadable by the migration path even when parts are odd
  const text = JSON.stringify({ format: 'xuewei-guihua-project', version: 1, name: rec.name, savedAt: rec.savedAt, layers, settings });
  return { text, problems };
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

async function fromPacked(rec: StoredProject): Promise<Project | { error: Message }> {
  const layers = {} as Record<LayerId, unknown[]>;
  for (const id of LAYER_IDS) {
    const p = rec.packed?.[id];
    if (!packedIsWhole(id, p)) return { error: m('data.store.layerBroken', { layer: m(layerKey(id)) }) };
  }
  // rows made in chunks: a million-row layer does not hold the page at start-up
  for (const id of LAYER_IDS) layers[id] = (await unpackRowsChunked(rec.packed![id])) as unknown[];
  let settings: unknown = {};
  try {
    settings = JSON.parse(rec.settingsJson ?? '{}');
  } catch {
    return { error: m('data.store.settingsBroken') };
  }
  if (rec.ledgerPacked) settings = withLedger(settings, rec.ledgerPacked);
  return { layers: layers as unknown as LayerRows, settings, name: rec.name, savedAt: rec.savedAt };
}

/** Settings with the packed history put back as ledger.events (checked and unpacked when applied). */
function withLedger(settings: unknown, events: unknown): unknown {
  const o = settings && typeof settings === 'object' && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
  const ledger = o.ledger && typeof o.ledger === 'object' ? (o.ledger as Record<string, unknown>) : {};
  return { ...o, ledger: { ...ledger, events } };
}

/** Load the project saved under `key`: null when none, or { error } when the stored copy is unreadable. */
export async function loadProject(factory: IDBFactory, key = DEFAULT_KEY): Promise<Project | null | { error: Message }> {
  const rec = (await withStore(factory, 'readonly', (s) => s.get(key))) as StoredProject | undefined;
  if (!rec) return null;
  if (rec.packed) return fromPacked(rec);
  const res = parseProject(rec.text ?? '', msg('zh', 'data.store.browserCopy'));
  return 'error' in res ? res : res.project;
}

/** Remove the saved project. */
export async function clearProject(factory: IDBFactory, key = DEFAULT_KEY): Promise<void> {
  await withStore(factory, 'readwrite', (s) => s.delete(key));
  await withStore(factory, 'readwrite', (s) => s.delete(key + STAMP_SUFFIX));
}
