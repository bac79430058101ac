/**
 * The import worker's own module (src/data/import/import-worker.ts) under a stub
 * `self`, as a browser runs it: no DOMParser, no DOM. KML and KMZ are read there,
 * and the size caps answer through the same protocol.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from '../../../src/i18n';
import type { WorkerRequest, WorkerResponse } from '../../../src/data/import/import-protocol';
import { MAX_FILE_BYTES, MAX_ROWS } from '../../../src/data/import/limits';
import { unpackRows } from '../../../src/data/import/packed-rows';
import { deflated, zipRaw } from './bomb-files';

const posted: WorkerResponse[] = [];
const scope: { postMessage(m: WorkerResponse): void; onmessage: ((e: { data: WorkerRequest }) => void | Promise<void>) | null } = {
  postMessage: (m) => posted.push(m),
  onmessage: null,
};

/** Send one request and wait for its final answer (not a progress message). */
async function ask(req: WorkerRequest): Promise<WorkerResponse> {
  scope.onmessage?.({ data: req });
  for (let i = 0; i < 2000; i++) {
    const hit = posted.find((m) => m.id === req.id && m.type !== 'progress');
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no answer to request ${req.id}`);
}

function placemarks(n: number): string {
  const marks = Array.from({ length: n }, (_, i) => `<Placemark><name>幼儿园${i}</name><ExtendedData><Data name="编号"><value>K${i}</value></Data><Data name="办园性质"><value>公办</value></Data><Data name="班级数"><value>6</value></Data><Data name="学位数"><value>${180 + (i % 7) * 30}</value></Data></ExtendedData><Point><coordinates>${(109.8 + (i % 100) * 0.001).toFixed(4)},${(40.6 + Math.floor(i / 100) * 0.001).toFixed(4)}</coordinates></Point></Placemark>`);
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${marks.join('')}</Document></kml>`;
}

describe('import worker (KML off the main thread, caps)', () => {
  beforeAll(async () => {
    vi.stubGlobal('self', scope);
    await import('../../../src/data/import/import-worker');
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('has no DOMParser to lean on', () => {
    expect((globalThis as { DOMParser?: unknown }).DOMParser).toBeUndefined();
    expect(scope.onmessage).toBeTypeOf('function');
  });

  it('reads and imports a KML in the worker', async () => {
    const file = { name: '幼儿园.kml', bytes: new TextEncoder().encode(placemarks(3)) };
    const res = await ask({ id: 1, layer: 'kindergartens', file, options: { crs: 'wgs84' } });
    if (res.type !== 'result' || !res.packed) throw new Error(JSON.stringify(res).slice(0, 300));
    expect(res.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const rows = unpackRows<'kindergartens'>(res.packed);
    expect(rows.map((r) => r.id)).toEqual(['K0', 'K1', 'K2']);
    expect(rows[0]).toMatchObject({ name: '幼儿园0', places: 180, lon: 109.8, lat: 40.6 });
  });

  it('reads a KMZ of 5,000 placemarks in the worker', async () => {
    const bytes = zipRaw([deflated('doc.kml', placemarks(5_000))]);
    const res = await ask({ type: 'read', id: 2, file: { name: '全区.kmz', blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) } });
    expect(res.type === 'parsed' && res.summary.sheets[0].rowCount).toBe(5_000);
  });

  it('a broken KML is refused in Chinese, naming the file', async () => {
    const res = await ask({ type: 'read', id: 3, file: { name: '坏.kml', bytes: new TextEncoder().encode(placemarks(2).slice(0, 300)) } });
    expect(res.type === 'parsed' && res.summary.fatal).toBe(true);
    expect(res.type === 'parsed' && render('zh', res.summary.issues[0].message)).toContain('文件“坏.kml”不是有效的 KML');
  });

  it('a file over the size cap is refused before its bytes are read', async () => {
    const blob = { size: MAX_FILE_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    const res = await ask({ type: 'read', id: 4, file: { name: '巨大.csv', blob } });
    expect(res.type === 'parsed' && res.summary.fatal).toBe(true);
    expect(res.type === 'parsed' && render('zh', res.summary.issues[0].message)).toMatch(/^文件“巨大\.csv”有 400\.0 MB，超过导入上限 400\.0 MB/);
  });

  it(`a CSV of more than ${MAX_ROWS.toLocaleString('en-US')} rows is refused`, async () => {
    const bytes = new TextEncoder().encode(`人数\n${'1\n'.repeat(MAX_ROWS + 20_000)}`);
    const res = await ask({ type: 'read', id: 5, file: { name: '人口.csv', bytes } });
    expect(res.type === 'parsed' && render('zh', res.summary.issues[0].message)).toContain('文件“人口.csv”有 2,010,000 多行，超过导入上限 2,000,000');
  });

  it('a GeoJSON of more than the cap in features is refused', async () => {
    const text = `{"type":"FeatureCollection","features":[${'0,'.repeat(MAX_ROWS)}0]}`;
    const res = await ask({ type: 'read', id: 6, file: { name: '要素.geojson', bytes: new TextEncoder().encode(text) } });
    expect(res.type === 'parsed' && render('zh', res.summary.issues[0].message)).toContain('文件“要素.geojson”有 2,000,001 个要素，超过导入上限 2,000,000');
  });

  it('a KML of more placemarks than the cap is refused before a DOM is built', async () => {
    const text = `<kml><Document>${'<Placemark/>'.repeat(MAX_ROWS + 1)}</Document></kml>`;
    const res = await ask({ type: 'read', id: 7, file: { name: '地标.kml', bytes: new TextEncoder().encode(text) } });
    expect(res.type === 'parsed' && render('zh', res.summary.issues[0].message)).toContain('文件“地标.kml”有 2,000,000 多个地标（Placemark），超过导入上限');
  });

  it('GeoJSON nested 500,000 deep is refused in Chinese, not with an engine message', async () => {
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":${'['.repeat(500_000)}${']'.repeat(500_000)}},"geometry":null}]}`;
    const res = await ask({ type: 'read', id: 8, file: { name: '嵌套.geojson', bytes: new TextEncoder().encode(text) } });
    expect(res.type === 'parsed' && res.summary.fatal).toBe(true);
    expect(res.type === 'parsed' && render('zh', res.summary.issues[0].message)).toBe('文件“嵌套.geojson”的嵌套层级过深，无法读取（可能是损坏或恶意构造的文件）');
  });
});

