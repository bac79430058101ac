/** Layer rows → Arrow IPC → real DuckDB: every kind of value comes back as it went in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedToArrowIpc } from '../../src/data/arrow';
import type { DbConnector } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import type { PackedRows } from '../../src/data/import/packed-rows';
import type { Community } from '../../src/data/schema';
import { LAYERS } from '../../src/data/schema';
import { replaceLayerTable } from '../../src/data/tables';

function community(over: Partial<Community>): Community {
  const base = Object.fromEntries(LAYERS.communities.fields.map((fd) => [fd.name, null])) as unknown as Community;
  return { ...base, id: 'C', name: '小区', lon: 109.8, lat: 40.6, ...over };
}

describe('Arrow IPC from packed columns (real DuckDB)', () => {
  let db: DbConnector;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps text (Chinese, emoji, empty, null), numbers (null, NaN, ±Infinity → null), integers and booleans', async () => {
    const rows: Community[] = [
      community({ id: 'c1', name: '阳光小区（一期）', households: 1200, residents: 2808, supporting_kg_required: true, developer: '包头市某房地产开发有限公司' }),
      community({ id: 'c2', name: '😀 emoji 𠀀 小区', households: null as unknown as number, residents: 0, supporting_kg_required: false, developer: '' }),
      community({ id: 'c3', name: 'a"b\'c,d\ne', lon: Number.NaN as unknown as number, households: -5, supporting_kg_required: null, developer: null }),
      community({ id: 'c4', name: '', lat: Number.POSITIVE_INFINITY, built_year: 1965, handover_due: '2024-06-30' }),
    ];
    await replaceLayerTable(db, 'communities', rows);
    const got = await db.query<Record<string, unknown>>(
      'SELECT id, name, lon, lat, households, residents, built_year, developer, supporting_kg_required AS req, handover_due FROM communities ORDER BY id',
    );
    expect(got).toEqual([
      { id: 'c1', name: '阳光小区（一期）', lon: 109.8, lat: 40.6, households: 1200, residents: 2808, built_year: null, developer: '包头市某房地产开发有限公司', req: true, handover_due: null },
      { id: 'c2', name: '😀 emoji 𠀀 小区', lon: 109.8, lat: 40.6, households: null as unknown as number, residents: 0, built_year: null, developer: '', req: false, handover_due: null },
      { id: 'c3', name: 'a"b\'c,d\ne', lon: null, lat: 40.6, households: -5, residents: null, built_year: null, developer: null, req: null, handover_due: null },
      { id: 'c4', name: '', lon: 109.8, lat: null, households: null, residents: null, built_year: 1965, developer: null, req: null, handover_due: '2024-06-30' },
    ]);
  });

  it('expands dictionary text columns (街道代码 of a large import)', async () => {
    const n = 5;
    const num = (xs: number[]) => ({ kind: 'num' as const, values: Float64Array.from(xs) });
    const packed: PackedRows = {
      layer: 'population',
      length: n,
      columns: {
        id: { kind: 'text', joined: 'p1p2p3p4p5', lengths: Int32Array.from([2, 2, 2, 2, 2]) },
        lon: num([109.8, 109.81, 109.82, 109.83, 109.84]),
        lat: num([40.6, 40.6, 40.6, 40.6, 40.6]),
        cell_size_m: num([200, 200, 200, 200, 200]),
        residents: num([100, 200, 300, 400, Number.NaN]),
        children_0_2: num([1, 2, 3, 4, 5]),
        children_3_5: num([3, 6, 9, 12, 15]),
        year: num([2020, 2020, 2020, 2020, 2020]),
        street_code: { kind: 'dict', values: ['150203001', '昆北街道'], codes: Int32Array.from([0, 1, -1, 1, 0]) },
      },
    };
    await db.query('DROP TABLE IF EXISTS pop_ipc');
    await db.insertArrowIpc('pop_ipc', packedToArrowIpc(packed));
    const got = await db.query<{ id: string; street_code: string | null; residents: number | null; year: number }>('SELECT id, street_code, residents, year FROM pop_ipc ORDER BY id');
    expect(got.map((r) => r.street_code)).toEqual(['150203001', '昆北街道', null, '昆北街道', '150203001']);
    expect(got.map((r) => r.residents)).toEqual([100, 200, 300, 400, null]);
    expect(got.map((r) => r.year)).toEqual([2020, 2020, 2020, 2020, 2020]);
  });
});
