/**
 * Generates the importer corpus: ≥ 100 small malformed or tricky files in
 * test/fixtures/import/corpus/ with manifest.json (layer, options and expected
 * outcome of each), plus the BD-09 kindergarten fixture for the browser test.
 *
 *   npx tsx scripts/make-import-corpus.ts
 *
 * Also exports generatePopulationCsv(n) for import benchmarks.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wgs84ToBd09 } from '../src/data/coords/china-shift';
import { csvCases } from '../test/data/import/corpus-cases-csv';
import { geoCases } from '../test/data/import/corpus-cases-geo';
import { xlsxCases } from '../test/data/import/corpus-cases-xlsx';
import { KG_TRUTH, csvText, type CorpusEntry } from '../test/data/import/corpus-base';

export { generatePopulationCsv } from '../src/data/import/synthetic';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.join(ROOT, 'test/fixtures/import/corpus');
const FIXTURE_DIR = path.join(ROOT, 'test/fixtures/import');

/** All corpus cases with their bytes. */
export function corpusCases(): (CorpusEntry & { bytes: Uint8Array })[] {
  return [...csvCases(), ...xlsxCases(), ...geoCases()];
}

/** The BD-09 kindergarten fixture (no ID column: the importer numbers rows) and its WGS84 truth. */
export function bd09Fixture(): { csv: string; truth: unknown } {
  const rows = KG_TRUTH.map((k) => {
    const [bx, by] = wgs84ToBd09(k.lon, k.lat);
    return { k, bd: [Number(bx.toFixed(6)), Number(by.toFixed(6))] as [number, number] };
  });
  const csv = csvText([['幼儿园名称', '办园性质', '经度', '纬度', '班级数', '学位数'], ...rows.map(({ k, bd }) => [k.name, k.typeZh, bd[0].toFixed(6), bd[1].toFixed(6), String(k.classes), String(k.places)])]);
  const truth = {
    note: '8 invented kindergartens in 昆都仑区. lon/lat: WGS84 truth; bd09: the file values (WGS84 → GCJ-02 → BD-09, rounded to 6 decimals, ≈0.1 m). No ID column: import with auto numbering (ID = row number 2…9).',
    crs: 'bd09',
    toleranceM: 0.5,
    rows: rows.map(({ k, bd }, i) => ({ row: i + 2, name: k.name, type: k.typeZh, lon: k.lon, lat: k.lat, bd09: bd, classes: k.classes, places: k.places })),
  };
  return { csv, truth };
}

function main(): void {
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  const cases = corpusCases();
  const manifest: CorpusEntry[] = [];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.file)) throw new Error(`duplicate corpus file ${c.file}`);
    seen.add(c.file);
    const out = path.join(CORPUS_DIR, c.file);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, c.bytes);
    const { bytes: _bytes, ...entry } = c;
    void _bytes;
    manifest.push(entry);
  }
  writeFileSync(path.join(CORPUS_DIR, 'manifest.json'), JSON.stringify({ generatedBy: 'scripts/make-import-corpus.ts', count: manifest.length, entries: manifest }, null, 1) + '\n');
  const fx = bd09Fixture();
  writeFileSync(path.join(FIXTURE_DIR, 'bd09-kindergartens.csv'), '\uFEFF' + fx.csv);
  writeFileSync(path.join(FIXTURE_DIR, 'bd09-kindergartens.truth.json'), JSON.stringify(fx.truth, null, 2) + '\n');
  console.log(`wrote ${manifest.length} corpus files to ${path.relative(ROOT, CORPUS_DIR)} and the BD-09 fixture`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
