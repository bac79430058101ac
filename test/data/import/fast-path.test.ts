/**
 * The column fast path of buildImport (src/data/import/fast-rows.ts) must give exactly
 * what the general path gives — rows, row numbers, issues, flags, rejected rows — on
 * clean files, on files with every kind of bad cell, and on a mix (chunks of both kinds).
 * buildImportGeneral is the reference (every row through coerceRecords).
 */
import { describe, expect, it } from 'vitest';
import { buildImport, buildImportGeneral, buildImportPacked, type BuildOptions, type ImportResult } from '../../../src/data/import/build-import';
import { KeySet } from '../../../src/data/import/key-set';
import { unpackRows } from '../../../src/data/import/packed-rows';
import { readTabular } from '../../../src/data/import/read-file';
import { generatePopulationCsv, POPULATION_CSV_HEADERS } from '../../../src/data/import/synthetic';
import type { LayerId } from '../../../src/data/schema';
import { utf8 } from './corpus-base';
import { mulberry32 } from '../../../scripts/sample/prng';

const rng = mulberry32;

/** Cells the general path treats in every possible way: odd numbers, blanks, escapes, junk. */
const ODD = [
  '', ' ', '  12  ', '１２', '12人', '1e2', '+5', '.5', '5.', '-0', '-0.0', '0', '007', '12.500', '3.14159265358979', '1234567890123456', '12345678901234567',
  '9007199254740993', '1.2345678901234567', '0.30000000000000004', '401.49502658522006', '4.8778900366077734', '8478272.4589887463', '0.1', '2.675', '1.005',
  '-3', '2024.5', '1989', '2101', 'abc', 'NaN', 'Infinity', '1e999', "'=1+1", "'-5", "''x", '中', '\u3000', '\uFEFF7', '99999', '5001', '4999.9',
];
const ODD_COORDS = ['', '109.6', '109.61', '40.57', '40.5', '1e2', ' 109.612345 ', '109,6', '0', '-109.6', '200', "'109.6", '１０９.６'];

function populationCsv(n: number, r: () => number, badRate: number, delimiter = ','): string {
  const lines = [POPULATION_CSV_HEADERS.join(delimiter)];
  for (let i = 0; i < n; i++) {
    const cells = [
      `P${i + 1}`,
      (109.6 + (i % 40) * 0.0011).toFixed(6),
      (40.57 + Math.floor(i / 40) * 0.0009).toFixed(6),
      '100',
      String(Math.floor(r() * 300)),
      String(Math.floor(r() * 9)),
      String(Math.floor(r() * 11)),
      '2024',
      `1502030${String(1 + (i % 16)).padStart(2, '0')}`,
    ];
    if (r() < badRate) {
      const k = Math.floor(r() * 7);
      const col = Math.floor(r() * cells.length);
      if (k === 0) cells[col] = ODD[Math.floor(r() * ODD.length)];
      else if (k === 1) cells[1 + Math.floor(r() * 2)] = ODD_COORDS[Math.floor(r() * ODD_COORDS.length)];
      else if (k === 2) cells[0] = `P${1 + Math.floor(r() * n)}`; // duplicate key, near or far
      else if (k === 3) cells.push(r() < 0.5 ? '' : 'extra'); // long row
      else if (k === 4) cells.pop(); // short row
      else if (k === 5) cells[0] = r() < 0.5 ? ` P${i + 1} ` : ''; // key with spaces, or blank
      else {
        // clean but flagged: coordinates rounded to 2 (or 1, 3) decimals
        const d = [1, 2, 2, 3][Math.floor(r() * 4)];
        cells[1] = Number(cells[1]).toFixed(d);
        cells[2] = Number(cells[2]).toFixed(2);
      }
    }
    lines.push(cells.join(delimiter));
  }
  return lines.join(r() < 0.5 ? '\r\n' : '\n') + (r() < 0.8 ? '\n' : '');
}

/** Everything of a result that the UI and the commit see. */
function comparable(res: ImportResult): unknown {
  return { ...res };
}

async function both(layer: LayerId, name: string, text: string | Uint8Array, opts: BuildOptions = {}): Promise<{ fast: ImportResult; general: ImportResult }> {
  const parsed = await readTabular({ name, bytes: typeof text === 'string' ? utf8(text) : text });
  const fast = buildImport(layer, parsed, opts);
  const general = buildImportGeneral(layer, parsed, opts);
  const { result, packed } = buildImportPacked(layer, parsed, opts);
  expect(unpackRows(packed)).toStrictEqual(fast.rows);
  expect({ ...result, rows: fast.rows }).toStrictEqual(fast);
  return { fast, general };
}

const BBOX: [number, number, number, number] = [109.6, 40.56, 109.63, 40.6];

