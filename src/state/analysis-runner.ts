/** The app's AnalysisRunner: the engine in a Web Worker, with progress and cancel. */
import { POPULATION_FIELDS_USED } from '../analysis/run-analysis';
import type { AnalysisResponse, AnalysisRunRequest } from '../analysis/worker-protocol';
import { packedOf, pickColumns } from '../data/import/packed-rows';
import type { AnalysisRunner } from './analysis-slice';

/** Above this many population rows they go to the worker as packed columns (only those the engine reads). */
const PACK_ABOVE = 20_000;

export function createWorkerRunner(): AnalysisRunner {
  const worker = new Worker(new URL('../analysis/analysis-worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void; onProgress: (f: number, s: string) => void }>();
  worker.onmessage = (ev: MessageEvent<AnalysisResponse>) => {
    const msg = ev.data;
    const p = pending.get(msg.id as number);
    if (!p) return;
    if (msg.type === 'progress') p.onProgress(msg.fraction, msg.stageZh);
    else {
      pending.delete(msg.id as number);
      if (msg.type === 'result') p.resolve(msg.result as never);
      else {
        const e = new Error(msg.messageZh);
        if (msg.aborted) e.name = 'AbortError';
        p.reject(e);
      }
    }
  };
  return (input, params, onProgress, signal) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress });
      const msg: AnalysisRunRequest =
        input.population.length > PACK_ABOVE
          ? { type: 'run', id, input: { ...input, population: [] }, params, packed: { population: pickColumns(packedOf('population', input.population), [...POPULATION_FIELDS_USED]) } }
          : { type: 'run', id, input, params };
      worker.postMessage(msg);
      // the slice flips signal.aborted; forward it to the worker
      const poll = setInterval(() => {
        if (!pending.has(id)) clearInterval(poll);
        else if (signal.aborted) {
          clearInterval(poll);
          worker.postMessage({ type: 'cancel', id });
        }
      }, 50);
    });
}
