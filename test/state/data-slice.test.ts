import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConnector } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import type { Kindergarten } from '../../src/data/schema';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';

function kg(id: string, type: Kindergarten['type'], places: number, enrolled: number, status: Kindergarten['status'] = 'existing'): Kindergarten {
  return {
    id, name: `园${id}`, type, lon: 109.8, lat: 40.65, classes: places / 30, places, enrolled, staff_total: 10, teachers: 4,
    carers: 2, tuo_ban_places: 0, land_area_m2: null, building_area_m2: null, street_code: '150203001', community_id: null, status, operator: null,
  };
}

describe('data slice with real DuckDB', () => {
  let db: DbConnector;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => {
    await db.close();
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
    const [row] = await db.query<{ places: number }>('SELECT sum(places)::DOUBLE AS places FROM kindergartens');
    expect(row.places).toBe(180);
  });
});
