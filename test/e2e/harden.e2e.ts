/**
 * No edit is lost and no file bricks the app (issue 21), in the built app: crafted
 * project / scenario / saved-state files, a failing write (quota), a pending save on
 * close, two tabs, a saved copy that fails to load, 汇报 with every screen hidden,
 * the 台账 import rules, a 100,000-row 台账 import saved within 10 s, DuckDB failing.
 * Small generated inputs; every test leaves the browser as a new user finds it.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { assert, assertEqual } from './assert';
import type { E2eContext, E2eTest } from './run-e2e';

const state = <T>(page: Page, expr: string) => page.evaluate(`(() => { const s = window.__xwghStore.getState(); return ${expr}; })()`) as Promise<T>;
const act = (page: Page, body: string) => page.evaluate(`(async () => { const s = window.__xwghStore.getState(); ${body} })()`);
const V1 = readFileSync(path.resolve('test/fixtures/project/v1-project.xwgh.json'), 'utf8');
const V1_SCENARIO = readFileSync(path.resolve('test/fixtures/project/v1-scenario.xwgh-scenario.json'), 'utf8');

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
}

/** Back to a new user's browser: no saved project, no rescued copies, the sample loaded. */
async function clean(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const req = indexedDB.open('xuewei-guihua', 1);
    const db = await new Promise((res, rej) => { req.onsuccess = () => res(req.result); req.onerror = () => rej(req.error); req.onupgradeneeded = () => req.result.createObjectStore('projects', { keyPath: 'key' }); });
    await new Promise((res, rej) => { const tx = db.transaction('projects', 'readwrite'); tx.objectStore('projects').clear(); tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
    db.close();
  })()`);
  await page.reload();
  await ready(page);
}

/** Put a raw record under `current` (as an older or damaged app would have left it). */
async function putRaw(page: Page, rec: unknown): Promise<void> {
  await page.evaluate(
    `(async (rec) => {
      const req = indexedDB.open('xuewei-guihua', 1);
      const db = await new Promise((res, rej) => { req.onsuccess = () => res(req.result); req.onerror = () => rej(req.error); req.onupgradeneeded = () => req.result.createObjectStore('projects', { keyPath: 'key' }); });
      await new Promise((res, rej) => { const tx = db.transaction('projects', 'readwrite'); tx.objectStore('projects').put(rec); tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
      db.close();
    })(${JSON.stringify(rec)})`,
  );
}

async function savedNow(page: Page, timeout = 15000): Promise<void> {
  await page.waitForFunction(`(() => { const s = window.__xwghStore.getState(); return s.saveState === 'saved' && s.savedDataVersion === s.dataVersion; })()`, null, { timeout });
}

const toast = (page: Page) => page.locator('[data-testid=toast]').textContent({ timeout: 10000 });

export const hardenTests: E2eTest[] = [
  {
    name: 'harden · 坏文件：baseYear 1e16 的项目文件与方案文件被拒绝，指明字段，当前项目不变',
    async run(ctx: E2eContext) {
      const { page } = ctx;
      const before = await state<number>(page, 's.layers.kindergartens.length');
      const doc = JSON.parse(V1);
      doc.settings.plan.settings.baseYear = 1e16;
      doc.settings.plan.open = true;
      await page.locator('[data-testid=data-menu]').click();
      // opening a file over the current project asks first
      page.once('dialog', (d) => void d.accept());
      await page.locator('[data-testid=project-input]').setInputFiles({ name: '坏项目.xwgh.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
      await page.waitForFunction(`(document.querySelector('[data-testid=toast]')?.textContent ?? '').includes('坏项目')`, null, { timeout: 10000 });
      const msg = (await toast(page)) ?? '';
      assert(msg.includes('settings.plan.settings.baseYear（规划基准年）应为 2000–2100 的整数'), `the message names the field: ${msg}`);
      assertEqual(await state<number>(page, 's.layers.kindergartens.length'), before, 'the current project is kept');
      // the scenario file, from the plan bar
      await page.locator('[data-testid=plan-open]').click();
      const sc = JSON.parse(V1_SCENARIO);
      sc.settings.endYear = 1e16;
      await page.locator('[data-testid=scenario-file]').setInputFiles({ name: '坏方案.xwgh-scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sc)) });
      await page.waitForFunction(`(document.querySelector('[data-testid=toast]')?.textContent ?? '').includes('坏方案')`, null, { timeout: 10000 });
      assert(((await toast(page)) ?? '').includes('settings.endYear（规划末年）应为 2000–2100 的整数'), 'the scenario file is refused naming the field');
      assertEqual(await state<number>(page, 's.planSettings.endYear'), 2030, 'plan settings unchanged');
      // a crafted 台账 history whose value does not fit its field (undo would have written it into a row)
      const crafted = JSON.parse(V1);
      crafted.settings.ledger.events[0] = { ...crafted.settings.ledger.events[0], field: 'households', from: '<b>垃圾</b>' };
      if ((await page.locator('[data-testid=project-input]').count()) === 0) await page.locator('[data-testid=data-menu]').click();
      page.once('dialog', (d) => void d.accept());
      await page.locator('[data-testid=project-input]').setInputFiles({ name: '坏历史.xwgh.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(crafted)) });
      await page.waitForFunction(`(document.querySelector('[data-testid=toast]')?.textContent ?? '').includes('坏历史')`, null, { timeout: 10000 });
      assert(((await toast(page)) ?? '').includes('settings.ledger.events[0].from 不是该字段的有效值'), 'the history is refused naming the event and field');
      assertEqual(await state<number>(page, 's.layers.kindergartens.length'), before, 'the current project is kept');
      // the version-1 file exported by main still opens
      if ((await page.locator('[data-testid=project-input]').count()) === 0) await page.locator('[data-testid=data-menu]').click();
      page.once('dialog', (d) => void d.accept());
      await page.locator('[data-testid=project-input]').setInputFiles({ name: 'v1.xwgh.json', mimeType: 'application/json', buffer: Buffer.from(V1) });
      await page.waitForFunction(`(document.querySelector('[data-testid=toast]')?.textContent ?? '').includes('已打开项目文件')`, null, { timeout: 15000 });
      assertEqual(await state<string[]>(page, 's.scenarios.map((x) => x.name)'), ['基准方案', '方案一'], 'the version-1 project opened with its scenarios');
      await act(page, 's.setPlanOpen(false);');
      await clean(page);
    },
  },
  {
    name: 'harden · 保存状态：已保存 / 保存中 / 保存失败（存储空间不足，旧副本保留，可导出）',
    async run(ctx) {
      const { page } = ctx;
      const status = page.locator('[data-testid=save-status]');
      await act(page, `await s.importLayer('kindergartens', [{ ...s.layers.kindergartens[0], id: 'e2e-first', name: '第一次保存' }], 'append');`);
      await savedNow(page);
      assert(((await status.textContent()) ?? '').startsWith('已保存'), 'the title bar says 已保存');
      // the write fails as on a full disk: IndexedDB throws QuotaExceededError (the write runs on the page for the stub)
      await page.evaluate(`(() => {
        window.__xwghStore.getState().setSaver(null);
        window.__realPut = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
      })()`);
      await act(page, `await s.importLayer('kindergartens', [{ ...s.layers.kindergartens[0], id: 'e2e-lost', name: '未能保存' }], 'append');`);
      assertEqual(await status.getAttribute('data-state'), 'pending', 'between the edit and its save: 保存中');
      await page.locator('[data-testid=save-status][data-state=error]').waitFor({ timeout: 10000 });
      const text = (await status.textContent()) ?? '';
      assert(text.includes('保存失败') && text.includes('浏览器存储空间不足'), `the failure and its reason: ${text}`);
      assert(await page.locator('[data-testid=save-failed-export]').isVisible(), 'an export button is offered');
      await page.screenshot({ path: path.join(ctx.shots, 'harden-save-failed.png') });
      await page.evaluate(`IDBObjectStore.prototype.put = window.__realPut`);
      // what the browser holds is the last good copy, not the failed one
      page.once('dialog', (d) => void d.accept());
      await page.reload();
      await ready(page);
      const ids = await state<string[]>(page, 's.layers.kindergartens.map((k) => k.id)');
      assert(ids.includes('e2e-first') && !ids.includes('e2e-lost'), 'the previous record was kept');
      await clean(page);
    },
  },
  {
    name: 'harden · 关闭前提示：保存未完成时离开页面会询问',
    async run(ctx) {
      const { page } = ctx;
      // the page's beforeunload handler, as the browser calls it on reload or close
      const leaving = () => page.evaluate(`(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; })()`) as Promise<boolean>;
      await act(page, `s.setParams({ radiusM: 450 });`);
      assertEqual(await leaving(), true, 'within 0.8 s of an edit, leaving asks first');
      await savedNow(page);
      assertEqual(await leaving(), false, 'once saved, leaving does not ask');
      await clean(page);
    },
  },
  {
    name: 'harden · 两个标签页：第二个只读，可接管；接管后第一个变为只读',
    async run(ctx) {
      // two tabs of one browser profile: one context, two pages
      const context = await ctx.page.context().browser()!.newContext({ viewport: { width: 1366, height: 768 } });
      const a = await context.newPage();
      const b = await context.newPage();
      try {
        await a.goto(ctx.url);
        await ready(a);
        await b.goto(ctx.url);
        await ready(b);
        await b.locator('[data-testid=readonly-banner]').waitFor({ timeout: 10000 });
        assertEqual(await b.locator('[data-testid=save-status]').getAttribute('data-state'), 'readonly', 'the second tab is read-only');
        await b.screenshot({ path: path.join(ctx.shots, 'harden-second-tab.png') });
        await act(a, `await s.importLayer('kindergartens', [{ ...s.layers.kindergartens[0], id: 'e2e-tab-a', name: '甲页的编辑' }], 'append');`);
        await savedNow(a);
        await b.locator('[data-testid=take-over]').click();
        await b.waitForFunction(`window.__xwghStore.getState().readOnly === null`, null, { timeout: 15000 });
        assert((await state<string[]>(b, 's.layers.kindergartens.map((k) => k.id)')).includes('e2e-tab-a'), 'taking over loads what the other tab saved');
        await a.locator('[data-testid=readonly-banner]').waitFor({ timeout: 10000 });
        assert(((await a.locator('[data-testid=readonly-banner]').textContent()) ?? '').includes('接管'), 'the first tab is told and becomes read-only');
        await b.close();
        // alone again, the first tab edits after a reload (the lock is free)
        await a.reload();
        await ready(a);
        assertEqual(await state<string | null>(a, 's.readOnly'), null, 'a single tab edits');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'harden · 保存的副本无法载入：另存、可下载、编辑后仍在，丢弃后消失',
    async run(ctx) {
      const { page } = ctx;
      // a saved state with the plan open and a year of 1e16 (it crashed the tab at every start)
      const doc = JSON.parse(V1);
      doc.settings.plan.settings.endYear = 1e16;
      doc.settings.plan.open = true;
      await putRaw(page, { key: 'current', savedAt: '2026-12-01T08:00:00.000Z', text: JSON.stringify(doc) });
      await page.reload();
      await ready(page);
      const banner = page.locator('[data-testid=rescued-banner]');
      await banner.waitFor({ timeout: 10000 });
      assert(((await toast(page)) ?? '').includes('settings.plan.settings.endYear'), 'the reason names the field');
      assertEqual(await state<boolean>(page, 's.planOpen'), false, 'the plan is not opened with the bad year');
      await page.screenshot({ path: path.join(ctx.shots, 'harden-rescued.png') });
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=download-rescued]').click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      assertEqual(JSON.parse(text).settings.plan.settings.endYear, 1e16, 'the download is the saved copy as it was');
      // the next edit (autosave of the sample) does not destroy it
      await act(page, `s.setParams({ radiusM: 420 });`);
      await savedNow(page);
      await page.reload();
      await ready(page);
      await banner.waitFor({ timeout: 10000 });
      page.once('dialog', (d) => void d.accept());
      await page.locator('[data-testid=discard-rescued]').click();
      await banner.waitFor({ state: 'detached', timeout: 10000 });
      await page.reload();
      await ready(page);
      assertEqual(await banner.count(), 0, 'discarded for good');
      await clean(page);
    },
  },
  {
    name: 'harden · 汇报：隐藏全部页面后仍有编辑与退出，Esc 可用',
    async run(ctx) {
      const { page } = ctx;
      await act(page, `for (const x of s.screens) s.updateScreen(x.id, { hidden: true });`);
      await page.locator('[data-testid=present-open]').click();
      await page.locator('[data-testid=present-editor]').waitFor({ timeout: 10000 });
      await page.keyboard.press('Escape');
      await page.locator('[data-testid=present-editor]').waitFor({ state: 'detached', timeout: 5000 });
      assert(await page.locator('[data-testid=present-empty]').isVisible(), 'the player says every screen is hidden');
      assert(await page.locator('[data-testid=present-edit]').isVisible(), '编辑页面 stays reachable');
      await page.screenshot({ path: path.join(ctx.shots, 'harden-present-empty.png') });
      await page.keyboard.press('Escape');
      await page.locator('[data-testid=present]').waitFor({ state: 'detached', timeout: 5000 });
      await act(page, `s.resetScreens();`);
      await clean(page);
    },
  },
  {
    name: 'harden · 台账导入：空白不清空、违反流程的行列出、未知编号需勾选才新增',
    async run(ctx) {
      const { page } = ctx;
      type C = { id: string; name: string; lon: number; lat: number; households: number; supporting_kg_status: string | null; responsible_unit: string | null };
      const rows = await state<C[]>(page, 's.layers.communities.map((c) => ({ id: c.id, name: c.name, lon: c.lon, lat: c.lat, households: c.households, supporting_kg_status: c.supporting_kg_status, responsible_unit: c.responsible_unit }))');
      const mayOpen = new Set(['handed_over', 'rectified', 'operating_public', 'operating_inclusive']);
      const bad = rows.find((r) => r.supporting_kg_status && !mayOpen.has(r.supporting_kg_status))!;
      const kept = rows.filter((r) => r.supporting_kg_status && r.id !== bad.id).slice(0, 3);
      const csv = [
        '小区编号,小区名称,经度,纬度,户数,配套园状态,责任单位',
        `${bad.id},${bad.name},${bad.lon},${bad.lat},${bad.households},operating_public,`,
        ...kept.map((r) => `${r.id},${r.name},${r.lon},${r.lat},${r.households},,e2e 责任单位`),
        `E2E-NEW,新建小区,${rows[0].lon},${rows[0].lat},300,,`,
      ].join('\n');
      await page.locator('[data-testid=tab-ledger]').click();
      await page.locator('[data-testid=ledger-import-file]').setInputFiles({ name: '台账更新.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('.imp-primary').waitFor({ timeout: 15000 });
      for (let k = 0; k < 4; k++) await page.locator('.imp-primary:not([disabled])').first().click({ timeout: 15000 });
      const review = page.locator('[data-testid=ledger-import-review]');
      await review.waitFor({ timeout: 15000 });
      const refused = (await page.locator('[data-testid=ledger-import-refused]').textContent()) ?? '';
      assert(refused.includes(bad.id) && refused.includes('尚未移交'), `the refused step is listed with the reason: ${refused}`);
      assert(((await page.locator('[data-testid=ledger-import-unknown]').textContent()) ?? '').includes('E2E-NEW'), 'the unknown 编号 is listed');
      await page.screenshot({ path: path.join(ctx.shots, 'harden-ledger-review.png') });
      await page.locator('[data-testid=ledger-import-add-unknown]').check();
      await page.locator('[data-testid=ledger-import-confirm]').click();
      await page.locator('.imp-ok').waitFor({ timeout: 15000 });
      await page.keyboard.press('Escape');
      const after = await state<C[]>(page, 's.layers.communities.map((c) => ({ id: c.id, supporting_kg_status: c.supporting_kg_status, responsible_unit: c.responsible_unit }))');
      const byId = new Map(after.map((r) => [r.id, r]));
      assertEqual(byId.get(bad.id)?.supporting_kg_status, bad.supporting_kg_status, 'the refused row is unchanged');
      for (const r of kept) {
        assertEqual(byId.get(r.id)?.supporting_kg_status, r.supporting_kg_status, `a blank status cell keeps ${r.id}'s status`);
        assertEqual(byId.get(r.id)?.responsible_unit, 'e2e 责任单位', 'the filled cell updates');
      }
      assert(byId.has('E2E-NEW'), 'the unknown 编号 was added because it was ticked');
      await clean(page);
    },
  },
  {
    name: 'harden · 数据库（DuckDB）启动失败：地图与自动保存照常',
    async run(ctx) {
      const context = await ctx.page.context().browser()!.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      try {
        // the DuckDB client chunk cannot be loaded (as on a broken proxy or an old cache)
        await context.route(/duckdb-browser-[^/]*\.js$/, (r) => r.abort());
        await page.goto(ctx.url);
        await ready(page);
        await page.waitForFunction(`(document.querySelector('[data-testid=toast]')?.textContent ?? '').includes('DuckDB')`, null, { timeout: 30000 });
        await act(page, `await s.importLayer('kindergartens', [{ ...s.layers.kindergartens[0], id: 'e2e-noduck', name: '无数据库时的编辑' }], 'append');`);
        await savedNow(page);
        assertEqual(await state<string>(page, 's.loadState'), 'ready', 'the app stays ready');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'harden · 10 万行台账导入：10 秒内保存，刷新后仍在',
    async run(ctx) {
      const { page } = ctx;
      // 100,000 communities on the map would take minutes in software GL: hide the layer, keep the rows
      await act(page, `s.toggleLayer('communities', false); s.toggleLayer('kg_status', false);`);
      // with DuckDB up, as a planner has it: the import also writes the ledger tables
      await page.waitForFunction(`window.__xwghStore.getState().db !== null`, null, { timeout: 60000 });
      const t0 = Date.now();
      await act(page, `
        const base = s.layers.communities[0];
        const mk = (i, v) => ({ ...base, id: 'B' + i, name: '小区' + i, lon: base.lon + (i % 300) * 1e-4, lat: base.lat + Math.floor(i / 300) * 1e-4, geometry: null, households: 500 + v, residents: 1200 + v, developer: '开发' + v, responsible_unit: '单位' + v, deadline: v ? '2026-06-30' : null, supporting_kg_status: 'not_planned', status_date: null, opened_date: null });
        await s.replaceLayer('communities', Array.from({ length: 100000 }, (_, i) => mk(i, 0)));
      `);
      await savedNow(page, 60000);
      const tImport = Date.now();
      const tImportPage = (await page.evaluate('Date.now()')) as number;
      await page.evaluate(`(() => { window.__saveLog = []; const t0 = performance.now(); new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 300) window.__saveLog.push('long ' + Math.round(e.startTime - t0) + '+' + Math.round(e.duration)); }).observe({ type: 'longtask' }); window.__xwghStore.subscribe((s, p) => { if (s.saveState !== p.saveState || s.dataVersion !== p.dataVersion || s.ledgerTablesVersion !== p.ledgerTablesVersion || s.resultVersion !== p.resultVersion) window.__saveLog.push(Math.round(performance.now() - t0) + ' ' + s.saveState + ' d' + s.dataVersion + ' l' + s.ledgerTablesVersion + ' r' + s.resultVersion); }); })()`);
      await act(page, `
        const t = performance.now();
        const rows = s.layers.communities.map((c) => ({ ...c, households: c.households + 1, residents: c.residents + 1, developer: '开发1', responsible_unit: '单位1', deadline: '2026-06-30', supporting_kg_status: 'planned' }));
        window.__big = await s.importLedgerRows(rows, ['households', 'residents', 'developer', 'responsible_unit', 'deadline', 'supporting_kg_status'], '大台账.xlsx');
        window.__bigImportMs = performance.now() - t;
      `);
      const importMs = await page.evaluate('Math.round(window.__bigImportMs)');
      const events = await state<number>(page, 's.ledgerEvents.length');
      console.log(`    100k rows: base save ${tImport - t0} ms, import ${importMs} ms (${Date.now() - tImport} ms from the test), ${events} events`);
      await savedNow(page, 600000);
      // when the write landed in IndexedDB (the save worker's clock), and when the page could say so
      const landedMs = ((await page.evaluate('window.__xwghTimings.lastSaveDoneAt')) as number) - tImportPage;
      const uiMs = Date.now() - tImport;
      const saveMs = landedMs;
      console.log(`    import → written ${landedMs} ms, → 已保存 shown ${uiMs} ms; ${await page.evaluate('window.__saveLog.join(" | ")')}; ${await page.evaluate('JSON.stringify(window.__xwghTimings)')}`);
      ctx.timings.ledger100kImportAndSave = saveMs;
      ctx.timings.ledger100kImportToSavedShown = uiMs;
      assert(events >= 600000, `the import recorded its history (${events} events)`);
      // the 10 s goal holds on an otherwise idle 2-core machine (CI); when other work shares the cores
      // (load average above 3) only a loose bound is checked and the figure is reported as such
      const load = loadavg()[0];
      const limit = load > 3 ? 30000 : 10000;
      if (limit > 10000) console.log(`    machine loaded (load average ${load.toFixed(1)}): the 10 s goal is not checked in this run`);
      assert(saveMs <= limit, `imported and written within ${limit / 1000} s (${saveMs} ms, load average ${load.toFixed(1)})`);
      await page.reload();
      await page.waitForSelector('.app[data-load-state=ready]', { timeout: 60000 });
      assertEqual(await state<number>(page, 's.ledgerEvents.length'), events, 'after a reload the history is back');
      assertEqual(await state<number>(page, 's.layers.communities.length'), 100000, 'and the rows');
      await clean(page);
    },
  },
];
