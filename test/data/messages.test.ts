/**
 * Every message the import, coerce, coordinate, network and project code can produce
 * renders in both languages: its key is in the catalogue and every `{value}` is filled.
 * Statically (every key literal in those sources) and by running the import corpus and
 * bad cells of every field type through the real code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { coerceRecords } from '../../src/data/coerce';
import { buildImport } from '../../src/data/import/build-import';
import { readTabular } from '../../src/data/import/read-file';
import { exportRejectedCsv } from '../../src/data/import/rejected-csv';
import { columnText, formatIssue, type RowIssue } from '../../src/data/issues';
import { enumKey, fieldKey, LAYERS, layerKey } from '../../src/data/schema';
import { isMessageKey, msg, render, type Lang, type Message } from '../../src/i18n';
import type { CorpusEntry } from './import/corpus-base';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = [
  'src/data/import',
  'src/data/coords',
  'src/data/network',
  'src/data/project',
  'src/ui/import',
  'src/data/coerce.ts',
  'src/data/parse-layer.ts',
  'src/data/issues.ts',
  'src/data/sql-examples.ts',
  'src/data/export/ledger-xlsx.ts',
  'src/ui/ImportHost.tsx',
];
const KEY_LITERAL = /'((?:data|import|field|enum)\.[A-Za-z]\w*\.[\w.]+)'/g;
const LANGS: Lang[] = ['zh', 'en'];
const UNFILLED = /\{\w+\}/;

function sourceFiles(p: string): string[] {
  const abs = path.join(ROOT, p);
  if (/\.tsx?$/.test(p)) return [abs];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(abs, f));
}

/** Renders a message in both languages and fails on a missing key or an unfilled value. */
function expectRenders(message: Message, context: string): void {
  const walk = (x: Message): void => {
    expect(isMessageKey(x.key), `${context}: unknown key ${x.key}`).toBe(true);
    for (const v of Object.values(x.values ?? {})) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object') walk(v as Message);
    }
  };
  walk(message);
  for (const lang of LANGS) {
    const text = render(lang, message);
    expect(text, `${context} (${lang}): ${text}`).not.toMatch(UNFILLED);
  }
}

function expectIssuesRender(issues: RowIssue[], context: string): void {
  for (const is of issues) {
    expectRenders(is.message, context);
    if (typeof is.column !== 'string') expectRenders(is.column, context);
    for (const lang of LANGS) expect(formatIssue(lang, is)).not.toMatch(UNFILLED);
  }
}

describe('every data message key is in the catalogue', () => {
  it('every key literal in the import, coordinate, network and project code', () => {
    const keys = new Set<string>();
    for (const p of SOURCES) for (const f of sourceFiles(p)) for (const hit of readFileSync(f, 'utf8').matchAll(KEY_LITERAL)) keys.add(hit[1]);
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].filter((k) => !isMessageKey(k));
    expect(missing).toEqual([]);
  });

  it('every layer, field and enum label, and the composed keys', () => {
    for (const layer of Object.values(LAYERS)) {
      expect(isMessageKey(layerKey(layer.id))).toBe(true);
      for (const fd of layer.fields) {
        expect(isMessageKey(fieldKey(layer.id, fd.name)), `${layer.id}.${fd.name}`).toBe(true);
        for (const v of fd.values ?? []) expect(isMessageKey(enumKey(layer.id, fd.name, v))).toBe(true);
      }
    }
    for (const k of ['zip', 'kmz', 'workbook', 'file']) expect(isMessageKey(`data.zip.label.${k}`)).toBe(true);
    for (const k of ['rows', 'moreRows', 'features', 'placemarks']) expect(isMessageKey(`data.limit.what.${k}`)).toBe(true);
    for (const k of ['wgs84', 'gcj02', 'bd09']) expect(isMessageKey(`data.crs.short.${k}`)).toBe(true);
  });
});

