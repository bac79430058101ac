/** The siting worker behind the SitingRunner interface: one worker per run, terminated on cancel. */
import { m } from '../i18n';
import type { SitingRequest, SitingResponse } from '../analysis/siting/siting-protocol';
import type { SitingRunner } from './siting-slice';

export function createSitingWorkerRunner(): SitingRunner {
  return (req: SitingRequest, onMessage: (m: SitingResponse) => void) => {
    const worker = new Worker(new URL('../analysis/siting/siting-worker.ts', import.meta.url), { type: 'module' });
    let done = false;
    worker.onmessage = (ev: MessageEvent<SitingResponse>) => {
      if (done) return;
      if (ev.data.type === 'exact' || ev.data.type === 'error') {
        done = true;
        worker.terminate();
      }
      onMessage(ev.data);
    };
    worker.onerror = (e) => {
      if (done) return;
      done = true;
      worker.terminate();
      onMessage({ type: 'error', id: req.id, message: m('engine.siting.failed', { error: e.message }) });
    };
    worker.postMessage(req);
    return () => {
      done = true;
      worker.terminate();
    };
  };
}
