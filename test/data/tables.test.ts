import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/i18n';
import type { DbConnector } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { parseLayerText } from '../../src/data/parse-layer';
import { quoteIdent, quoteLiteral } from '../../src/data/sql';
import { replaceLayerTable } from '../../src/data/tables';

const CSV = `幼儿园名称,编号,办园性质,经度,纬度,班级数,学位数,在园幼儿数
甲园,k1,公办,109.80,40.65,6,180,170
"乙园, 分园",k2,普惠性民办,109.81,40.66,9,270,280
`;

describe('layer tables in real DuckDB (wasm, Node build)', () => {
  let db: DbConnector;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads typed rows and sums them', async () => {
    const res = parseLayerText('kindergartens', 'kg.csv', CSV);
    expect(res.issues).toEqual([]);
    await replaceLayerTable(db, 'kindergartens', res.rows);
    const [r] = await db.query<{ n: number; places: number }>(
      'SELECT count(*)::DOUBLE AS n, sum(places)::DOUBLE AS places FROM kindergartens',
    );
    expect(r).toEqual({ n: 2, places: 450 });
    const names = await db.query<{ name: string }>('SELECT name FROM kindergartens ORDER BY id');
    expect(names.map((x) => x.name)).toEqual(['甲园', '乙园, 分园']);
  });

  it('quotes hostile values instead of executing them', async () => {
    const evil = "x'); DROP TABLE kindergartens; --";
    const rows = await db.query<{ v: string }>(`SELECT ${quoteLiteral(evil)} AS ${quoteIdent('v')}`);
    expect(rows[0].v).toBe(evil);
    const [r] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM kindergartens');
    expect(r.n).toBe(2);
  });

  it('names file, row and column of a bad cell', () => {
    const bad = CSV + '丙园,k3,公办,abc,40.6,3,90,80\n甲园2,k1,公办,109.8,40.6,3,90,80\n';
    const res = parseLayerText('kindergartens', 'kg.csv', bad);
    expect(res.rows.length).toBe(2);
    expect(res.issues[0]).toMatchObject({ file: 'kg.csv', row: 4, column: '经度' });
    expect(res.issues[1]).toMatchObject({ row: 5, column: '编号' });
    expect(render('zh', res.issues[1].message)).toContain('重复');
  });
});
