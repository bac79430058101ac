/**
 * ZIP bombs against every ZIP path (zipped shapefile, KMZ, XLSX), built at test
 * time from crafted headers or a repeated flushed deflate block: each is refused
 * from the central directory (before anything is inflated), with a Chinese message
 * naming the file. How fast: bench/hostile-bench.ts (npm run bench), not timed here.
 */
import { describe, expect, it } from 'vitest';
import { render, type Message } from '../../../src/i18n';
import { readTabular } from '../../../src/data/import/read-file';
import { MAX_ZIP_ENTRIES } from '../../../src/data/import/limits';
import { scanZip, zipLimitProblem } from '../../../src/data/import/zip-check';
import { deflated, zeroDeflate, zipRaw, type RawEntry } from './bomb-files';

const bomb400 = zeroDeflate(400); // 400 MiB of zeros in about 400 KB

function messages(p: { issues: { message: Message }[] }): string {
  return p.issues.map((i) => render('zh', i.message)).join('\n');
}

describe('ZIP bombs are refused before inflating', () => {
  it('the honest bomb is what the issue describes: ~400 KB expanding to 400 MB', () => {
    const zip = zipRaw([{ name: 'pop.shp', method: 8, ...bomb400 }]);
    expect(zip.length).toBeLessThan(500_000);
    const scan = scanZip(zip);
    expect('entries' in scan && scan.total).toBe(400 * 2 ** 20);
  });

  for (const [name, inner, label] of [
    ['学校.zip', 'schools.shp', 'ZIP 文件'],
    ['幼儿园.kmz', 'doc.kml', 'KMZ 文件'],
    ['人口.xlsx', 'xl/worksheets/sheet1.xml', '文件'],
  ] as const) {
    it(`${name}: 400 MB of zeros in ${Math.round(bomb400.data.length / 1024)} KB is refused as a bomb`, async () => {
      const bytes = zipRaw([deflated('[Content_Types].xml', '<Types/>'), { name: inner, method: 8, ...bomb400 }]);
      const value = await readTabular({ name, bytes });
      expect(value.fatal).toBe(true);
      expect(messages(value)).toContain(`${label}“${name}”`);
      expect(messages(value)).toContain('压缩炸弹');
    });
  }

  it('an entry that declares 1 KB but inflates to 400 MB stops at its declared size', async () => {
    const liar: RawEntry = { name: 'a.shp', method: 8, data: bomb400.data, crc: 0, usize: 1024 };
    const value = await readTabular({ name: 'liar.zip', bytes: zipRaw([liar]) });
    expect(value.fatal).toBe(true);
    expect(messages(value)).toContain('ZIP 文件“liar.zip”已损坏或被截断');
  });

  it('a central directory declaring 4 GB over 2 entries of a few bytes is refused without inflating', async () => {
    const tiny = deflated('a.dbf', 'x');
    const bytes = zipRaw([
      { ...tiny, name: 'a.shp', usize: 0xfffffff0 },
      { ...tiny, name: 'a.dbf', usize: 0xfffffff0 },
    ]);
    const value = await readTabular({ name: '声明.zip', bytes });
    expect(value.fatal).toBe(true);
    expect(messages(value)).toMatch(/ZIP 文件“声明\.zip”解压后共 8\.0 GB，超过上限/);
  });

  it(`more than ${MAX_ZIP_ENTRIES.toLocaleString()} entries are refused`, async () => {
    const one = deflated('x.csv', 'a');
    const bytes = zipRaw(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ ...one, name: `f${i}.csv` })));
    const value = await readTabular({ name: 'many.zip', bytes });
    expect(value.fatal).toBe(true);
    expect(messages(value)).toContain(`ZIP 文件“many.zip”包含 ${(MAX_ZIP_ENTRIES + 1).toLocaleString('en-US')} 个文件`);
  });

  it('a ZIP64 size in the extra field counts', () => {
    const tiny = deflated('a.shp', 'x');
    const bytes = zipRaw([{ ...tiny, usize: 0xffffffff }]);
    // give the central entry a ZIP64 extra field saying 6 GiB: rebuild by hand
    const name = new TextEncoder().encode('a.shp');
    const cen = bytes.length - 22 - (46 + name.length);
    const extra = new Uint8Array(12);
    const xv = new DataView(extra.buffer);
    xv.setUint16(0, 1, true);
    xv.setUint16(2, 8, true);
    xv.setBigUint64(4, 6n << 30n, true);
    const out = new Uint8Array(bytes.length + 12);
    out.set(bytes.subarray(0, cen + 46 + name.length));
    out.set(extra, cen + 46 + name.length);
    out.set(bytes.subarray(cen + 46 + name.length), cen + 46 + name.length + 12);
    const dv = new DataView(out.buffer);
    dv.setUint16(cen + 30, 12, true);
    dv.setUint32(out.length - 22 + 12, 46 + name.length + 12, true);
    // the local header keeps 0xFFFFFFFF (ZIP64) as well
    dv.setUint32(18, 0xffffffff, true);
    expect(render('zh', zipLimitProblem('zip', 'z64.zip', out)!)).toMatch(/ZIP 文件“z64\.zip”解压后共 6\.0 GB/);
  });

  it('a local header that disagrees with the central directory is damage, not data', async () => {
    const e = deflated('a.csv', '编号,名称\nK01,甲\n');
    const bytes = zipRaw([e]);
    new DataView(bytes.buffer).setUint32(22, 999_999_999, true); // local usize
    const res = await readTabular({ name: 'mixed.zip', bytes });
    expect(res.fatal).toBe(true);
    expect(messages(res)).toContain('ZIP 文件“mixed.zip”已损坏');
  });

  it('an ordinary zipped table still reads', async () => {
    const res = await readTabular({ name: 'ok.zip', bytes: zipRaw([deflated('kg.csv', '编号,名称\nK01,甲\n')]) });
    expect(res.fatal).toBe(false);
    expect(res.sheets[0].rows.length + (res.sheets[0].lazy?.lines.length ?? 0)).toBe(1);
  });
});
