/**
 * Web Worker running imports off the main thread:
 *   new Worker(new URL('../../data/import/import-worker.ts', import.meta.url), { type: 'module' })
 * Requests and responses: src/data/import/import-protocol.ts.
 */
import type { WorkerRequest, WorkerResponse } from './import-protocol';
import { ImportRunner } from './import-runner';

const scope = self as unknown as { postMessage(m: WorkerResponse, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null };
const runner = new ImportRunner((m, transfer) => scope.postMessage(m, transfer ?? []));

scope.onmessage = (e) => {
  void runner.handle(e.data);
};
