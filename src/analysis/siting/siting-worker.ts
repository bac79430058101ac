/// <reference lib="webworker" />
/**
 * The siting worker: the instant answer first, then the exact one with HiGHS
 * (WebAssembly, bundled by Vite — loaded on the first run, never from a CDN).
 * Cancel = the page terminates the worker.
 */
import type { Highs } from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { prepareSiting, runSitingExact, runSitingHeuristic, sitingError } from './run-siting';
import type { SitingRequest, SitingResponse } from './siting-protocol';

let highs: Promise<Highs> | null = null;
const loadSolver = (): Promise<Highs> => {
  highs ??= import('highs').then((m) => m.default({ locateFile: () => highsWasmUrl }));
  return highs;
};

const post = (m: SitingResponse): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (ev: MessageEvent<SitingRequest>) => {
  const { id, population, kindergartens, candidates, params } = ev.data;
  try {
    const prep = prepareSiting(population, kindergartens, candidates, params);
    const quick = runSitingHeuristic(prep);
    post({ type: 'heuristic', id, answer: quick, summary: prep.summary });
    const solver = await loadSolver();
    const exact = runSitingExact(prep, solver, {
      timeLimitS: params.timeLimitS,
      start: quick.sites.map((s) => s.candidate),
      onProgress: (p) => post({ type: 'progress', id, ...p }),
    });
    post({ type: 'exact', id, answer: exact });
  } catch (e) {
    post({ type: 'error', id, message: sitingError(e) });
    // an aborted WebAssembly module cannot run again: the next run loads a fresh one
    if (/Aborted|RuntimeError|memory/i.test(String(e))) highs = null;
  }
};
