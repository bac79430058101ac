/**
 * Import benchmark: a generated population CSV (generatePopulationCsv) through the
 * importer as the worker runs it — readTabular + buildImport — timed as the median of
 * the timed runs after one warm-up, in rows per second. The worker job as a whole
 * (ImportRunner: read + build + packing the rows for the transfer) is timed too, and the
 * build as the app runs it: with the loaded district's bounding box as the reference area
 * (data/district.geojson): 90% of this file lies outside it, the reference test is a near tie and the
 * CRS is left at WGS84 ("uncertain", the user is asked); a BD-09 guess would convert every point.
 *
 * Naive baseline, measured in the same run: papaparse with `header: true` (one object
 * per row), records built from those objects, then coerceRecords (src/data/coerce.ts) —
 * on a 200,000-row subsample, extrapolated linearly to the full row count.
 *
 * Run alone: npx tsx bench/import-bench.ts [--rows N] [--runs N] [--md <file>]
 * (npm run bench calls runImportBench at the end.)
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { coerceRecords, type RawRecord } from '../src/data/coerce';
import { guessFieldMappingLoose } from '../src/data/field-mapping';
import type { Bbox } from '../src/data/coords/area';
import { buildImport, type BuildOptions } from '../src/data/import/build-import';
import type { WorkerResponse } from '../src/data/import/import-protocol';
import { ImportRunner } from '../src/data/import/import-runner';
import { readTabular } from '../src/data/import/read-file';
import { generatePopulationCsv } from '../src/data/import/synthetic';

export interface ImportBenchOptions {
  /** data rows of the CSV (default 1,000,000) */
  rows?: number;
  /** timed runs after the warm-up (default 3) */
  runs?: number;
  /** rows of the naive baseline's subsample (default 200,000, at most `rows`) */
  naiveRows?: number;
  /** append the markdown table to this file */
  md?: string | null;
  /** where the lines go (default console.log) */
  log?: (line: string) => void;
}

export interface ImportBenchResult {
  rows: number;
  bytes: number;
  /** readTabular + buildImport per timed run (ms) */
  totalMs: number[];
  readMs: number[];
  buildMs: number[];
  medianMs: number;
  rowsPerSecond: number;
  /** ImportRunner read + build + pack, per timed run (ms) */
  workerJobMs: number[];
  workerJobMedianMs: number;
  /** readTabular + buildImport with the sample district as reference area (null without data/) */
  inApp: { ms: number[]; medianMs: number; crs: string | null } | null;
  naive: { rowsTimed: number; ms: number[]; medianMs: number; extrapolatedMs: number; rowsPerSecond: number };
  /** naive extrapolated ÷ readTabular + buildImport median */
  ratio: number;
  markdown: string[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtRate = (r: number): string => `${Math.round(r).toLocaleString('en-US')} 行/秒`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Bounding box of the sample district (data/district.geojson), the reference area the app passes; null without it. */
function districtBbox(): Bbox | null {
  const file = path.resolve(import.meta.dirname ?? '.', '../data/district.geojson');
  if (!existsSync(file)) return null;
  const gj = JSON.parse(readFileSync(file, 'utf8')) as { features: { geometry: { coordinates: unknown } }[] };
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1] as number);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1] as number);
    } else c.forEach(walk);
  };
  for (const f of gj.features) walk(f.geometry.coordinates);
  return Number.isFinite(box[0]) ? box : null;
}

/** readTabular + buildImport of one file, as the worker does it for a 'import' request. */
async function importOnce(name: string, bytes: Uint8Array, expectRows: number, opts: BuildOptions = { crs: 'auto' }): Promise<{ readMs: number; buildMs: number; crs: string | null }> {
  const t0 = performance.now();
  const parsed = await readTabular({ name, bytes });
  const t1 = performance.now();
  const res = buildImport('population', parsed, opts);
  const t2 = performance.now();
  if (res.fatal || res.rows.length !== expectRows) throw new Error(`import bench: expected ${expectRows} rows, got ${res.rows.length} (fatal ${res.fatal}, ${res.issues[0]?.message ?? ''})`);
  return { readMs: t1 - t0, buildMs: t2 - t1, crs: res.crsUsed };
}

