/** Export slice: a job's bytes, a cancel that stops it, a failure told in Chinese. */
import { describe, expect, it } from 'vitest';
import { exportLayerCsv } from '../../src/data/export/csv';
import type { ExportRunner } from '../../src/state/export-slice';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';
import { SAMPLE } from '../data/export/sample-rows';
import { render, type Message } from '../../src/i18n';

/** The notice as the user reads it (Chinese). */
const shown = (x: Message | null): string => (x ? render('zh', x) : '');

const label = { zh: '导出', en: 'Export' };

describe('export slice', () => {
  it('runs a layer export from the store rows and is idle afterwards', async () => {
    const s = createAppStore();
    await s.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: SAMPLE.kindergartens }, district: null, meta: null });
    const bytes = await s.getState().runExport(s.getState().layerExportJob('kindergartens', 'csv'), label);
    expect(bytes).toEqual(exportLayerCsv('kindergartens', SAMPLE.kindergartens));
    expect(s.getState().exporting).toBeNull();
  });

  it('cancel: the running job is stopped, nothing is returned, the status clears', async () => {
    const s = createAppStore();
    let cancelled = false;
    const never: ExportRunner = () => {
      let reject: (e: Error) => void = () => {};
      const promise = new Promise<string>((_r, rej) => (reject = rej));
      return { promise, cancel: () => { cancelled = true; const e = new Error('x'); e.name = 'AbortError'; reject(e); } };
    };
    s.getState().setExportRunner(never);
    const run = s.getState().runExport(s.getState().projectExportJob(), label);
    expect(s.getState().exporting).toEqual({ labelZh: '导出', labelEn: 'Export' });
    s.getState().cancelExport();
    expect(await run).toBeNull();
    expect(cancelled).toBe(true);
    expect(s.getState().exporting).toBeNull();
    expect(s.getState().projectMessage).toBeNull();
  });

  it('a failed export says why', async () => {
    const s = createAppStore();
    s.getState().setExportRunner(() => ({ promise: Promise.reject(new Error('磁盘已满')), cancel: () => {} }));
    expect(await s.getState().runExport(s.getState().projectExportJob(), label)).toBeNull();
    expect(shown(s.getState().projectMessage)).toBe('导出失败：磁盘已满');
  });
});
