/**
 * Talking to the import worker from the UI: one request at a time, progress
 * callbacks, hard cancel (the worker is terminated and recreated). Every format,
 * KML/KMZ included (xmldom, not the page's DOMParser), is parsed in the worker;
 * the page thread runs the same code only where a Worker cannot be made.
 */
import type { LayerId } from '../../data/schema';
import type { ParsedSummary, WorkerBuildOptions, WorkerRequest, WorkerResponse } from '../../data/import/import-protocol';
import type { ImportResult } from '../../data/import/build-import';
import { unpackRowsChunked } from '../../data/import/packed-rows';
import type { SourceFile } from '../../data/import/types';
import { m as message, type Lang, type Message } from '../../i18n';

export type Progress = (fraction: number, stage: Message) => void;

export type ClientOutcome =
  | { type: 'parsed'; summary: ParsedSummary }
  | { type: 'result'; summary: ParsedSummary; result: ImportResult; rejectedCsv?: Uint8Array }
  | { type: 'error'; message: Message }
  | { type: 'cancelled' };

interface Endpoint {
  send(req: WorkerRequest): void;
  onMessage: ((m: WorkerResponse) => void) | null;
  terminate(): void;
}

function workerEndpoint(): Endpoint {
  const w = new Worker(new URL('../../data/import/import-worker.ts', import.meta.url), { type: 'module' });
  const ep: Endpoint = {
    send: (req) => w.postMessage(req),
    onMessage: null,
    terminate: () => w.terminate(),
  };
  w.onmessage = (e: MessageEvent<WorkerResponse>) => ep.onMessage?.(e.data);
  w.onerror = (e) => ep.onMessage?.({ type: 'error', id: -1, message: e.message ? message('import.error.worker', { error: e.message }) : message('import.error.workerUnknown') });
  return ep;
}

/** The same runner on the main thread, loaded on demand (keeps the readers out of the main bundle); only a fallback. */
function inThreadEndpoint(): Endpoint {
  const ep: Endpoint = { send: () => {}, onMessage: null, terminate: () => {} };
  const runner = import('../../data/import/import-runner').then(({ ImportRunner }) => new ImportRunner((m) => setTimeout(() => ep.onMessage?.(m), 0)));
  ep.send = (req) => {
    void runner.then((r) => r.handle(req)).catch((e: unknown) => ep.onMessage?.({ type: 'error', id: req.id, message: message('import.error.load', { error: String(e) }) }));
  };
  return ep;
}

/** One import job at a time against the import worker; see ImportDialog. */
export class ImportClient {
  private ep: Endpoint | null = null;
  private nextId = 1;
  private pending: { id: number; resolve: (o: ClientOutcome) => void; progress?: Progress } | null = null;
  private hasFile = false;
  private file: SourceFile | null = null;

  /** true once the worker could not be made and the page thread runs the imports */
  private mainThread = false;

  private endpoint(): Endpoint {
    if (this.ep) return this.ep;
    let ep: Endpoint;
    try {
      ep = workerEndpoint();
    } catch {
      this.mainThread = true;
      ep = inThreadEndpoint();
    }
    ep.onMessage = (m) => this.receive(m);
    this.ep = ep;
    return ep;
  }

  private receive(m: WorkerResponse): void {
    const p = this.pending;
    if (!p || (m.id !== p.id && m.id !== -1)) return;
    if (m.type === 'progress') {
      p.progress?.(m.fraction, m.stage);
      return;
    }
    if (m.type === 'result' && m.packed) {
      // a million rows: made in chunks so the page keeps drawing; a cancel meanwhile wins
      p.progress?.(1, message('import.stage.finish'));
      void unpackRowsChunked(m.packed).then((rows) => {
        if (this.pending !== p) return;
        this.pending = null;
        p.resolve({ type: 'result', summary: m.summary, result: { ...m.result, rows }, rejectedCsv: m.rejectedCsv });
      });
      return;
    }
    this.pending = null;
    if (m.type === 'parsed') p.resolve({ type: 'parsed', summary: m.summary });
    else if (m.type === 'result') p.resolve({ type: 'result', summary: m.summary, result: m.result, rejectedCsv: m.rejectedCsv });
    else if (m.type === 'error') p.resolve({ type: 'error', message: m.message });
    else p.resolve({ type: 'cancelled' });
  }

  private run(make: (id: number) => WorkerRequest, progress?: Progress): Promise<ClientOutcome> {
    this.cancel();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending = { id, resolve, progress };
      this.endpoint().send(make(id));
    });
  }

  /** Read a file (kept by the worker for later builds). */
  read(file: SourceFile, progress?: Progress): Promise<ClientOutcome> {
    this.file = file;
    this.hasFile = true;
    return this.run((id) => ({ type: 'read', id, file }), progress);
  }

  /** Build the import of the last read file. */
  build(layer: LayerId, options: WorkerBuildOptions, lang: Lang, progress?: Progress): Promise<ClientOutcome> {
    const file = this.hasFile ? undefined : (this.file ?? undefined);
    this.hasFile = true;
    return this.run((id) => ({ type: 'import', id, layer, file, options, lang }), progress);
  }

  /** Stop the running job at once (the worker is replaced; the file is sent again on the next build). */
  cancel(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (this.mainThread) this.ep?.send({ type: 'cancel', id: p.id });
    else {
      this.ep?.terminate();
      this.ep = null;
      this.hasFile = false;
    }
    p.resolve({ type: 'cancelled' });
  }

  /** Cancel and release the worker. */
  dispose(): void {
    this.cancel();
    this.ep?.terminate();
    this.ep = null;
  }
}
