/** The app's runner: the plan engine (also the present-day view, its base year) in a Web Worker, with progress and cancel. */
import { render, type Message } from '../i18n';
import type { PlanResult } from '../analysis/plan/plan-types';
import { POPULATION_FIELDS_USED } from '../analysis/run-analysis';
import type { AnalysisRequest, AnalysisResponse } from './worker-protocol';
import type { AnalysisInput } from '../analysis/types';
import { packedOf, pickColumns } from '../data/import/packed-rows';
import type { PlanRunner } from './plan-slice';

/** Above this many population rows they go to the worker as packed columns (only those the engine reads). */
const PACK_ABOVE = 20_000;

type Pending = { resolve: (r: never) => void; reject: (e: Error) => void; onProgress: (f: number, s: Message) => void };

function packInput(input: AnalysisInput): Pick<AnalysisRequest & { type?: 'run' }, never> & { input: AnalysisInput; packed?: { population: ReturnType<typeof pickColumns> } } {
  if (input.population.length <= PACK_ABOVE) return { input };
  return { input: { ...input, population: [] }, packed: { population: pickColumns(packedOf('population', input.population), [...POPULATION_FIELDS_USED]) } };
}

export function createWorkerRunners(): { plan: PlanRunner } {
  const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.onmessage = (ev: MessageEvent<AnalysisResponse>) => {
    const msg = ev.data;
    const p = pending.get(msg.id as number);
    if (!p) return;
    if (msg.type === 'progress') return p.onProgress(msg.fraction, msg.stage);
    pending.delete(msg.id as number);
    if (msg.type === 'result' || msg.type === 'plan-result') p.resolve(msg.result as never);
    else {
      const e = Object.assign(new Error(render('zh', msg.message)), { msg: msg.message });
      if (msg.aborted) e.name = 'AbortError';
      p.reject(e);
    }
  };
  function send<T>(make: (id: number) => AnalysisRequest, onProgress: Pending['onProgress'], signal: { aborted: boolean }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress });
      worker.postMessage(make(id));
      // the slice aborts its controller; forward it to the worker
      const poll = setInterval(() => {
        if (!pending.has(id)) clearInterval(poll);
        else if (signal.aborted) {
          clearInterval(poll);
          worker.postMessage({ type: 'cancel', id });
        }
      }, 50);
    });
  }
  return {
    plan: (req, onProgress, signal) =>
      send<PlanResult>(
        (id) => ({ type: 'plan', id, params: req.params, scenario: req.scenario, settings: req.settings, detailYears: req.detailYears, ...packInput(req.input) }),
        onProgress,
        signal,
      ),
  };
}
