/**
 * Saving is truthful: a failed write keeps the previous copy and says why; a change waits
 * as 'pending' until saved; a copy that fails to load is kept under its own key; a
 * second tab is read-only until it takes over.
 */
import { render } from '../../src/i18n';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Kindergarten } from '../../src/data/schema';
import { listRescued, loadProject, loadRecord, putRecord, rescuedFileText, storedRecord } from '../../src/data/project/project-store';
import { startAutosave } from '../../src/state/autosave';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';
import { startTabLock } from '../../src/state/tab-lock';
import type { Message } from '../../src/i18n';

/** The notice as the user reads it (Chinese). */
const shown = (x: Message | null): string => (x ? render('zh', x) : '');

const kg = (id: string): Kindergarten => ({
  id, name: id, type: 'public', lon: 109.8, lat: 40.65, classes: 6, places: 180, enrolled: 170, staff_total: 20, teachers: 12,
  carers: 6, tuo_ban_places: 0, land_area_m2: 2700, building_area_m2: 2400, street_code: '150203001', community_id: null, status: 'existing', operator: '区教育局',
});

async function storeWith(idb: IDBFactory, ids: string[]) {
  const s = createAppStore();
  s.getState().setIdb(idb);
  await s.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: ids.map(kg) }, district: null, meta: { name: '测试区' } });
  s.getState().setLoadState('ready');
  return s;
}

afterEach(() => vi.restoreAllMocks());

describe('a failed write keeps the previous copy and says so', () => {
  it('QuotaExceededError: 保存失败 with the reason, the old record intact', async () => {
    const idb = new IDBFactory();
    const s = await storeWith(idb, ['k1']);
    await s.getState().saveNow();
    expect(s.getState().saveState).toBe('saved');
    await s.getState().importLayer('kindergartens', [kg('k2')], 'append');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await s.getState().saveNow();
    expect(s.getState().saveState).toBe('error');
    expect(s.getState().saveError).toContain('浏览器存储空间不足');
    expect(shown(s.getState().projectMessage)).toContain('保存失败');
    vi.restoreAllMocks();
    const kept = await loadProject(idb);
    expect(kept && 'layers' in kept ? kept.layers.kindergartens.map((k) => k.id) : kept).toEqual(['k1']);
  });

  it('a write the browser only pretends to make (stamp not written) is a failure, not 已保存', async () => {
    const idb = new IDBFactory();
    const real = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const v = value as { key: string };
      // the stamp write "succeeds" without writing anything
      return real.call(this, v.key.endsWith(':stamp') ? { key: 'elsewhere' } : value, key);
    });
    await expect(putRecord(idb, storedRecord({ layers: emptyLayers(), settings: {}, savedAt: '2026-12-05T00:00:00.000Z' }))).rejects.toThrow('浏览器未写入');
  });
});

