import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import type { WorkerResponse } from '../../../src/data/import/import-protocol';
import { ImportRunner } from '../../../src/data/import/import-runner';
import { LayerColumns } from '../../../src/data/import/layer-columns';
import { packRows, unpackRows } from '../../../src/data/import/packed-rows';
import type { LayerId } from '../../../src/data/schema';
import { SAMPLE } from '../export/sample-rows';
import { mappingMemoryKey, recallMapping, rememberMapping } from '../../../src/data/import/mapping-memory';
import { csvText, kgTable, utf8 } from './corpus-base';

const file = { name: 'kg.csv', bytes: utf8(csvText(kgTable())) };

describe('import runner (the worker protocol)', () => {
  it('reads, then builds from the cached file with progress messages', async () => {
    const got: WorkerResponse[] = [];
    const r = new ImportRunner((m) => got.push(m));
    await r.handle({ type: 'read', id: 1, file });
    const parsed = got.find((m) => m.type === 'parsed');
    expect(parsed && parsed.type === 'parsed' && parsed.summary.sheets[0].rowCount).toBe(8);
    await r.handle({ id: 2, layer: 'kindergartens', options: { crs: 'wgs84' } });
    const res = got.find((m) => m.type === 'result');
    if (!res || res.type !== 'result' || !res.packed) throw new Error('no packed result');
    expect(res.result.rows.length).toBe(0);
    expect(unpackRows<'kindergartens'>(res.packed).map((r) => r.id)).toEqual(['K01', 'K02', 'K03', 'K04', 'K05', 'K06', 'K07', 'K08']);
    expect(got.some((m) => m.type === 'progress' && m.id === 2 && render('zh', m.stage).length > 0)).toBe(true);
    const last = got.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.fraction : 0));
    expect(Math.max(...last)).toBeLessThanOrEqual(1);
  });

  it('reads a browser File (a Blob) in the worker, as the dialog sends it', async () => {
    const got: WorkerResponse[] = [];
    await new ImportRunner((m) => got.push(m)).handle({ type: 'read', id: 1, file: { name: file.name, blob: new Blob([file.bytes as Uint8Array<ArrayBuffer>]) } });
    const parsed = got.find((m) => m.type === 'parsed');
    expect(parsed && parsed.type === 'parsed' && parsed.summary.sheets[0].rowCount).toBe(8);
  });

  it('one-shot request {id, layer, file, options} (no type) works', async () => {
    const got: WorkerResponse[] = [];
    await new ImportRunner((m) => got.push(m)).handle({ id: 7, layer: 'kindergartens', file, options: {} });
    expect(got.at(-1)).toMatchObject({ type: 'result', id: 7 });
  });

  it('answers a cancel with "cancelled" and no result', async () => {
    const got: WorkerResponse[] = [];
    const r = new ImportRunner((m) => got.push(m));
    const p = r.handle({ id: 3, layer: 'kindergartens', file });
    await r.handle({ type: 'cancel', id: 3 });
    await p;
    expect(got.at(-1)).toEqual({ type: 'cancelled', id: 3 });
    expect(got.some((m) => m.type === 'result')).toBe(false);
  });

  it('reports a missing file in Chinese', async () => {
    const got: WorkerResponse[] = [];
    await new ImportRunner((m) => got.push(m)).handle({ id: 4, layer: 'kindergartens' });
    expect(got.at(-1)).toMatchObject({ type: 'error', message: { key: 'import.error.noFile' } });
  });
});

describe('mapping memory', () => {
  it('remembers choices per layer and header set', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    const headers = ['名称', '经度', '纬度', '性质'];
    expect(recallMapping(store, 'kindergartens', headers)).toBeNull();
    rememberMapping(store, 'kindergartens', headers, { name: 0, lon: 1, lat: 2, type: 3 }, { classes: 6 });
    expect(recallMapping(store, 'kindergartens', headers)).toEqual({ mapping: { name: 0, lon: 1, lat: 2, type: 3 }, defaults: { classes: 6 } });
    expect(recallMapping(store, 'plan_projects', headers)).toBeNull();
    expect(mappingMemoryKey('kindergartens', headers)).not.toBe(mappingMemoryKey('kindergartens', [...headers, 'x']));
    m.set(mappingMemoryKey('kindergartens', headers), '{broken');
    expect(recallMapping(store, 'kindergartens', headers)).toBeNull();
  });
});

describe('packed rows (worker → page transfer)', () => {
  it('round-trips every layer exactly, nulls and booleans included', () => {
    for (const layer of Object.keys(SAMPLE) as LayerId[]) {
      expect(unpackRows(packRows(layer, SAMPLE[layer]))).toEqual(SAMPLE[layer]);
    }
  });
  it('unpacks in chunks (with pauses) to the same rows, chunk edges included', async () => {
    let pauses = 0;
    for (const layer of Object.keys(SAMPLE) as LayerId[]) {
      const cols = LayerColumns.fromPacked(packRows(layer, SAMPLE[layer]));
      expect(await cols.toRowsChunked(2, async () => void pauses++)).toEqual(SAMPLE[layer]);
    }
    expect(pauses).toBeGreaterThan(0);
  });
});

describe('large rejected lists', () => {
  it('are sent as a ready CSV with the list cut to 1,000', async () => {
    const lines = ['编号,幼儿园名称,办园性质,经度,纬度,班级数,学位数'];
    for (let i = 0; i < 1500; i++) lines.push(`K${i},园${i},公办,abc,40.65,6,180`);
    const got: WorkerResponse[] = [];
    await new ImportRunner((m) => got.push(m)).handle({ id: 1, layer: 'kindergartens', file: { name: 'bad.csv', bytes: utf8(lines.join('\n')) } });
    const res = got.at(-1);
    if (!res || res.type !== 'result') throw new Error('no result');
    expect(res.result.rejectedCount).toBe(1500);
    expect(res.result.rejected.length).toBe(1000);
    expect(new TextDecoder().decode(res.rejectedCsv).split('\r\n').length).toBe(1502);
  });
});
