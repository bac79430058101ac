/**
 * Keeping the project in the browser (IndexedDB) so it survives a reload. The
 * project is stored as its file text, so a reload goes through the same
 * validation as importing a project file.
 */
import { parseProject, serializeProject, type Project } from './project-file';

const DB_NAME = 'xuewei-guihua';
const STORE = 'projects';
const DEFAULT_KEY = 'current';

interface StoredProject {
  key: string;
  text: string;
  savedAt: string;
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

/** Save the project in IndexedDB under `key` (one transaction: all or nothing). */
export async function saveProject(factory: IDBFactory, project: Project, key = DEFAULT_KEY): Promise<void> {
  const savedAt = project.savedAt ?? new Date().toISOString();
  const rec: StoredProject = { key, text: serializeProject({ ...project, savedAt }), savedAt };
  await withStore(factory, 'readwrite', (s) => s.put(rec));
}

/** Load the project saved under `key`: null when none, or { error } when the stored copy is unreadable. */
export async function loadProject(factory: IDBFactory, key = DEFAULT_KEY): Promise<Project | null | { error: string }> {
  const rec = (await withStore(factory, 'readonly', (s) => s.get(key))) as StoredProject | undefined;
  if (!rec) return null;
  const res = parseProject(rec.text, '浏览器中保存的项目');
  return 'error' in res ? res : res.project;
}

/** Remove the saved project. */
export async function clearProject(factory: IDBFactory, key = DEFAULT_KEY): Promise<void> {
  await withStore(factory, 'readwrite', (s) => s.delete(key));
}
