/**
 * Hostile files (the import caps of src/data/import/limits.ts), timed here instead
 * of in the unit tests, which check only what happens: the same crafted files as
 * test/data/import/zip-check.test.ts and read-xlsx.test.ts, built at run time.
 *   - a 400 KB ZIP / KMZ / XLSX expanding to 400 MB of zeros: refused from the central
 *     directory; naive baseline in the same run: inflating the entry to see its size
 *     (what an unchecked reader does first), one run;
 *   - an entry declaring 1 KB that inflates to 400 MB: stopped past its declared size;
 *   - a 2 KB XLSX declaring A1:XFD1048576 over two rows: read;
 *   - an ODS repeating one cell over 1,048,575 × 16,384: refused.
 * Median of `runs` after one warm-up. Run alone: npx tsx bench/hostile-bench.ts [--runs N] [--md <file>]
 */
import { appendFileSync } from 'node:fs';
import { readTabular } from '../src/data/import/read-file';
import { deflated, minimalOds, minimalXlsx, odsRow, sheetXml, zeroDeflate, zipRaw, type RawEntry } from '../test/data/import/bomb-files';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);

async function timed(runs: number, f: () => Promise<{ fatal: boolean }>, wantFatal: boolean): Promise<number[]> {
  const ms: number[] = [];
  for (let k = 0; k <= runs; k++) {
    const t = performance.now();
    const res = await f();
    const dt = performance.now() - t;
    if (res.fatal !== wantFatal) throw new Error(`expected fatal=${wantFatal}`);
    if (k > 0) ms.push(dt); // the first run warms up
  }
  return ms;
}

/** Inflate all of `data` (raw deflate) and count the bytes: the naive way to learn an entry's size. */
async function inflateAll(data: Uint8Array): Promise<number> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n;
    n += value.length;
  }
}

export async function runHostileBench(opts: { runs?: number; md?: string | null; log?: (line: string) => void } = {}): Promise<string[]> {
  const runs = opts.runs ?? 5;
  const log = opts.log ?? ((l: string) => console.log(l));
  const md: string[] = [];
  const row = (what: string, ms: number[], note: string) => md.push(`| hostile files | ${what} | ${fmt(median(ms))} | ${ms.map((x) => x.toFixed(2)).join(', ')} | ${note} |`);
  const bomb = zeroDeflate(400);

  const t0 = performance.now();
  const inflated = await inflateAll(bomb.data);
  const naiveMs = performance.now() - t0;
  log(`朴素做法：先解压 400 MB 炸弹再看大小 ${fmt(naiveMs)}（${(inflated / 2 ** 20).toFixed(0)} MB）`);

  for (const [name, inner] of [
    ['学校.zip', 'schools.shp'],
    ['幼儿园.kmz', 'doc.kml'],
    ['人口.xlsx', 'xl/worksheets/sheet1.xml'],
  ] as const) {
    const bytes = zipRaw([deflated('[Content_Types].xml', '<Types/>'), { name: inner, method: 8, ...bomb }]);
    const ms = await timed(runs, () => readTabular({ name, bytes }), true);
    const ratio = naiveMs / median(ms);
    log(`${name}（${Math.round(bytes.length / 1024)} KB → 400 MB）：拒绝用时 ${fmt(median(ms))}；朴素解压 ${fmt(naiveMs)}，${Math.round(ratio).toLocaleString()}×`);
    row(`${name}: ${Math.round(bytes.length / 1024)} KB expanding to 400 MB, refused`, ms, `naive full inflate ${fmt(naiveMs)} (${Math.round(ratio).toLocaleString()}×)`);
  }
  const liar: RawEntry = { name: 'a.shp', method: 8, data: bomb.data, crc: 0, usize: 1024 };
  const liarZip = zipRaw([liar]);
  const liarMs = await timed(runs, () => readTabular({ name: 'liar.zip', bytes: liarZip }), true);
  log(`声明 1 KB、实际 400 MB 的条目：${fmt(median(liarMs))} 后停止`);
  row('entry declaring 1 KB, inflating to 400 MB: stopped past its size', liarMs, `naive full inflate ${fmt(naiveMs)}`);

  const dim = minimalXlsx(sheetXml([['编号', '名称'], ['K01', '甲幼儿园']], 'A1:XFD1048576'));
  const dimMs = await timed(runs, () => readTabular({ name: '维度.xlsx', bytes: dim }), false);
  log(`${dim.length} B 的 XLSX 声明 A1:XFD1048576：读取 ${fmt(median(dimMs))}`);
  row(`${(dim.length / 1024).toFixed(1)} KB XLSX declaring A1:XFD1048576 over 2 rows, read`, dimMs, 'it hung the tab before the clip');

  const ods = minimalOds(odsRow(['编号']) + odsRow(['x'], 1_048_575, 16_384));
  const odsMs = await timed(runs, () => readTabular({ name: '重复.ods', bytes: ods }), true);
  log(`${ods.length} B 的 ODS 重复 170 亿个单元格：拒绝用时 ${fmt(median(odsMs))}`);
  row(`${(ods.length / 1024).toFixed(1)} KB ODS repeating 17 billion cells, refused`, odsMs, 'counted before SheetJS builds it');

  log(md.join('\n'));
  if (opts.md) appendFileSync(opts.md, `\n${md.join('\n')}\n`);
  return md;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const runsArg = argv.indexOf('--runs');
  const mdArg = argv.indexOf('--md');
  runHostileBench({ runs: runsArg >= 0 ? Number(argv[runsArg + 1]) : 5, md: mdArg >= 0 ? argv[mdArg + 1] : null }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