describe('every message the importer produces renders in Chinese and English', () => {
  it('bad cells of every field type, in every layer', () => {
    const bad: Record<string, unknown> = { number: 'abc', integer: '1.5', boolean: '也许', enum: '不存在', date: '2025-02-30', string: '', geometry: '' };
    for (const layer of Object.values(LAYERS)) {
      const values: Record<string, unknown> = {};
      for (const fd of layer.fields) values[fd.name] = bad[fd.type];
      const tooBig: Record<string, unknown> = {};
      for (const fd of layer.fields) if (fd.max !== undefined) tooBig[fd.name] = fd.max + 1;
      const tooSmall: Record<string, unknown> = {};
      for (const fd of layer.fields) if (fd.min !== undefined) tooSmall[fd.name] = fd.min - 1;
      const res = coerceRecords(layer.id, [{ row: 2, values }, { row: 3, values: tooBig }, { row: 4, values: tooSmall }, { row: 5, values: { [layer.key]: 'A' } }, { row: 6, values: { [layer.key]: 'A' } }], 'x.csv');
      expect(res.issues.length).toBeGreaterThan(3);
      expectIssuesRender(res.issues, layer.id);
    }
    const res = coerceRecords('communities', [{ row: 2, values: { supporting_kg_status: '不存在' } }], 'x.csv');
    const en = render('en', res.issues.find((i) => i.column === 'supporting_kg_status')!.message);
    expect(en).toBe('"不存在" is not a valid Supporting kindergarten status (allowed: Not planned, Planned, not built, Under construction, Delayed / halted, Built, not accepted, Accepted, not handed over, Handed over, Run as public, Entrusted as inclusive, Misused, For-profit, Rectified)');
  });

  it('the Chinese wording names file, row and column as before', () => {
    const res = coerceRecords('kindergartens', [{ row: 3, values: { id: 'K1', name: '甲', type: 'public', lon: 110, lat: 40, classes: 'abc', places: 10 } }], '幼儿园.csv', (f) => (f === 'classes' ? '班数' : f));
    expect(formatIssue('zh', res.issues[0])).toBe('幼儿园.csv，第 3 行，“班数”列：“abc”不是数字（班级数）');
    expect(formatIssue('en', res.issues[0])).toBe('幼儿园.csv, row 3, column "班数": "abc" is not a number (Classes)');
  });

  const DIR = path.resolve(__dirname, '../fixtures/import/corpus');
  const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { entries: CorpusEntry[] };
  it(`the ${manifest.entries.length} files of the import corpus: issues, flags, reasons, CRS reasons, rejected rows`, async () => {
    const domParser = new DOMParser({ onError: () => {} });
    let issues = 0;
    for (const e of manifest.entries) {
      const name = path.basename(e.file);
      const parsed = await readTabular({ name, bytes: new Uint8Array(readFileSync(path.join(DIR, e.file))) }, { domParser });
      const res = buildImport(e.layer, parsed, e.options);
      issues += res.issues.length;
      expectIssuesRender(res.issues, e.file);
      expectRenders(res.crsGuess.reason, e.file);
      for (const f of res.flags) expectRenders(f.message, e.file);
      for (const r of res.rejected) for (const x of r.reasons) expectRenders(x, e.file);
      for (const lang of LANGS) {
        const csv = new TextDecoder().decode(exportRejectedCsv(res, lang));
        expect(csv).not.toMatch(UNFILLED);
        for (const is of res.issues) expect(columnText(lang, is.column)).not.toMatch(UNFILLED);
      }
    }
    expect(issues).toBeGreaterThan(50);
  });

  it('English shows no Chinese except what came from the file', async () => {
    const csv = '编号,名称,办园性质,经度,纬度,班级数,学位数\nK1,甲,公办,111.5,40.8,abc,100\nK2,乙,公办,111.5,40.8,6,\n';
    const parsed = await readTabular({ name: 'kg.csv', bytes: new TextEncoder().encode(csv) });
    const res = buildImport('kindergartens', parsed);
    expect(res.errorCount).toBe(2);
    for (const is of res.issues) {
      const en = render('en', is.message).replace(/"[^"]*"/g, '');
      expect(en, en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(msg('en', 'import.rejected.header')).toBe('Reason');
  });
});
