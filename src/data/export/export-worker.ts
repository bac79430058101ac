/**
 * Web Worker running one export job (export-job.ts); answers {blob} or {error}. The Blob
 * is made here: building one from 100+ MB on the page holds it for seconds, posting a
 * Blob passes a handle.
 */
import { runExportJob, type ExportJob } from './export-job';

interface Scope {
  onmessage: ((ev: MessageEvent<ExportJob>) => void) | null;
  postMessage(m: { blob?: Blob; error?: string }): void;
}
const scope = self as unknown as Scope;

scope.onmessage = (ev) => {
  runExportJob(ev.data).then(
    (bytes) => scope.postMessage({ blob: new Blob([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)]) }),
    (e: unknown) => scope.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
};
