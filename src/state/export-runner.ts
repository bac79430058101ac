/** The app's ExportRunner: each large job in its own Web Worker (cancel = terminate); small ones at once. */
import type { ExportJob } from '../data/export/export-job';
import { inlineExportRunner, type ExportRunner } from './export-slice';

/** Rows below which a job runs on the page (instant; a worker would only add its start-up). */
const INLINE_BELOW = 20_000;

function rowsOf(job: ExportJob): number {
  return job.kind === 'layer' ? job.packed.length : Object.values(job.packed).reduce((n, p) => n + p.length, 0);
}

export function createWorkerExportRunner(): ExportRunner {
  return (job) => {
    if (rowsOf(job) < INLINE_BELOW) return inlineExportRunner(job);
    const worker = new Worker(new URL('../data/export/export-worker.ts', import.meta.url), { type: 'module' });
    let reject: (e: Error) => void = () => {};
    const promise = new Promise<Blob>((resolve, rej) => {
      reject = rej;
      worker.onmessage = (ev: MessageEvent<{ blob?: Blob; error?: string }>) => {
        worker.terminate();
        if (ev.data.error !== undefined) rej(new Error(ev.data.error));
        else resolve(ev.data.blob ?? new Blob([]));
      };
      worker.onerror = (ev) => {
        worker.terminate();
        rej(new Error(ev.message || '导出程序出错'));
      };
      worker.postMessage(job);
    });
    return {
      promise,
      cancel() {
        worker.terminate();
        const e = new Error('已取消');
        e.name = 'AbortError';
        reject(e);
      },
    };
  };
}
