/**
 * Web Worker running the analysis engine. Protocol: worker-protocol.ts.
 * Usage (Vite): new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' }).
 * Receives {id, input, params} (type 'run' optional) and {type:'cancel', id};
 * posts progress, then the result (typed arrays transferred) or an error.
 */
import { unpackRows } from '../data/import/packed-rows';
import { isAbortError } from './abort';
import { runAnalysisAsync } from './run-analysis';
import type { AnalysisRequest, AnalysisResponse } from './worker-protocol';
import { resultTransferables } from './worker-protocol';

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
  runAnalysisAsync(input, params, {
    signal,
    onProgress: (fraction, stageZh) => scope.postMessage({ type: 'progress', id, fraction, stageZh }),
  })
    .then((result) => {
      scope.postMessage({ type: 'result', id, result }, resultTransferables(result));
    })
    .catch((e: unknown) => {
      const aborted = isAbortError(e);
      const messageZh = aborted ? '分析已取消' : `分析出错：${e instanceof Error ? e.message : String(e)}`;
      scope.postMessage({ type: 'error', id, messageZh, aborted });
    })
    .finally(() => running.delete(id));
};
