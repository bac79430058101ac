/** The app's project saver: the IndexedDB write in a Web Worker. */
import type { Project } from '../data/project/project-file';
import { storedRecord } from '../data/project/project-store';
import { timings } from './load-sample';

/** The worker starts with the first save (not during start-up, when the map needs both cores). */
export function createWorkerSaver(): (p: Project) => Promise<void> {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  const start = (): Worker => {
    const w = new Worker(new URL('../data/project/save-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<{ id: number; error?: string; putMs?: number; doneAt?: number }>) => {
      // the last save's phases, read by the browser tests and docs/benchmarks.md (doneAt: when the write landed, epoch ms)
      if (ev.data.putMs !== undefined) timings.lastSaveWriteMs = ev.data.putMs;
      if (ev.data.doneAt !== undefined) timings.lastSaveDoneAt = ev.data.doneAt;
      const p = pending.get(ev.data.id);
      if (!p) return;
      pending.delete(ev.data.id);
      if (ev.data.error) p.reject(new Error(ev.data.error));
      else p.resolve();
    };
    w.onerror = (ev) => {
      for (const p of pending.values()) p.reject(new Error(ev.message || '保存程序出错'));
      pending.clear();
    };
    return w;
  };
  return (project) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const t0 = performance.now();
      const rec = storedRecord(project);
      const t1 = performance.now();
      worker.postMessage({ id, rec });
      timings.lastSavePackMs = t1 - t0;
      timings.lastSavePostMs = performance.now() - t1;
    });
}