describe('buildImport fast path = general path', () => {
  it('clean population file: same result, every row loaded, -0 and decimals kept exactly', async () => {
    const text = [
      POPULATION_CSV_HEADERS.join(','),
      'A,109.600001,40.570001,-0,0.1,0.3,7,2024,1',
      "B,109.7,40.7,4999.999999999999,123456789012345,1.0000000000001,0,1990,'x",
      'C,109.61,40.57,1,401.49502658522006,4.8778900366077734,8478272.4589887463,2000,',
    ].join('\n');
    const { fast, general } = await both('population', 'a.csv', text);
    expect(comparable(fast)).toStrictEqual(comparable(general));
    expect(fast.rows.length).toBe(3);
    expect(fast.flagCounts.rounded).toBe(2);
    expect(Object.is((fast.rows[0] as unknown as { cell_size_m: number }).cell_size_m, -0)).toBe(true);
  });

  it('a generated 3,000-row file (6 chunks), with and without a reference area and rounded coordinates', async () => {
    const bytes = generatePopulationCsv(3000);
    for (const opts of [{}, { reference: { bbox: BBOX } }, { crs: 'gcj02' as const }, { crs: 'bd09' as const, reference: { bbox: BBOX, marginM: 800 } }]) {
      const { fast, general } = await both('population', 'g.csv', bytes, opts);
      expect(comparable(fast)).toStrictEqual(comparable(general));
      expect(fast.rows.length).toBe(3000);
    }
  });

  it('200 seeded files with odd cells, duplicates, short and long rows, in several chunk mixes', async () => {
    const optsPool: BuildOptions[] = [
      {},
      { reference: { bbox: BBOX } },
      { crs: 'gcj02' },
      { swapXY: true },
      { existingKeys: ['P3', 'P700', ' P9 ', 'P1200'] },
      { defaults: { year: 2025, street_code: '150203099', cell_size_m: '250' } },
      { defaults: { year: '19' } },
      { mapping: { lon: 1, lat: 2, residents: 4, children_3_5: 6, street_code: 8 }, autoKey: true },
      { mapping: { id: 0, lon: 1, lat: 2, residents: 4, children_3_5: 4 } },
      { mapping: { id: 0, lon: 1, lat: 2, residents: 4, children_3_5: 6, year: 3 } },
    ];
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const n = 50 + Math.floor(r() * 1500);
      const badRate = [0, 0.0005, 0.002, 0.02, 0.3][seed % 5];
      const delimiter = seed % 7 === 0 ? '\t' : seed % 11 === 0 ? ';' : ',';
      const text = populationCsv(n, r, badRate, delimiter);
      const opts = optsPool[seed % optsPool.length];
      const { fast, general } = await both('population', delimiter === '\t' ? 'f.tsv' : 'f.csv', text, opts);
      expect(comparable(fast), `seed ${seed}`).toStrictEqual(comparable(general));
    }
  });

  it('layers with yes/no and choice fields go the general way and are unchanged', async () => {
    const text = ['编号,项目名称,类型,经度,纬度,规划学位,计划年份', 'X1,新园,新建,109.7,40.6,360,2027', 'X2,扩建,扩建,109.71,40.61,90,2028'].join('\n');
    for (const layer of ['plan_projects', 'kindergartens', 'communities'] as LayerId[]) {
      const { fast, general } = await both(layer, 'p.csv', text, { autoKey: true });
      expect(comparable(fast)).toStrictEqual(comparable(general));
    }
  });
});

describe('KeySet', () => {
  it('adds, finds, grows and takes back the newest additions exactly', () => {
    const s = new KeySet(4);
    const keys = Array.from({ length: 5000 }, (_, i) => `K${(i * 7919) % 5003}`);
    const ref = new Set<string>();
    for (const k of keys) expect(s.add(k)).toBe(!ref.has(k) && !!ref.add(k));
    expect(s.size).toBe(ref.size);
    s.reserve(100);
    const extra = Array.from({ length: 100 }, (_, i) => `new${i}`);
    for (const k of extra) expect(s.add(k)).toBe(true);
    s.undo(100);
    for (const k of extra) expect(s.has(k)).toBe(false);
    for (const k of ref) expect(s.has(k)).toBe(true);
    expect(s.has('')).toBe(false);
    expect(s.add('')).toBe(true);
    expect(s.has('')).toBe(true);
  });
});

describe('quote-free CSV lines', () => {
  it('are the same for LF, CRLF, CR and mixed line ends', async () => {
    const rows = ['编号,经度,纬度', 'A,1,2', 'B,3,4', '', 'C,5,6'];
    const variants = [rows.join('\n'), rows.join('\r\n') + '\r\n', rows.join('\r'), 'x\r\n' + rows.join('\n'), rows.join('\r\n').replace('B', 'B\r') + '\n', rows.join('\r\r\n')];
    for (const text of variants) {
      const parsed = await readTabular({ name: 'l.csv', bytes: utf8(text) });
      const expected = text.split(/\r\n|\r|\n/);
      const head = expected.findIndex((l) => l.startsWith('编号'));
      const data = expected.slice(head + 1).filter((l) => l.replace(/[,\s]/g, '') !== '');
      expect(parsed.sheets[0].lazy?.lines, JSON.stringify(text)).toEqual(data);
    }
  });
});
