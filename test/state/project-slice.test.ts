import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../src/data/project/project-file';
import type { Kindergarten } from '../../src/data/schema';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';

const kg = (id: string, name: string): Kindergarten => ({
  id, name, type: 'public', lon: 109.8, lat: 40.65, classes: 6, places: 180, enrolled: 170, staff_total: 20, teachers: 12,
  carers: 6, tuo_ban_places: 0, land_area_m2: 2700, building_area_m2: 2400, street_code: '150203001', community_id: null, status: 'existing', operator: '区教育局',
});

describe('project slice: saved in the browser, restored, opened from a file', () => {
  it('restores layers and settings saved in IndexedDB', async () => {
    const idb = new IDBFactory();
    const a = createAppStore();
    a.getState().setIdb(idb);
    await a.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg('k1', '甲园')] }, district: null, meta: { name: '测试区' } });
    a.getState().setParams({ radiusM: 500 });
    await a.getState().saveNow();
    const b = createAppStore();
    b.getState().setIdb(idb);
    expect(await b.getState().restoreSaved()).toBe(true);
    expect(b.getState().layers.kindergartens).toEqual([kg('k1', '甲园')]);
    expect(b.getState().params.radiusM).toBe(500);
    expect(b.getState().meta?.name).toBe('测试区');
  });

  it('a bad project file is refused with a Chinese message and changes nothing', async () => {
    const s = createAppStore();
    await s.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg('k1', '甲园')] }, district: null, meta: null });
    const before = s.getState().layers;
    expect(await s.getState().openProjectText('{"format":"xuewei-guihua-project","version":1,"layers":{"kindergartens":[{"id":"x"}]}', '坏文件.xwgh.json')).toBe(false);
    expect(s.getState().projectMessage).toContain('坏文件.xwgh.json');
    expect(s.getState().layers).toBe(before);
    expect(await s.getState().openProjectText('{"format":', '截断.xwgh.json')).toBe(false);
    expect(s.getState().projectMessage).toContain('截断');
  });

  it('a project file export followed by an import gives identical tables', async () => {
    const a = createAppStore();
    await a.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg('k1', '甲园'), kg('k2', '=SUM(A1)')] }, district: null, meta: null });
    const text = serializeProject(a.getState().toProject());
    const b = createAppStore();
    expect(await b.getState().openProjectText(text, 'p.xwgh.json')).toBe(true);
    expect(b.getState().layers).toEqual(a.getState().layers);
  });
});