describe('autosave', () => {
  it('a change is pending until its save lands; a change during a save is saved after it', async () => {
    vi.useFakeTimers();
    try {
      const idb = new IDBFactory();
      const s = await storeWith(idb, ['k1']);
      const stop = startAutosave(s, 800, null);
      s.getState().setParams({ radiusM: 500 });
      expect(s.getState().saveState).toBe('pending');
      await vi.advanceTimersByTimeAsync(900);
      await vi.waitFor(() => expect(s.getState().saveState).toBe('saved'));
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a refused parameter edit changes nothing and names the field', async () => {
    const s = await storeWith(new IDBFactory(), ['k1']);
    s.getState().setParams({ radiusM: 1e9 });
    expect(s.getState().params.radiusM).toBe(300);
    expect(shown(s.getState().projectMessage)).toContain('params.radiusM（服务半径（米））');
    s.getState().setPlanSettings({ endYear: 1e16 });
    expect(s.getState().planSettings.endYear).toBe(2030);
    expect(shown(s.getState().projectMessage)).toContain('plan.endYear（规划末年）应为 2000–2100 的整数');
  });
});

describe('a saved copy that fails to load', () => {
  it('is kept under its own key, offered (as readable as it is), and survives the next autosave until discarded', async () => {
    const idb = new IDBFactory();
    const rec = storedRecord({ layers: { ...emptyLayers(), kindergartens: [kg('k1'), kg('k2')] }, settings: { plan: { scenarios: [], settings: { baseYear: 1e16 } } }, name: '坏区' });
    await putRecord(idb, rec);
    const s = createAppStore();
    s.getState().setIdb(idb);
    expect(await s.getState().restoreSaved()).toBe(false);
    expect(shown(s.getState().projectMessage)).toContain('settings.plan.settings.baseYear');
    const keys = await listRescued(idb);
    expect(keys).toHaveLength(1);
    expect(s.getState().rescuedKeys).toEqual(keys);
    // the sample's autosave overwrites 'current', not the copy
    await s.getState().setDataset({ layers: emptyLayers(), district: null, meta: null });
    await s.getState().saveNow();
    const copy = await s.getState().rescuedText(keys[0]);
    expect(copy?.name).toBe('坏区');
    expect(JSON.parse(copy!.text).layers.kindergartens.map((k: Kindergarten) => k.id)).toEqual(['k1', 'k2']);
    await s.getState().discardRescued(keys[0]);
    expect(await listRescued(idb)).toEqual([]);
  });

  it('one unreadable layer: the rest of the copy is still downloadable, the broken part named', async () => {
    const rec = storedRecord({ layers: { ...emptyLayers(), kindergartens: [kg('k1')] }, settings: { x: 1 } });
    (rec.packed!.communities as { length: number }).length = -5;
    rec.settingsJson = '{"x":';
    const r = await rescuedFileText(rec);
    expect(r.problems.map((x) => render('zh', x)).join()).toContain('小区');
    expect(r.problems.map((x) => render('zh', x)).join()).toContain('设置无法读取');
    const doc = JSON.parse(r.text);
    expect(doc.layers.kindergartens).toHaveLength(1);
    expect(doc.settings.unreadableSettingsText).toBe('{"x":');
    const idb = new IDBFactory();
    await putRecord(idb, rec);
    const s = createAppStore();
    s.getState().setIdb(idb);
    expect(await s.getState().restoreSaved()).toBe(false);
    expect(s.getState().rescuedKeys).toHaveLength(1);
    expect((await loadRecord(idb, s.getState().rescuedKeys[0]))?.settingsJson).toBe('{"x":');
  });
});

describe('two tabs', () => {
  /** Web Locks with steal, enough for one lock name. */
  function fakeLocks() {
    let holder: { abort: (e: Error) => void } | null = null;
    return {
      request(_name: string, opts: { ifAvailable?: boolean; steal?: boolean }, cb: (lock: unknown) => Promise<void> | void): Promise<unknown> {
        if (holder && opts.ifAvailable) return Promise.resolve(cb(null));
        return new Promise((resolve, reject) => {
          if (holder && opts.steal) holder.abort(Object.assign(new Error('stolen'), { name: 'AbortError' }));
          holder = { abort: reject };
          void Promise.resolve(cb({ name: _name })).then(resolve);
        });
      },
    };
  }
  it('the second tab is read-only and saves nothing; taking over makes the first read-only', async () => {
    const locks = fakeLocks();
    const idb = new IDBFactory();
    const a = await storeWith(idb, ['k1']);
    const b = await storeWith(idb, ['k1']);
    const la = startTabLock(a, locks)!;
    const lb = startTabLock(b, locks)!;
    expect(await la.ready).toBe(true);
    expect(await lb.ready).toBe(false);
    expect(render('zh', b.getState().readOnly!)).toContain('只读');
    await b.getState().importLayer('kindergartens', [kg('k-b')], 'append');
    await b.getState().saveNow();
    expect(await loadProject(idb)).toBeNull();
    await a.getState().saveNow();
    await lb.takeOver();
    expect(b.getState().readOnly).toBeNull();
    await vi.waitFor(() => expect(render('zh', a.getState().readOnly!)).toContain('接管'));
    // b now shows what a saved
    expect(b.getState().layers.kindergartens.map((k) => k.id)).toEqual(['k1']);
  });
});
