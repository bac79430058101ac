import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConnector } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import type { Kindergarten, LayerRows, PopulationCell } from '../../src/data/schema';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';

function kg(id: string, type: Kindergarten['type'], places: number, enrolled: number, status: Kindergarten['status'] = 'existing'): Kindergarten {
  return {
    id, name: `园${id}`, type, lon: 109.8, lat: 40.65, classes: places / 30, places, enrolled, staff_total: 10, teachers: 4,
    carers: 2, tuo_ban_places: 0, land_area_m2: null, building_area_m2: null, street_code: '150203001', community_id: null, status, operator: null,
  };
}

function cell(id: string, residents: number, children: number): PopulationCell {
  return { id, lon: 109.8, lat: 40.65, cell_size_m: 200, residents, children_0_2: 0, children_3_5: children, year: 2020, street_code: '150203001' };
}

describe('data slice with real DuckDB', () => {
  let db: DbConnector;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('computes district totals in SQL: only existing kindergartens count', async () => {
    const store = createAppStore();
    await store.getState().attachDb(db);
    const layers: LayerRows = {
      ...emptyLayers(),
      kindergartens: [kg('a', 'public', 180, 170), kg('b', 'private', 270, 280), kg('c', 'public', 360, 0, 'planned')],
      population: [cell('p1', 1000, 30), cell('p2', 500, 12)],
    };
    await store.getState().setDataset({ layers, district: null, meta: null });
    // 180 + 270 = 450 places, 170 + 280 = 450 enrolled; the planned one is not counted
    expect(store.getState().summary).toEqual({ kindergartens: 2, places: 450, enrolled: 450, children_3_5: 42, residents: 1500, communities: 0 });
    expect(store.getState().typeBreakdown.map((r) => [r.type, r.n, r.places])).toEqual([
      ['private', 1, 270],
      ['public', 1, 180],
    ]);
  });

  it('a failed layer replacement changes nothing', async () => {
    const store = createAppStore();
    await store.getState().attachDb(db);
    await store.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg('a', 'public', 180, 170)] }, district: null, meta: null });
    const before = store.getState().layers.kindergartens;
    const broken = { ...db, insertArrowIpc: async () => Promise.reject(new Error('boom')) } as DbConnector;
    store.setState({ db: broken });
    await expect(store.getState().replaceLayer('kindergartens', [kg('z', 'public', 90, 10)])).rejects.toThrow('boom');
    expect(store.getState().layers.kindergartens).toBe(before);
    store.setState({ db });
    await store.getState().refreshSummary();
    expect(store.getState().summary?.places).toBe(180);
  });
});
