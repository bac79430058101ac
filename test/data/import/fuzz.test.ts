/**
 * Seeded fuzzing: 300 random mutations of good CSV, GeoJSON and XLSX files. The
 * importer must load or refuse with Chinese messages, never throw, and a refused
 * import must leave the loaded DuckDB table exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import type { DbConnector } from '../../../src/data/db';
import { openNodeDb } from '../../../src/data/duckdb-node';
import { encodeGb18030 } from '../../../src/data/export/gbk';
import { exportLayerGeojson } from '../../../src/data/export/geojson';
import { exportLayerXlsx } from '../../../src/data/export/xlsx';
import { buildImport, type ImportResult } from '../../../src/data/import/build-import';
import { commitImport } from '../../../src/data/import/commit';
import { readTabular } from '../../../src/data/import/read-file';
import type { LayerRows } from '../../../src/data/schema';
import { replaceLayerTable } from '../../../src/data/tables';
import { csvText, kgTable, utf8 } from './corpus-base';
import { mulberry32 } from '../../../scripts/sample/prng';

const rng = mulberry32;

const POOL = [',', '"', '\n', '\r', '\r\n', ';', '\t', '{', '}', '[', ']', ':', '.', '-', 'e', 'E', '9', '0', 'NaN', 'Infinity', '中', '１', '\uFFFD', '\u0000', ' ', "'", '=', '<', 'null', '1e999'];

function mutateText(s: string, r: () => number): string {
  const ops = 1 + Math.floor(r() * 4);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(r() * (s.length + 1));
    const op = Math.floor(r() * 5);
    if (op === 0) s = s.slice(0, at) + POOL[Math.floor(r() * POOL.length)] + s.slice(at);
    else if (op === 1) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 20));
    else if (op === 2) s = s.slice(0, at) + POOL[Math.floor(r() * POOL.length)] + s.slice(at + 1);
    else if (op === 3) s = s.slice(0, at);
    else {
      const lines = s.split('\n');
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 0, lines[i]);
      s = lines.join('\n');
    }
  }
  return s;
}

function mutateBytes(b: Uint8Array, r: () => number): Uint8Array {
  let out = b.slice();
  const op = Math.floor(r() * 4);
  if (op === 0) for (let k = 0; k < 1 + r() * 8; k++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  else if (op === 1) out = out.slice(0, Math.floor(r() * out.length));
  else if (op === 2) {
    const at = Math.floor(r() * out.length);
    out = new Uint8Array([...out.slice(0, at), ...Array.from({ length: 1 + Math.floor(r() * 16) }, () => Math.floor(r() * 256)), ...out.slice(at)]);
  } else {
    const at = Math.floor(r() * out.length);
    out.fill(0, at, at + 1 + Math.floor(r() * 64));
  }
  return out;
}

const CJK = /[\u4e00-\u9fff]/;

describe('fuzz: 300 mutated files never break the importer or the loaded table', () => {
  let db: DbConnector;
  let base: LayerRows['kindergartens'];
  const snapshot = async (): Promise<string> => JSON.stringify(await db.query('SELECT * FROM kindergartens ORDER BY id'));

  beforeAll(async () => {
    db = await openNodeDb();
    const parsed = await readTabular({ name: 'kg.csv', bytes: utf8(csvText(kgTable())) });
    base = buildImport('kindergartens', parsed).rows;
    await replaceLayerTable(db, 'kindergartens', base);
  });
  afterAll(async () => {
    await db.close();
  });

  async function run(name: string, bytes: Uint8Array): Promise<'loaded' | 'refused'> {
    const before = await snapshot();
    let res: ImportResult<'kindergartens'>;
    try {
      const parsed = await readTabular({ name, bytes });
      res = buildImport('kindergartens', parsed);
    } catch (e) {
      throw new Error(`importer threw on a mutated ${name}: ${(e as Error).stack}`);
    }
    for (const is of res.issues) expect(render('zh', is.message), name).toMatch(CJK);
    const success = !res.fatal && res.errorCount === 0 && res.rows.length > 0;
    if (success) {
      await commitImport(db, 'kindergartens', res.rows, 'replace');
      const [c] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM kindergartens');
      expect(c.n).toBe(res.rows.length);
      await replaceLayerTable(db, 'kindergartens', base); // back to the known state
      return 'loaded';
    }
    expect(res.errorCount + (res.rows.length === 0 ? 1 : 0), name).toBeGreaterThan(0);
    expect(await snapshot(), `table changed after refusing ${name}`).toBe(before);
    return 'refused';
  }

  it('CSV: 100 text mutations (UTF-8 and GBK)', async () => {
    const r = rng(20261123);
    const good = csvText(kgTable());
    const seen = { loaded: 0, refused: 0 };
    for (let i = 0; i < 100; i++) {
      const text = mutateText(good, r);
      seen[await run(`fuzz_${i}.csv`, i % 4 === 3 ? encodeGb18030(text) : utf8(text))]++;
    }
    expect(seen.loaded + seen.refused).toBe(100);
    expect(seen.refused).toBeGreaterThan(10);
  }, 120_000);

  it('GeoJSON: 100 text mutations', async () => {
    const r = rng(7);
    const good = exportLayerGeojson('kindergartens', base);
    const seen = { loaded: 0, refused: 0 };
    for (let i = 0; i < 100; i++) seen[await run(`fuzz_${i}.geojson`, utf8(mutateText(good, r)))]++;
    expect(seen.refused).toBeGreaterThan(10);
  }, 120_000);

  it('XLSX: 100 byte mutations', async () => {
    const r = rng(99);
    const good = exportLayerXlsx('kindergartens', base);
    const seen = { loaded: 0, refused: 0 };
    for (let i = 0; i < 100; i++) seen[await run(`fuzz_${i}.xlsx`, mutateBytes(good, r))]++;
    expect(seen.refused).toBeGreaterThan(10);
  }, 120_000);

  it('a commit that fails half-way leaves the previous table', async () => {
    const before = await snapshot();
    const failing: DbConnector = {
      query: async (sql) => {
        if (sql.startsWith('INSERT INTO')) throw new Error('disk full');
        return db.query(sql);
      },
      insertArrowIpc: (t, ipc) => db.insertArrowIpc(t, ipc),
      close: async () => {},
    };
    const rows = base.map((x) => ({ ...x, id: `${x.id}x` }));
    await expect(commitImport(failing, 'kindergartens', rows, 'replace')).rejects.toThrow('disk full');
    expect(await snapshot()).toBe(before);
    await expect(commitImport(failing, 'kindergartens', rows, 'append')).rejects.toThrow('disk full');
    expect(await snapshot()).toBe(before);
    await commitImport(db, 'kindergartens', rows, 'append');
    const [c] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM kindergartens');
    expect(c.n).toBe(base.length * 2);
    await replaceLayerTable(db, 'kindergartens', base);
  });
});
