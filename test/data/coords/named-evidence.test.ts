/** Rows named like loaded kindergartens decide WGS84 / GCJ-02 / BD-09 where the values alone cannot. */
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { fromWgs84Fn } from '../../../src/data/coords/crs';
import { crsFromNamedPoints } from '../../../src/data/coords/named-evidence';
import { buildImport } from '../../../src/data/import/build-import';
import { readTabular } from '../../../src/data/import/read-file';

// loaded kindergartens in 昆都仑区 (WGS84), 300–900 m apart
const loaded = Array.from({ length: 8 }, (_, k) => ({ name: `昆区第${k + 1}幼儿园`, lon: 109.79 + 0.004 * k, lat: 40.64 + 0.003 * (k % 3) }));

describe('crsFromNamedPoints', () => {
  it.each(['wgs84', 'gcj02', 'bd09'] as const)('recognises %s from same-named rows', (crs) => {
    const to = fromWgs84Fn(crs);
    const rows = loaded.map((p) => {
      const [x, y] = to(p.lon, p.lat);
      return { name: p.name, x, y };
    });
    const ev = crsFromNamedPoints(rows, loaded, false);
    expect(ev?.crs).toBe(crs);
    expect(ev?.matches).toBe(8);
    expect(ev && render('zh', ev.reason)).toContain('名称与已载入的幼儿园/小区相同');
  });

  it('decides nothing with fewer than three matches or positions that fit no system', () => {
    expect(crsFromNamedPoints([{ name: '昆区第1幼儿园', x: 109.79, y: 40.64 }], loaded, false)).toBeNull();
    const far = loaded.map((p) => ({ name: p.name, x: p.lon + 0.05, y: p.lat }));
    expect(crsFromNamedPoints(far, loaded, false)).toBeNull();
  });
});

describe('buildImport with loaded names', () => {
  it('an unmarked BD-09 file lands on its loaded twins instead of 1 km off as WGS84', async () => {
    const to = fromWgs84Fn('bd09');
    const csv = ['名称,x,y', ...loaded.map((p) => [p.name, ...to(p.lon, p.lat).map((v) => v.toFixed(6))].join(','))].join('\n');
    const parsed = await readTabular({ name: 'list.csv', bytes: new TextEncoder().encode(csv) });
    const res = buildImport('kindergartens', parsed, { autoKey: true, defaults: { type: '公办', classes: '6', places: '180' }, reference: { named: loaded } });
    expect(res.crsUsed).toBe('bd09');
    expect(res.crsGuess && render('zh', res.crsGuess.reason)).toContain('BD-09');
    const r0 = res.rows[0];
    expect(Math.abs(r0.lon - loaded[0].lon) * 85000).toBeLessThan(20);
  });
});
