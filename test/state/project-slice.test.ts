import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../src/data/project/project-file';
import type { Kindergarten } from '../../src/data/schema';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';
import { render, type Message } from '../../src/i18n';

/** The notice as the user reads it (Chinese). */
const shown = (x: Message | null): string => (x ? render('zh', x) : '');

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
    expect(shown(s.getState().projectMessage)).toContain('坏文件.xwgh.json');
    expect(s.getState().layers).toBe(before);
    expect(await s.getState().openProjectText('{"format":', '截断.xwgh.json')).toBe(false);
    expect(shown(s.getState().projectMessage)).toContain('截断');
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

describe('project slice: crafted files and saved states never brick the app', () => {
  it('a project file whose rule table is malformed is refused naming the field; the current project stays', async () => {
    const s = createAppStore();
    await s.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg('k1', '甲园')] }, district: null, meta: { name: '现有' } });
    const bad = serializeProject({ layers: { ...emptyLayers(), kindergartens: [kg('k2', '乙园')] }, settings: { params: { ruleTable: { basis: 'residents', rules: [{ op: '>=', min: null, classes: 6 }] } } } });
    expect(await s.getState().openProjectText(bad, 'bad.xwgh.json')).toBe(false);
    expect(shown(s.getState().projectMessage)).toContain('settings.params.ruleTable.rules[0].min');
    expect(s.getState().layers.kindergartens.map((k) => k.id)).toEqual(['k1']);
    expect(s.getState().meta?.name).toBe('现有');
  });

  it('a project file without a rule table opens with the default one (migration)', async () => {
    const s = createAppStore();
    const old = serializeProject({ layers: { ...emptyLayers(), kindergartens: [kg('k2', '乙园')] }, settings: { params: { radiusM: 500 } } });
    expect(await s.getState().openProjectText(old, 'old.xwgh.json')).toBe(true);
    expect(s.getState().params.radiusM).toBe(500);
    expect(s.getState().params.ruleTable.rules.length).toBeGreaterThan(0);
  });

  it('a saved state that fails validation at start-up is not applied and is offered for download', async () => {
    const idb = new IDBFactory();
    const a = createAppStore();
    a.getState().setIdb(idb);
    await a.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg('k1', '甲园')] }, district: null, meta: { name: '测试区' } });
    // what an older build could have saved: a params object with a broken rule table
    a.setState({ params: { ...a.getState().params, ruleTable: { ...a.getState().params.ruleTable, rules: [{ op: '?' as '>=', min: 1, classes: 1, sourceZh: '' }] } } });
    await a.getState().saveNow();
    const b = createAppStore();
    b.getState().setIdb(idb);
    expect(await b.getState().restoreSaved()).toBe(false);
    expect(shown(b.getState().projectMessage)).toContain('settings.params.ruleTable.rules[0].op');
    expect(b.getState().layers.kindergartens).toEqual([]);
    expect(b.getState().rescuedProject?.layers.kindergartens.map((k) => k.id)).toEqual(['k1']);
  });
});
