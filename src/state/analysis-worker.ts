/**
 * Web Worker running the analysis engine (src/analysis) on the app's data: the glue
 * between the page's packed columns (src/data) and the pure engine, so it lives here
 * and not in src/analysis. Protocol: worker-protocol.ts.
 * Usage (Vite): new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' }).
 * Receives {id, input, params} (type 'run' optional) and {type:'cancel', id};
 * posts progress, then the result (typed arrays transferred) or an error.
 */
import { m, type Message } from '../i18n';
import { messageOfError } from '../i18n/message-error';
import { unpackRows } from '../data/import/packed-rows';
import { isAbortError } from '../analysis/abort';
import { runAnalysisAsync } from '../analysis/run-analysis';
import type { AnalysisRequest, AnalysisResponse } from './worker-protocol';
import { planTransferables, resultTransferables } from './worker-protocol';
import { driveAsync } from '../analysis/drive';
import { planSteps } from '../analysis/plan/run-plan';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(msg: AnalysisResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number | string, { aborted: boolean }>();

scope.onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === 'cancel') {
    const sig = running.get(msg.id);
    if (sig) sig.aborted = true;
    return;
  }
  const { id, params } = msg;
  const input = msg.packed?.population ? { ...msg.input, population: unpackRows<'population'>(msg.packed.population) } : msg.input;
  const signal = { aborted: false };
  running.set(id, signal);
  const onProgress = (fraction: number, stage: Message) => scope.postMessage({ type: 'progress', id, fraction, stage });
  const job: Promise<void> =
    msg.type === 'plan'
      ? driveAsync(planSteps(input, msg.scenario, params, msg.settings, { signal, onProgress, detailYears: msg.detailYears })).then((result) =>
          scope.postMessage({ type: 'plan-result', id, result }, planTransferables(result)),
        )
      : runAnalysisAsync(input, params, { signal, onProgress }).then((result) =>
          scope.postMessage({ type: 'result', id, result }, resultTransferables(result)),
        );
  job
    .catch((e: unknown) => {
      const aborted = isAbortError(e);
      const message = aborted ? m('engine.err.aborted') : m('state.analysisFailed', { error: messageOfError(e) });
      scope.postMessage({ type: 'error', id, message, aborted });
    })
    .finally(() => running.delete(id));
};