/** The whole worker job (read, build, pack for the transfer) through ImportRunner. */
async function workerJobOnce(name: string, bytes: Uint8Array, expectRows: number): Promise<number> {
  let res: WorkerResponse | null = null;
  const runner = new ImportRunner((m) => {
    if (m.type !== 'progress') res = m;
  });
  const t0 = performance.now();
  await runner.handle({ id: 1, layer: 'population', file: { name, bytes }, options: { crs: 'auto' } });
  const ms = performance.now() - t0;
  const r = res as WorkerResponse | null;
  if (!r || r.type !== 'result' || r.packed?.length !== expectRows) throw new Error(`import bench: worker job gave ${r?.type ?? 'nothing'}`);
  return ms;
}

/** Naive: papaparse header:true → one object per row → records → coerceRecords. */
function naiveOnce(bytes: Uint8Array): number {
  const t0 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const headers = parsed.meta.fields ?? [];
  const mapping = Object.entries(guessFieldMappingLoose('population', headers));
  const records: RawRecord[] = parsed.data.map((obj, i) => {
    const values: Record<string, unknown> = {};
    for (const [field, idx] of mapping) values[field] = obj[headers[idx]];
    return { row: i + 2, values };
  });
  const res = coerceRecords('population', records, 'naive.csv');
  const ms = performance.now() - t0;
  if (res.rows.length !== parsed.data.length) throw new Error(`naive baseline: ${res.issues.length} issues, first: ${res.issues[0]?.message}`);
  return ms;
}

