/**
 * Crafted files never hang or crash the importer: zip bombs are refused from the
 * central directory before inflating, an XLSX declaring A1:XFD1048576 is read by its
 * real cells, and a prototype-polluting workbook leaves Object.prototype alone.
 * Bombs are made at test time and kept small.
 */
import * as XLSX from '@e965/xlsx';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, zipStore } from '../../../src/data/export/zip';
import { readShapefileZip } from '../../../src/data/import/read-shapefile';
import { readXlsx } from '../../../src/data/import/read-xlsx';
import { checkZip, ZIP_LIMITS } from '../../../src/data/import/zip-check';

/** A one-entry ZIP whose entry is deflated (real compressed data). */
function deflatedZip(name: string, plain: Uint8Array): Uint8Array {
  const data = deflateRawSync(plain);
  const enc = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + enc.length + data.length);
  const dv = new DataView(local.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(4, 20, true);
  dv.setUint16(8, 8, true);
  dv.setUint32(14, crc32(plain), true);
  dv.setUint32(18, data.length, true);
  dv.setUint32(22, plain.length, true);
  dv.setUint16(26, enc.length, true);
  local.set(enc, 30);
  local.set(data, 30 + enc.length);
  const cen = new Uint8Array(46 + enc.length);
  const cv = new DataView(cen.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc32(plain), true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, plain.length, true);
  cv.setUint16(28, enc.length, true);
  cen.set(enc, 46);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, cen.length, true);
  ev.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + cen.length + eocd.length);
  out.set(local, 0);
  out.set(cen, local.length);
  out.set(eocd, local.length + cen.length);
  return out;
}

describe('decompression bombs', () => {
  it('refuses a highly compressible entry before inflating it (64 MB of zeros in ≈ 60 KB)', async () => {
    const bomb = deflatedZip('roads.shp', new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200_000);
    const t0 = performance.now();
    const reason = await checkZip(bomb);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(reason).toMatch(/^limit:.*压缩比/);
    const parsed = await readShapefileZip({ name: 'bomb.zip', bytes: bomb });
    expect(parsed.fatal).toBe(true);
    expect(parsed.issues[0].message).toMatch(/bomb\.zip.*解压后过大.*压缩炸弹/);
  });

  it('refuses a directory declaring more than the total cap, without reading the data', async () => {
    const z = zipStore([{ name: 'a.csv', bytes: new TextEncoder().encode('id\n1\n') }]);
    // patch the central directory's uncompressed size to 4 GB − 1 (the data stays 5 bytes)
    const dv = new DataView(z.buffer, z.byteOffset, z.length);
    let cen = -1;
    for (let p = 0; p + 4 <= z.length; p++) if (dv.getUint32(p, true) === 0x02014b50) cen = p;
    dv.setUint32(cen + 24, 0xfffffff0, true);
    dv.setUint32(cen + 20, 0xfffffff0 / 2, true);
    expect(await checkZip(z)).toMatch(/^limit:.*上限/);
    expect(ZIP_LIMITS.maxTotalBytes).toBeLessThan(0xfffffff0);
  });

  it('still accepts an ordinary archive', async () => {
    const z = deflatedZip('a.csv', new TextEncoder().encode('编号,名称\nK1,甲园\n'.repeat(1000)));
    expect(await checkZip(z)).toBeNull();
  });
});

describe('XLSX', () => {
  it('a sheet declaring A1:XFD1048576 is read by its real cells, quickly', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['编号', '名称'],
      ['K1', '甲园'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    // the declared dimension is patched into the written sheet XML (the writer would loop over it)
    const plain = XLSX.read(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), { type: 'array', bookFiles: true }) as unknown as { files: Record<string, { content: Uint8Array | string; name: string }> };
    const entries = Object.entries(plain.files)
      .filter(([, f]) => f.content !== undefined && !f.name.endsWith('/'))
      .map(([name, f]) => {
        let text = typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
        if (/worksheets\/sheet1\.xml$/.test(name)) text = text.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
        return { name: name.replace(/^\//, ''), bytes: new TextEncoder().encode(text) };
      });
    const bytes = zipStore(entries);
    expect(new TextDecoder().decode(bytes)).toContain('A1:XFD1048576');
    expect(bytes.length).toBeLessThan(20_000);
    const t0 = performance.now();
    const parsed = readXlsx({ name: 'dim.xlsx', bytes });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(parsed.sheets[0].headers).toEqual(['编号', '名称']);
    expect(parsed.sheets[0].rows).toEqual([['K1', '甲园']]);
  });

  it('a date cell round-trips as the same calendar date (Asia/Shanghai or any zone)', () => {
    const ws = XLSX.utils.aoa_to_sheet([['竣工验收日期'], [new Date(2024, 2, 1)]], { cellDates: true });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(readXlsx({ name: 'd.xlsx', bytes }).sheets[0].rows).toEqual([['2024-03-01']]);
  });

  it('a sheet with a __proto__ header does not touch Object.prototype (CVE-2023-30533 class)', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['__proto__', 'constructor'],
      ['polluted', 'x'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '__proto__');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    readXlsx({ name: 'p.xlsx', bytes });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('0');
  });

  it('uses a SheetJS build without the 0.18.5 CVEs', () => {
    const [maj, min, patch] = XLSX.version.split('.').map(Number);
    expect(maj * 10000 + min * 100 + patch).toBeGreaterThanOrEqual(2003); // ≥ 0.20.3
  });
});

describe('GeoJSON', () => {
  it('refuses more features than the cap, naming the file', async () => {
    const { readGeojson, GEOJSON_LIMITS } = await import('../../../src/data/import/read-geojson');
    const n = GEOJSON_LIMITS.maxFeatures + 1;
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: n }, () => '{}').join(',')}]}`;
    const parsed = readGeojson({ name: 'many.geojson', bytes: new TextEncoder().encode(text) });
    expect(parsed.fatal).toBe(true);
    expect(parsed.issues[0].message).toMatch(/many\.geojson.*超过上限/);
  });
});
