/**
 * The import job behind the worker protocol, run in the import worker (and, where
 * no Worker can be made, on the page thread) and in tests.
 */
import { buildImportPacked } from './build-import';
import type { WorkerRequest, WorkerResponse } from './import-protocol';
import { summarize } from './import-protocol';
import { packedTransfer } from './packed-rows';
import { exportRejectedCsv } from './rejected-csv';
import { m } from '../../i18n';
import { fileTooLarge } from './limit-messages';
import { MAX_FILE_BYTES } from './limits';
import { readTabular, type ReadOptions } from './read-file';
import { fatalFile, inputFileOf, type ParsedFile, type SourceFile } from './types';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const MAX_REJECTED_SENT = 1000;

/** Handles WorkerRequests: caches the last read file, posts progress, parsed summaries, results or errors. */
export class ImportRunner {
  private parsed: ParsedFile | null = null;
  private readonly cancelled = new Set<number>();

  constructor(
    private readonly post: (m: WorkerResponse, transfer?: Transferable[]) => void,
    private readonly readOptions: ReadOptions = {},
  ) {}

  /** Read a file, refusing one over MAX_FILE_BYTES before its bytes are loaded. */
  private async read(file: SourceFile): Promise<ParsedFile> {
    const size = 'blob' in file ? file.blob.size : file.bytes.length;
    if (size > MAX_FILE_BYTES) return fatalFile(file.name, 'unknown', fileTooLarge(file.name, size));
    return readTabular(await inputFileOf(file), this.readOptions);
  }

  /** Handle one request; every outcome is posted, nothing is thrown. */
  async handle(req: WorkerRequest): Promise<void> {
    if (req.type === 'cancel') {
      this.cancelled.add(req.id);
      return;
    }
    const id = req.id;
    const stop = (): boolean => {
      if (!this.cancelled.has(id)) return false;
      this.cancelled.delete(id);
      this.post({ type: 'cancelled', id });
      return true;
    };
    try {
      if (req.file) {
        this.post({ type: 'progress', id, fraction: 0.02, stage: m('import.stage.read') });
        await tick();
        if (stop()) return;
        this.parsed = await this.read(req.file);
        if (req.type === 'read') {
          if (stop()) return;
          this.post({ type: 'parsed', id, summary: summarize(this.parsed) });
          return;
        }
      }
      if (req.type === 'read') return;
      const parsed = this.parsed;
      if (!parsed) {
        this.post({ type: 'error', id, message: m('import.error.noFile') });
        return;
      }
      await tick();
      if (stop()) return;
      // rows come back as columns, packed for the transfer (never a million objects in the worker)
      const { result, packed } = buildImportPacked(req.layer, parsed, {
        ...req.options,
        onProgress: (fraction, stage) => this.post({ type: 'progress', id, fraction: 0.1 + fraction * 0.9, stage }),
      });
      await tick();
      if (stop()) return;
      // rows travel as columns (fast to clone, buffers transferred); long rejected lists as a ready CSV
      const rejectedCsv = result.rejected.length > MAX_REJECTED_SENT ? exportRejectedCsv(result, req.lang) : undefined;
      const slim = { ...result, rows: [] as unknown as typeof result.rows, rejected: result.rejected.slice(0, MAX_REJECTED_SENT) };
      const transfer: Transferable[] = packedTransfer(packed);
      if (rejectedCsv) transfer.push(rejectedCsv.buffer as ArrayBuffer);
      this.post({ type: 'result', id, summary: summarize(parsed), result: slim, packed, rejectedCsv }, transfer);
    } catch (e) {
      this.post({ type: 'error', id, message: m('import.error.failed', { error: String((e as Error)?.message ?? e).slice(0, 200) }) });
    }
  }
}
