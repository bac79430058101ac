/**
 * Web Worker writing the project record to IndexedDB, so the page never waits
 * for the clone of a large project. Receives {id, rec}; answers {id} or {id, error}.
 */
import { putRecord, type StoredProject } from './project-store';

interface Scope {
  onmessage: ((ev: MessageEvent<{ id: number; rec: StoredProject }>) => void) | null;
  postMessage(m: { id: number; error?: string; putMs?: number; doneAt?: number }): void;
}
const scope = self as unknown as Scope;

scope.onmessage = (ev) => {
  const { id, rec } = ev.data;
  const t0 = performance.now();
  putRecord(indexedDB, rec).then(
    () => scope.postMessage({ id, putMs: performance.now() - t0, doneAt: Date.now() }),
    (e: unknown) => scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
  );
};
