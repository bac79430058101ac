import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { render, type Message } from '../../../src/i18n';

/** An { error: Message } result with the error rendered in Chinese (for the wording checks). */
const zhError = <T extends object>(r: T): T | { error: string } => ('error' in r ? { error: render('zh', r.error as Message) } : r);
import { parseProject, projectFileName, serializeProject, type Project } from '../../../src/data/project/project-file';
import { clearProject, loadProject, openProjectDb, saveProject } from '../../../src/data/project/project-store';
import { SAMPLE } from '../export/sample-rows';

const PROJECT: Project = {
  name: '昆都仑区学位规划',
  layers: SAMPLE,
  settings: { radiusM: 300, scenarios: [{ id: 's1', name: '方案一', closed: ['K3'], notes: '<b>不是标记</b>' }], nested: { a: [1, 2, { b: null }] } },
};

describe('project file (.xwgh.json)', () => {
  it('export then import gives identical tables and settings', () => {
    const text = serializeProject(PROJECT);
    const res = parseProject(text, 'p.xwgh.json');
    if ('error' in res) throw new Error(render('zh', res.error));
    expect(res.project.layers).toEqual(SAMPLE);
    expect(res.project.settings).toEqual(PROJECT.settings);
    expect(res.project.name).toBe(PROJECT.name);
    expect(JSON.parse(text)).toMatchObject({ format: 'xuewei-guihua-project', version: 2 });
  });

  it('refuses bad files with a Chinese message naming the file', () => {
    const cases: [string, RegExp][] = [
      ['', /p\.xwgh\.json.*不完整|p\.xwgh\.json.*JSON/],
      [serializeProject(PROJECT).slice(0, 200), /被截断/],
      ['[1,2]', /不是学位规划项目文件/],
      ['{"format":"other"}', /缺少格式标记/],
      [JSON.stringify({ format: 'xuewei-guihua-project', version: 99, layers: {} }), /版本（99）高于/],
      [JSON.stringify({ format: 'xuewei-guihua-project', version: 1 }), /缺少图层数据/],
      [JSON.stringify({ format: 'xuewei-guihua-project', version: 1, layers: { kindergartens: {} } }), /不是数组/],
    ];
    for (const [text, re] of cases) {
      const res = parseProject(text, 'p.xwgh.json');
      expect('error' in res && render('zh', res.error), text.slice(0, 40)).toMatch(re);
      if ('error' in res) expect(render('zh', res.error)).toContain('p.xwgh.json');
    }
  });

  it('validates every row through the schema', () => {
    const bad = JSON.parse(serializeProject(PROJECT));
    bad.layers.kindergartens[1].places = 'many';
    const res = parseProject(JSON.stringify(bad), 'bad.xwgh.json');
    expect('error' in res && render('zh', res.error)).toMatch(/“幼儿园”图层第 2 条记录有误.*“many”不是数字/);
  });

  it('names files with the extension', () => {
    expect(projectFileName('昆都仑/区', new Date(2026, 2, 1))).toBe('昆都仑_区_2026-03-01.xwgh.json');
  });
});

describe('project in IndexedDB', () => {
  it('survives a reload (save, reopen, load) and can be cleared', async () => {
    const factory = new IDBFactory();
    expect(await loadProject(factory)).toBeNull();
    await saveProject(factory, PROJECT);
    const loaded = await loadProject(factory);
    expect(loaded && 'layers' in loaded ? loaded.layers : loaded).toEqual(SAMPLE);
    expect(loaded && 'settings' in loaded ? loaded.settings : null).toEqual(PROJECT.settings);
    await saveProject(factory, { ...PROJECT, layers: { ...SAMPLE, population: [] } });
    const again = await loadProject(factory);
    expect(again && 'layers' in again ? again.layers.population : null).toEqual([]);
    await clearProject(factory);
    expect(await loadProject(factory)).toBeNull();
  });

  async function putRaw(factory: IDBFactory, rec: unknown): Promise<void> {
    const db = await openProjectDb(factory);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('projects', 'readwrite');
      tx.objectStore('projects').put(rec);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }

  it('still loads a copy saved as file text by an earlier version', async () => {
    const factory = new IDBFactory();
    await putRaw(factory, { key: 'current', savedAt: '2026-11-01T00:00:00Z', text: serializeProject(PROJECT) });
    const loaded = await loadProject(factory);
    expect(loaded && 'layers' in loaded ? loaded.layers : loaded).toEqual(SAMPLE);
  });

  it('says a damaged stored copy is damaged instead of loading part of it', async () => {
    const factory = new IDBFactory();
    await saveProject(factory, PROJECT);
    const db = await openProjectDb(factory);
    const rec = await new Promise<Record<string, unknown>>((resolve) => {
      const r = db.transaction('projects').objectStore('projects').get('current');
      r.onsuccess = () => resolve(r.result as Record<string, unknown>);
    });
    db.close();
    const packed = rec.packed as Record<string, { columns: Record<string, { values: Float64Array }> }>;
    packed.kindergartens.columns.places.values = new Float64Array(1);
    await putRaw(factory, rec);
    expect(zhError((await loadProject(factory)) as { error: Message })).toEqual({ error: '浏览器中保存的项目已损坏（“幼儿园”图层不完整）' });
  });
});
