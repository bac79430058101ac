/**
 * Export slice: layer and project exports run as jobs (in a worker in the app),
 * with a status line and a cancel; the page keeps working meanwhile.
 */
import type { StateCreator } from 'zustand/vanilla';
import { runExportJob, type ExportFormat, type ExportJob } from '../data/export/export-job';
import { packedOf } from '../data/import/packed-rows';
import { storedRecord } from '../data/project/project-store';
import type { LayerId } from '../data/schema';
import type { AppState } from './store';
import { m } from '../i18n';
import { messageOfError } from '../i18n/message-error';

/** The file an export gives: bytes or text, or a Blob made by a worker. */
export type ExportOutput = Uint8Array | string | Blob;

/** Runs one job; `cancel` stops it (the promise then rejects with an AbortError). */
export type ExportRunner = (job: ExportJob) => { promise: Promise<ExportOutput>; cancel(): void };

/** The same work on this thread (tests, and the fallback without workers). */
export const inlineExportRunner: ExportRunner = (job) => ({ promise: runExportJob(job), cancel: () => {} });

export interface ExportSlice {
  /** what is being exported (shown with a cancel button), null when idle */
  exporting: { labelZh: string; labelEn: string } | null;
  exportRunner: ExportRunner;
  setExportRunner(r: ExportRunner): void;
  /** The job exporting a layer in a format, from the store's rows. */
  layerExportJob(layer: LayerId, format: ExportFormat): ExportJob;
  /** The job writing the project file. */
  projectExportJob(): ExportJob;
  /** Run a job: its bytes, or null when cancelled or failed (the message says why). */
  runExport(job: ExportJob, label: { zh: string; en: string }): Promise<ExportOutput | null>;
  cancelExport(): void;
}

let current: { cancel(): void } | null = null;

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set, get) => ({
  exporting: null,
  exportRunner: inlineExportRunner,
  setExportRunner: (exportRunner) => set({ exportRunner }),
  layerExportJob: (layer, format) => ({ kind: 'layer', format, layer, packed: packedOf(layer, get().layers[layer]) }),
  projectExportJob() {
    // the same packed layers and settings the autosave stores
    const rec = storedRecord(get().toProject());
    return { kind: 'project', packed: rec.packed ?? {}, settingsJson: rec.settingsJson ?? '{}', name: rec.name, savedAt: rec.savedAt };
  },
  async runExport(job, label) {
    get().cancelExport();
    const run = get().exportRunner(job);
    current = run;
    set({ exporting: { labelZh: label.zh, labelEn: label.en } });
    try {
      return await run.promise;
    } catch (e) {
      if ((e as Error).name !== 'AbortError') set({ projectMessage: m('state.export.failed', { error: messageOfError(e) }) });
      return null;
    } finally {
      if (current === run) {
        current = null;
        set({ exporting: null });
      }
    }
  },
  cancelExport() {
    const run = current;
    if (!run) return;
    current = null;
    run.cancel();
    set({ exporting: null });
  },
});