/** Run the import benchmark; prints Chinese lines and a markdown table, returns the figures. */
export async function runImportBench(opts: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const n = opts.rows ?? 1_000_000;
  const runs = Math.max(1, opts.runs ?? 3);
  const naiveN = Math.min(n, opts.naiveRows ?? 200_000);
  const log = opts.log ?? ((l: string) => console.log(l));
  const name = `population-${n}.csv`;

  log('');
  log(`── 导入基准：${n.toLocaleString('en-US')} 行人口 CSV（${os.cpus().length} 核，Node ${process.version}，负载 ${os.loadavg()[0].toFixed(2)}）──`);
  const tg = performance.now();
  const bytes = generatePopulationCsv(n);
  log(`生成 CSV：${(bytes.length / 1e6).toFixed(1)} MB（${fmtMs(performance.now() - tg)}）`);

  await importOnce(name, bytes, n); // warm-up
  const readMs: number[] = [];
  const buildMs: number[] = [];
  const totalMs: number[] = [];
  for (let k = 0; k < runs; k++) {
    gc();
    const r = await importOnce(name, bytes, n);
    readMs.push(r.readMs);
    buildMs.push(r.buildMs);
    totalMs.push(r.readMs + r.buildMs);
  }
  const med = median(totalMs);
  const rate = (n / med) * 1000;
  log(`readTabular + buildImport：中位数 ${fmtMs(med)}（${fmtRate(rate)}）；各次 ${totalMs.map((x) => x.toFixed(0)).join(', ')} ms（读取 ${readMs.map((x) => x.toFixed(0)).join('/')}，构建 ${buildMs.map((x) => x.toFixed(0)).join('/')}）`);

  const workerJobMs: number[] = [];
  for (let k = 0; k < runs; k++) {
    gc();
    workerJobMs.push(await workerJobOnce(name, bytes, n));
  }
  const jobMed = median(workerJobMs);
  log(`导入任务（ImportRunner：读取 + 构建 + 打包传输列）：中位数 ${fmtMs(jobMed)}；各次 ${workerJobMs.map((x) => x.toFixed(0)).join(', ')} ms`);

  const bbox = districtBbox();
  let inApp: ImportBenchResult['inApp'] = null;
  if (bbox) {
    const ms: number[] = [];
    let crs: string | null = null;
    for (let k = 0; k < runs; k++) {
      gc();
      const r = await importOnce(name, bytes, n, { crs: 'auto', reference: { bbox } });
      ms.push(r.readMs + r.buildMs);
      crs = r.crs;
    }
    inApp = { ms, medianMs: median(ms), crs };
    log(`同上，参考范围为样例区县外包框（应用中的情形，坐标系判为 ${crs}${crs === 'wgs84' ? '，无需转换' : '，逐点转换'}）：中位数 ${fmtMs(inApp.medianMs)}；各次 ${ms.map((x) => x.toFixed(0)).join(', ')} ms`);
  }

  const sub = naiveN === n ? bytes : generatePopulationCsv(naiveN);
  naiveOnce(sub); // warm-up
  const naiveMs: number[] = [];
  for (let k = 0; k < runs; k++) {
    gc();
    naiveMs.push(naiveOnce(sub));
  }
  const naiveMed = median(naiveMs);
  const naiveFull = (naiveMed * n) / naiveN;
  const naiveRate = (naiveN / naiveMed) * 1000;
  const ratio = naiveFull / med;
  log(
    `朴素做法（papaparse header:true 每行一个对象 → coerceRecords）：实测 ${naiveN.toLocaleString('en-US')} 行中位数 ${fmtMs(naiveMed)}（${fmtRate(naiveRate)}），` +
      `${naiveN === n ? '' : `按行数线性外推到 ${n.toLocaleString('en-US')} 行 ≈ `}${fmtMs(naiveFull)}`,
  );
  log(`朴素 ÷ 导入器 = ${ratio.toFixed(2)} ×（导入器另做了坐标系识别、坐标范围检查、精度提示、编号查重、逐行错误定位）`);

  const markdown = [
    '| case | method | median | runs (ms) | notes |',
    '|---|---|---|---|---|',
    `| population CSV ${n.toLocaleString('en-US')} rows (${(bytes.length / 1e6).toFixed(1)} MB) | readTabular + buildImport | ${fmtMs(med)} | ${totalMs.map((x) => x.toFixed(0)).join(', ')} | ${Math.round(rate).toLocaleString('en-US')} rows/s; read ${readMs.map((x) => x.toFixed(0)).join('/')}, build ${buildMs.map((x) => x.toFixed(0)).join('/')} ms |`,
    `| population CSV ${n.toLocaleString('en-US')} rows | worker job (ImportRunner: read + build + pack) | ${fmtMs(jobMed)} | ${workerJobMs.map((x) => x.toFixed(0)).join(', ')} | what the import worker does before posting |`,
    ...(inApp
      ? [`| population CSV ${n.toLocaleString('en-US')} rows | readTabular + buildImport, reference area = sample district (as in the app) | ${fmtMs(inApp.medianMs)} | ${inApp.ms.map((x) => x.toFixed(0)).join(', ')} | CRS guessed ${inApp.crs}${inApp.crs === 'wgs84' ? ' (no conversion)' : ': every point converted to WGS84'} |`]
      : []),
    `| population CSV ${n.toLocaleString('en-US')} rows | naive: papaparse header:true + coerceRecords | ${naiveN === n ? '' : '≈ '}${fmtMs(naiveFull)} | ${naiveMs.map((x) => x.toFixed(0)).join(', ')} | ${naiveN.toLocaleString('en-US')} rows timed${naiveN === n ? '' : ', extrapolated linearly'}; naive ÷ importer ${ratio.toFixed(2)}× |`,
  ];
  log('');
  log(markdown.join('\n'));
  if (opts.md) appendFileSync(opts.md, `\n${markdown.join('\n')}\n`);
  return {
    rows: n,
    bytes: bytes.length,
    totalMs,
    readMs,
    buildMs,
    medianMs: med,
    rowsPerSecond: rate,
    workerJobMs,
    workerJobMedianMs: jobMed,
    inApp,
    naive: { rowsTimed: naiveN, ms: naiveMs, medianMs: naiveMed, extrapolatedMs: naiveFull, rowsPerSecond: naiveRate },
    ratio,
    markdown,
  };
}

const isMain = (() => {
  const arg = process.argv[1] ?? '';
  return arg.endsWith('import-bench.ts');
})();

if (isMain) {
  const argv = process.argv.slice(2);
  const num = (flag: string): number | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const mdIdx = argv.indexOf('--md');
  runImportBench({ rows: num('--rows'), runs: num('--runs'), md: mdIdx >= 0 ? argv[mdIdx + 1] : null }).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
