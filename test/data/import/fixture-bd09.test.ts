import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../src/data/import/build-import';
import { readTabular } from '../../../src/data/import/read-file';
import { bd09Fixture } from '../../../scripts/make-import-corpus';

const DIR = path.resolve(__dirname, '../../fixtures/import');

describe('test/fixtures/import/bd09-kindergartens.csv', () => {
  const truth = JSON.parse(readFileSync(path.join(DIR, 'bd09-kindergartens.truth.json'), 'utf8')) as { toleranceM: number; rows: { name: string; lon: number; lat: number; row: number }[] };

  it('is what the generator writes', () => {
    const fx = bd09Fixture();
    expect(readFileSync(path.join(DIR, 'bd09-kindergartens.csv'), 'utf8')).toBe('\uFEFF' + fx.csv);
    expect(truth).toEqual(JSON.parse(JSON.stringify(fx.truth)));
  });

  it('imports as BD-09 and lands on the WGS84 truth within the stated tolerance', async () => {
    const parsed = await readTabular({ name: 'bd09-kindergartens.csv', bytes: new Uint8Array(readFileSync(path.join(DIR, 'bd09-kindergartens.csv'))) });
    const res = buildImport('kindergartens', parsed, { autoKey: true });
    expect(res.crsUsed).toBe('bd09');
    expect(res.rows.length).toBe(8);
    res.rows.forEach((r, i) => {
      const t = truth.rows[i];
      expect(r.name).toBe(t.name);
      expect(r.id).toBe(String(t.row));
      const dx = (r.lon - t.lon) * 111320 * Math.cos((t.lat * Math.PI) / 180);
      const dy = (r.lat - t.lat) * 110574;
      expect(Math.hypot(dx, dy)).toBeLessThan(truth.toleranceM);
    });
  });
});
