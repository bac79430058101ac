import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { columnText } from '../../../src/data/issues';
import { buildImport } from '../../../src/data/import/build-import';
import { readTabular } from '../../../src/data/import/read-file';
import type { CorpusEntry } from './corpus-base';

const DIR = path.resolve(__dirname, '../../fixtures/import/corpus');
const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { entries: CorpusEntry[] };
const CJK = /[\u4e00-\u9fff]/;

/** Great-circle distance in metres. */
function metres(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const dLat = (b[1] - a[1]) * r;
  const dLon = (b[0] - a[0]) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

describe('import corpus (test/fixtures/import/corpus/manifest.json)', () => {
  it('has at least 100 files', () => {
    expect(manifest.entries.length).toBeGreaterThanOrEqual(100);
  });

  for (const e of manifest.entries) {
    it(`${e.file} — ${e.note}`, async () => {
      const name = path.basename(e.file);
      const domParser = new DOMParser({
        onError: (level: string) => {
          if (level === 'fatalError') throw new Error('XML is not well-formed');
        },
      });
      const parsed = await readTabular({ name, bytes: new Uint8Array(readFileSync(path.join(DIR, e.file))) }, { domParser });
      const res = buildImport(e.layer, parsed, e.options);
      const x = e.expect;
      const summary = res.issues.map((i) => `${i.row}/${columnText('zh', i.column)}: ${render('zh', i.message)}`).join('\n');
      for (const is of res.issues) {
        expect(render('zh', is.message), 'messages are Chinese').toMatch(CJK);
        expect(is.file).toBe(name);
      }
      if (x.fatal !== undefined) expect(res.fatal, summary).toBe(x.fatal);
      if (res.fatal) {
        expect(res.rows.length).toBe(0);
        expect(res.errorCount, 'a fatal result says why').toBeGreaterThan(0);
      }
      if (x.rows !== undefined) expect(res.rows.length, summary).toBe(x.rows);
      if (x.rows !== undefined && !res.fatal) expect(res.rows.length + res.rejected.length).toBe(res.totalRows);
      for (const want of x.issues ?? []) {
        const hit = res.issues.find(
          (i) =>
            render('zh', i.message).includes(want.messageContains) &&
            (want.row === undefined || i.row === want.row) &&
            (want.column === undefined || columnText('zh', i.column) === want.column) &&
            (want.severity === undefined || i.severity === want.severity),
        );
        expect(hit, `issue ${JSON.stringify(want)} in\n${summary}`).toBeDefined();
      }
      if (x.crs !== undefined) expect(res.crsUsed, render('zh', res.crsGuess.reason)).toBe(x.crs);
      if (x.confidence) expect(res.crsGuess.confidence, render('zh', res.crsGuess.reason)).toBe(x.confidence);
      if (x.swapXY !== undefined) expect(res.swapXY).toBe(x.swapXY);
      if (x.encoding) expect(parsed.encoding).toBe(x.encoding);
      for (const [kind, n] of Object.entries(x.flags ?? {})) expect(res.flagCounts[kind as keyof typeof res.flagCounts], kind).toBe(n);
      const rows = res.rows as unknown as Record<string, unknown>[];
      if (x.firstRow) expect(rows[0]).toMatchObject(x.firstRow);
      (x.truth ?? []).forEach((t, i) => {
        const d = metres([rows[i].lon as number, rows[i].lat as number], t);
        expect(d, `row ${i} is ${d.toFixed(3)} m from the truth`).toBeLessThan(x.truthTolM ?? 1);
      });
      // every rejected row says why and keeps its original cells
      for (const r of res.rejected) {
        expect(r.reasons.length).toBeGreaterThan(0);
        expect(r.cells.length).toBeGreaterThanOrEqual(res.headers.length > 0 ? Math.min(1, res.headers.length) : 0);
      }
    });
  }
});
