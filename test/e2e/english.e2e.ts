/**
 * English mode shows no Chinese except proper names and data (issue 18): a walk through every
 * screen a planner can reach, in English, collecting what is on screen — the text of visible
 * elements, their title / placeholder / aria-label / alt, the values of visible inputs, the
 * options of visible selects, and the text ECharts draws on its canvases (recorded from
 * fillText, as the charts render to canvas) — and failing on any Chinese character left once
 * the data's own strings (names from the sample files and from the store) are taken out, on a
 * raw catalogue key and on an unfilled `{value}`. The CLI (`analyze --lang en`) is checked the
 * same way. Prints a report per screen; with EN_SHOTS=1 the English screenshots go to test-results/en-*.png.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { exportLedgerXlsx } from '../../src/data/export/ledger-xlsx';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { isMessageKey, MESSAGE_KEYS, msg } from '../../src/i18n';
import type { E2eTest } from './run-e2e';

/** Chinese characters, Chinese punctuation and full-width forms (（）：，、 and ㎡ have no place in English text). */
const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
const CJK_RUNS = /[\u2e80-\u2fff\u3000-\u303f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+/g;
/** A screenshot of every screen (test-results/en-*.png) only with EN_SHOTS=1: they are for looking, the check reads the DOM. */
const SHOTS = process.env.EN_SHOTS === '1';
/** Texts that are Chinese by design in every language. */
const ALWAYS_ALLOWED = ['学位规划', '中文'];

interface Item {
  kind: string;
  text: string;
  context?: string;
}
interface Finding {
  screen: string;
  kind: string;
  text: string;
  left: string;
  why: 'chinese' | 'raw key' | 'unfilled value';
  context?: string;
}
interface ScreenReport {
  name: string;
  checked: number;
  bad: Finding[];
  error?: string;
}

// ---------------------------------------------------------------------------------------------
// The allowed set: every Chinese string of the sample files (names, operators, developers …)

function cjkStringsOf(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') {
    if (CJK.test(v)) out.add(v.trim());
  } else if (Array.isArray(v)) for (const x of v) cjkStringsOf(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) cjkStringsOf(x, out);
}

export function sampleDataStrings(dir = path.resolve('data')): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(dir)) {
    const file = path.join(dir, f);
    if (f.endsWith('.csv')) {
      const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
      cjkStringsOf(rows, out);
    } else if (f.endsWith('.geojson')) {
      const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
      for (const ft of fc.features) cjkStringsOf(ft.properties, out);
    } else if (f === 'sample-meta.json') {
      // the dataset's name is shown as the district's; note_zh is the Chinese twin of note_en (not data);
      // the Chinese inside note_en are the proper names it quotes (包钢十七园/十八园)
      const meta = JSON.parse(readFileSync(file, 'utf8')) as { name: string; note_en: string };
      out.add(meta.name);
      for (const run of meta.note_en.match(CJK_RUNS) ?? []) out.add(run);
    }
  }
  return out;
}

/** Names the app holds at runtime (imported or edited rows, the dataset, notes and names typed by the user). */
const STORE_STRINGS_JS = `(() => {
  const s = window.__xwghStore.getState();
  const out = new Set();
  const cjk = /[\\u3400-\\u9fff]/;
  const add = (v) => { if (typeof v === 'string' && cjk.test(v)) out.add(v.trim()); };
  for (const rows of Object.values(s.layers)) for (const r of rows) for (const v of Object.values(r)) add(v);
  add(s.meta && s.meta.name);
  for (const e of s.ledgerEvents || []) { add(e.note); add(e.by); }
  return [...out];
})()`;

/** `text` with the allowed strings taken out, longest first (a name inside a sentence goes, the sentence stays). */
function leftover(text: string, allowed: string[]): string {
  let t = text.replace(/《[^》]*》/g, ' ');
  if (!CJK.test(t)) return '';
  for (const a of allowed) {
    if (t.includes(a)) {
      t = t.split(a).join(' ');
      if (!CJK.test(t)) return '';
    }
  }
  return (t.match(CJK_RUNS) ?? []).join(' … ');
}

// raw keys: a dotted token that is a catalogue key, or looks like one (a known first segment and two dots)
const PREFIXES = new Set(MESSAGE_KEYS.filter((k) => k.includes('.')).map((k) => k.split('.')[0]));
// an undotted key is flagged only when camelCase (`dataNotice`): a plain word (`places`) is English too
const UNDOTTED = new Set<string>(MESSAGE_KEYS.filter((k) => !k.includes('.') && /[A-Z]/.test(k) && msg('en', k) !== k));

function rawKeyIn(text: string): string | null {
  if (UNDOTTED.has(text)) return text;
  for (const tok of text.match(/\b[a-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9_]*)+\b/g) ?? []) {
    if (isMessageKey(tok)) return tok;
    if (tok.split('.').length >= 3 && PREFIXES.has(tok.split('.')[0]) && !/\.(json|csv|geojson|xlsx|zip|shp|pdf|png|pptx|docx)$/.test(tok)) return tok;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// In the page: what is on screen

/** Records the text ECharts (and anything else) draws on each canvas; a full clear starts the list again. */
const CANVAS_TEXT_INIT = `(() => {
  const rec = new WeakMap();
  const P = CanvasRenderingContext2D.prototype;
  for (const fn of ['fillText', 'strokeText']) {
    const orig = P[fn];
    P[fn] = function (t, ...rest) {
      try { let s = rec.get(this.canvas); if (!s) { s = new Set(); rec.set(this.canvas, s); } s.add(String(t)); } catch (e) {}
      return orig.call(this, t, ...rest);
    };
  }
  const clear = P.clearRect;
  P.clearRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height) rec.get(this.canvas)?.clear();
    return clear.call(this, x, y, w, h);
  };
  window.__canvasText = (c) => [...(rec.get(c) || [])];
})()`;

const COLLECT_JS = `(() => {
  const out = [];
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const vis = (el) => el.getClientRects().length > 0 && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  if (document.title) out.push({ kind: 'document.title', text: norm(document.title) });
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'svg' || el.closest('svg')) {
      if (tag === 'text' || tag === 'title' || tag === 'tspan') { const t = norm(el.textContent); if (t && el.closest('svg') && vis(el.closest('svg'))) out.push({ kind: 'svg', text: t }); }
      continue;
    }
    if (tag === 'OPTION' || tag === 'OPTGROUP') {
      const sel = el.closest('select');
      const t = norm(tag === 'OPTION' ? el.textContent : el.getAttribute('label'));
      if (sel && vis(sel) && t) out.push({ kind: 'option', text: t });
      continue;
    }
    if (!vis(el)) continue;
    let own = '';
    for (const n of el.childNodes) if (n.nodeType === 3) own += n.nodeValue;
    own = norm(own);
    if (own) out.push({ kind: 'text', text: own, context: norm(el.innerText).slice(0, 160) });
    for (const a of ['title', 'placeholder', 'aria-label', 'alt']) {
      const v = norm(el.getAttribute(a));
      if (v) out.push({ kind: a, text: v });
    }
    if ((tag === 'INPUT' && ['text', 'search', 'button', 'submit', ''].includes(el.getAttribute('type') || '')) || tag === 'TEXTAREA') {
      const v = norm(el.value);
      if (v) out.push({ kind: 'value', text: v.slice(0, 400) });
    }
    if (tag === 'CANVAS' && el.closest('[_echarts_instance_]')) for (const t of window.__canvasText(el)) if (norm(t)) out.push({ kind: 'chart', text: norm(t) });
  }
  return out;
})()`;

// ---------------------------------------------------------------------------------------------
// The walk

const st = <T>(page: Page, expr: string) => page.evaluate(`(() => { const s = window.__xwghStore.getState(); return ${expr}; })()`) as Promise<T>;
const act = (page: Page, body: string) => page.evaluate(`(async () => { const s = window.__xwghStore.getState(); ${body} })()`);
const frames = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
const waitState = (page: Page, cond: string, timeout = 30000) => page.waitForFunction(`(() => { const s = window.__xwghStore.getState(); return ${cond}; })()`, null, { timeout });
const ANALYSIS_DONE = `s.analysisState === 'done' && s.result !== null && s.resultVersion === s.dataVersion`;
const PLAN_DONE = `s.planOpen && s.planState === 'done' && Boolean(s.planResults[s.currentScenarioId])`;

/**
 * Close whatever modal is open: Esc, then (when it is still there once React has committed and
 * painted) its close / cancel button. Waiting out a timeout for Esc cost a second per dialog that
 * does not close on Esc (the import dialog).
 */
async function closeModal(page: Page, sel: string): Promise<void> {
  const loc = page.locator(sel);
  if ((await loc.count()) === 0) return;
  await page.keyboard.press('Escape');
  await frames(page);
  if ((await loc.count()) === 0) return;
  const btn = loc.locator('button').filter({ hasText: /^\s*(close|cancel|关闭|取消|×|✕)\s*$/i });
  if (await btn.count()) await btn.last().click({ timeout: 5000 }).catch(() => {});
  await loc.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
}

async function hoverAt(page: Page, lon: number, lat: number): Promise<boolean> {
  const box = (await page.locator('[data-testid=map]').boundingBox())!;
  const p = (await page.evaluate(`window.__xwghMap.project([${lon}, ${lat}])`)) as { x: number; y: number };
  if (p.x < 40 || p.y < 40 || p.x > box.width - 60 || p.y > box.height - 60) return false;
  await page.mouse.move(box.x + p.x - 3, box.y + p.y - 3);
  await page.mouse.move(box.x + p.x, box.y + p.y);
  return page.locator('[data-testid=tooltip]').waitFor({ timeout: 2500 }).then(() => true, () => false);
}

/** Hover the first of `points` (nearest the map centre first) that shows a tooltip, then click it. */
async function hoverAndClick(page: Page, points: [number, number][]): Promise<void> {
  const c = (await page.evaluate('(() => { const c = window.__xwghMap.getCenter(); return [c.lng, c.lat]; })()')) as [number, number];
  const sorted = [...points].sort((a, b) => Math.hypot(a[0] - c[0], a[1] - c[1]) - Math.hypot(b[0] - c[0], b[1] - c[1]));
  for (const [lon, lat] of sorted.slice(0, 8)) {
    if (await hoverAt(page, lon, lat)) return;
  }
  throw new Error('no tooltip at any of the eight points nearest the centre');
}

async function clickHovered(page: Page): Promise<void> {
  const pos = (await page.evaluate('(() => { const b = document.querySelector("[data-testid=map]").getBoundingClientRect(); const h = window.__xwghStore.getState().hovered; return h ? [b.x + h.x, b.y + h.y] : null; })()')) as [number, number] | null;
  if (!pos) throw new Error('nothing hovered');
  await page.mouse.click(pos[0], pos[1]);
  await page.locator('[data-testid=detail-panel]').waitFor({ timeout: 5000 });
}

async function setToggle(page: Page, key: string, on: boolean): Promise<void> {
  const t = page.locator(`[data-testid=toggle-${key}]`);
  if ((await t.count()) && (await t.isChecked()) !== on) await t.click();
}

const IMPORT_STEP_JS = `(() => [...document.querySelectorAll('.imp-steps li')].findIndex((x) => x.classList.contains('imp-current')) + 1)()`;
/** Nothing running and the current step shown: its body filled in (the file read) or an error (the list of steps alone comes before the read starts). */
const IMPORT_IDLE_JS = `(() => !document.querySelector('.imp-progress') && !!document.querySelector('.imp-steps li.imp-current') && ((document.querySelector('.imp-body')?.children.length ?? 0) > 0 || !!document.querySelector('.imp-error-text')))()`;

/** Steps through the import dialog (collecting each step) up to step `last`, as far as it goes without choices. */
async function walkImport(page: Page, shot: (name: string) => Promise<void>, prefix: string, last: number): Promise<number> {
  for (;;) {
    await page.waitForFunction(IMPORT_IDLE_JS, null, { timeout: 20000 });
    const k = (await page.evaluate(IMPORT_STEP_JS)) as number;
    await shot(`${prefix}-step${k}`);
    const next = page.locator('.imp-primary:not([disabled])').first();
    if (k < last && !(await next.count()) && (await page.locator('.imp-crs select').count())) {
      // no silent default when the coordinate system is uncertain: the user picks one (the sample is WGS84)
      await page.locator('.imp-crs select').selectOption('wgs84');
      await next.waitFor({ timeout: 10000 });
      await shot(`${prefix}-step${k}-chosen`);
    }
    if (k >= last || !(await next.count())) return k;
    await next.click({ timeout: 10000 });
    await page.waitForFunction(`${IMPORT_STEP_JS} > ${k} || !!document.querySelector('.imp-error-text')`, null, { timeout: 20000 });
  }
}

function cliRun(args: string[]): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn('npx', ['tsx', 'scripts/analyze.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (status) => resolve({ status, out, err }));
  });
}

/**
 * Where to look to translate a text: the src files holding it literally (English with Chinese
 * glued in is usually in one file as is), else those holding most of its Chinese runs (two
 * characters or more), UI files first on a tie. A lone 个 / 人 / ㎡ / （ is glued at runtime.
 */
function sourceIndex(): (text: string, left: string) => string[] {
  const files: [string, string][] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|html)$/.test(f) && !p.includes(`${path.sep}i18n${path.sep}`)) files.push([path.relative(process.cwd(), p), readFileSync(p, 'utf8')]);
    }
  };
  walk(path.resolve('src'));
  walk(path.resolve('scripts'));
  files.push(['index.html', readFileSync(path.resolve('index.html'), 'utf8')]);
  const rank = (f: string) => ['src/ui/', 'src/map/', 'src/state/', 'src/data/', 'src/analysis/', 'scripts/'].findIndex((p) => f.startsWith(p));
  return (text, left) => {
    const literal = files.filter(([, t]) => t.includes(text)).map(([f]) => f);
    if (literal.length > 0) return literal.slice(0, 3);
    const runs = [...new Set(left.split(' … '))].filter((r) => [...r].filter((c) => /[\u3400-\u9fff]/.test(c)).length >= 2);
    if (runs.length === 0) return ['(a unit or punctuation glued on at runtime)'];
    const scored = files
      .map(([f, t]) => ({ f, score: runs.reduce((n, r) => n + (t.includes(r) ? r.length : 0), 0) }))
      .filter((x) => x.score > 0)
      .sort((x, y) => y.score - x.score || rank(x.f) - rank(y.f));
    return scored.filter((x) => x.score === scored[0]?.score).slice(0, 3).map((x) => x.f);
  };
}

export const englishTests: E2eTest[] = [
  {
    name: 'english · every screen in English: no Chinese except proper names and data (issue 18)',
    async run(ctx) {
      const t0 = Date.now();
      const cli = cliRun(['--data', 'data', '--lang', 'en', '--year', '2030']);
      const browser = ctx.page.context().browser()!;
      // a browser context of its own: a new user's storage, text recorded on every canvas from the start
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
      await context.addInitScript(CANVAS_TEXT_INIT);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      page.on('dialog', (d) => void d.accept());
      const fileAllowed = sampleDataStrings();
      const userStrings = new Set<string>(); // file names and texts this walk types in (user data)
      const tmp = mkdtempSync(path.join(tmpdir(), 'xwgh-en-'));
      const reports: ScreenReport[] = [];
      const collected: { screen: string; items: Item[] }[] = [];
      const shotMs: number[] = [];
      let languageNote = '';

      const shot = async (name: string): Promise<void> => {
        await frames(page);
        const items = (await page.evaluate(COLLECT_JS)) as Item[];
        collected.push({ screen: name, items });
        if (!SHOTS) return;
        const s0 = Date.now();
        await page.screenshot({ path: path.join(ctx.shots, `en-${name}.png`) });
        shotMs.push(Date.now() - s0);
      };
      /** one screen (or a group): a failure to reach it is reported, the walk goes on */
      const stepMs: string[] = [];
      const step = async (name: string, fn: () => Promise<void>): Promise<void> => {
        const s0 = Date.now();
        try {
          await fn();
          stepMs.push(`${name} ${((Date.now() - s0) / 1000).toFixed(1)}`);
        } catch (e) {
          stepMs.push(`${name} ${((Date.now() - s0) / 1000).toFixed(1)} (failed)`);
          reports.push({ name, checked: 0, bad: [], error: (e as Error).message.split('\n')[0] });
          await page.screenshot({ path: path.join(ctx.shots, `en-${name}-unreached.png`) }).catch(() => {});
          for (const sel of ['.modal-back', '[data-testid=sql-console]', '[data-testid=print-composer]', '.imp-dialog', '[data-testid=present]']) await closeModal(page, sel).catch(() => {});
        }
      };

      try {
        await page.goto(ctx.url);
        await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
        await waitState(page, ANALYSIS_DONE);
        // a second tab of the same project (read-only, with the take-over banner) loads while this one walks
        const second = await context.newPage();
        second.on('pageerror', (e) => pageErrors.push(`second tab: ${String(e)}`));
        const secondLoaded = second.goto(ctx.url).then(() => second.waitForSelector('.app[data-load-state=ready]', { timeout: 60000 }));
        secondLoaded.catch(() => {});
        // the newest tab is the one Chromium paints: a tab behind it gets about one animation frame a
        // second, and every frame wait, raf-polled waitForFunction and map redraw of the walk crawls
        // (279 s instead of ~40). The walking tab goes in front; the second one when its turn comes.
        await page.bringToFront();
        // the title bar's language button
        await page.locator('[data-testid=lang-switch]').click();
        await page.locator('.app[lang=en]').waitFor({ timeout: 5000 });
        await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=sum-places-value]')?.textContent ?? ''), null, { timeout: 30000 });

        await step('main', async () => {
          await shot('main');
        });
        await step('layers-legend', async () => {
          // every layer on at once (one redraw): the legend shows all its entries
          const before = await st<Record<string, boolean>>(page, 's.visible');
          await act(page, `for (const k of Object.keys(s.visible)) s.toggleLayer(k, true);`);
          await shot('layers-all-on');
          await page.evaluate(`(() => { const s = window.__xwghStore.getState(); const v = ${JSON.stringify(before)}; for (const k of Object.keys(v)) s.toggleLayer(k, v[k]); })()`);
        });
        await step('indicator-explain', async () => {
          await page.locator('[data-testid=figure-gross_enrolment_rate] button').first().click();
          await page.locator('[data-testid=explain-gross_enrolment_rate]').waitFor({ timeout: 5000 });
          await shot('indicator-explain');
        });

        // hover tooltip and detail panel: a kindergarten, a community, a 街道
        const layers = await st<{ kg: [number, number][]; com: [number, number][]; pop: [number, number][] }>(
          page,
          `({ kg: s.layers.kindergartens.filter((k) => k.status === 'existing').map((k) => [k.lon, k.lat]), com: s.layers.communities.map((c) => [c.lon, c.lat]), pop: s.layers.population.filter((c) => c.residents > 0).map((c) => [c.lon, c.lat]) })`,
        );
        await step('kindergarten', async () => {
          await hoverAndClick(page, layers.kg);
          await shot('tooltip-kindergarten');
          await clickHovered(page);
          await shot('detail-kindergarten');
        });
        await step('community', async () => {
          await setToggle(page, 'kindergartens', false);
          await setToggle(page, 'population', false);
          await setToggle(page, 'plan_projects', false);
          await hoverAndClick(page, layers.com);
          await shot('tooltip-community');
          await clickHovered(page);
          await shot('detail-community');
        });
        // a 街道 outline is not pickable on the map (its detail opens from the street table below); a population cell is
        await step('population-cell', async () => {
          await setToggle(page, 'communities', false);
          await setToggle(page, 'ledger_overdue', false);
          await setToggle(page, 'population', true);
          await hoverAndClick(page, layers.pop);
          await shot('tooltip-population-cell');
          await clickHovered(page);
          await shot('detail-population-cell');
        });
        for (const k of ['kindergartens', 'population', 'plan_projects', 'communities', 'ledger_overdue']) await setToggle(page, k, true);
        await page.mouse.move(5, 5);
        await act(page, 's.select(null)');

        await step('params-dialog', async () => {
          await page.locator('[data-testid=params-button]').click();
          await page.locator('[data-testid=params-dialog]').waitFor({ timeout: 5000 });
          await shot('params-dialog');
          await closeModal(page, '[data-testid=params-dialog]');
        });
        await step('basemap-chooser', async () => {
          await page.locator('[data-testid=settings-button]').click();
          await page.locator('[data-testid=basemap-chooser]').waitFor({ timeout: 5000 });
          await shot('basemap-chooser');
          await page.locator('[data-testid=settings-button]').click();
        });

        // the bottom drawer
        await step('street-table', async () => {
          await page.locator('[data-testid=tab-streets]').click();
          await page.locator('[data-testid=street-table] tbody tr').first().waitFor({ timeout: 10000 });
          await shot('street-table');
          await page.locator('[data-testid=street-table] tbody tr').first().click();
          await page.locator('[data-testid=analysis-detail]').waitFor({ timeout: 5000 });
          await shot('street-detail');
          await act(page, 's.select(null)');
        });
        await step('ledger', async () => {
          await page.locator('[data-testid=tab-ledger]').click();
          await page.locator('[data-testid=ledger-table] tbody tr').first().waitFor({ timeout: 10000 });
          await shot('ledger-table');
          const target = await st<{ id: string; name: string }>(page, `s.layers.communities.filter((c) => c.supporting_kg_status === 'accepted_not_handed_over').map((c) => ({ id: c.id, name: c.name }))[0]`);
          await page.locator(`[data-testid="change-${target.id}"]`).click();
          const dialog = page.locator('[data-testid=status-dialog]');
          await dialog.waitFor({ timeout: 5000 });
          await shot('ledger-status-dialog');
          await dialog.locator('[data-testid=status-to]').selectOption('handed_over');
          const note = 'Handed over to the district bureau';
          const user = 'E2E recorder';
          await dialog.locator('[data-testid=status-note]').fill(note);
          await dialog.locator('[data-testid=status-user]').fill(user);
          await shot('ledger-status-dialog-filled');
          await dialog.locator('[data-testid=status-ok]').click();
          await dialog.waitFor({ state: 'detached', timeout: 5000 });
          await page.locator('[data-testid=ledger-table] tbody tr', { hasText: target.name }).first().click();
          await page.locator('[data-testid=ledger-history]').waitFor({ timeout: 5000 });
          await shot('ledger-history');
          await page.locator('[data-testid=ledger-view-stats]').click();
          await page.locator('[data-testid=campaign-chart] canvas').waitFor({ timeout: 15000 });
          await page.waitForFunction(() => {
            const c = document.querySelector('[data-testid=campaign-chart] canvas');
            return !!c && (window as unknown as { __canvasText(c: Element): string[] }).__canvasText(c).length > 0;
          }, null, { timeout: 10000 });
          await shot('ledger-campaign');
          await page.locator('[data-testid=ledger-view-table]').click();
        });
        await step('ledger-import', async () => {
          // a 台账 file with one 小区编号 not in the ledger: the dialog's steps, then the review before anything changes
          const rows = loadDataFolder(path.resolve('data')).data.communities;
          const extra = { ...rows[0], id: 'XQ9999', name: 'E2E unknown community' };
          const file = path.join(tmp, 'ledger-update.xlsx');
          const bytes = await exportLedgerXlsx([...rows, extra]);
          writeFileSync(file, bytes);
          // the file's headers and cells are the user's data (the app wrote them in Chinese when it exported the 台账)
          userStrings.add('ledger-update.xlsx');
          const wb = XLSX.read(bytes, { type: 'array' });
          for (const name of wb.SheetNames) for (const r of XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, raw: false })) cjkStringsOf(r, userStrings);
          await page.locator('[data-testid=ledger-import-file]').setInputFiles(file);
          const reached = await walkImport(page, shot, 'ledger-import', 4);
          if (reached !== 4) throw new Error(`the 台账 import stopped at step ${reached}`);
          await page.locator('.imp-primary:not([disabled])').first().click({ timeout: 10000 });
          await page.locator('[data-testid=ledger-import-review]').waitFor({ timeout: 15000 });
          await shot('ledger-import-review');
          await page.locator('[data-testid=ledger-import-cancel]').click();
          await page.locator('.imp-error-text, .imp-ok').first().waitFor({ timeout: 10000 });
          await shot('ledger-import-cancelled');
          await closeModal(page, '.imp-dialog');
        });
        await step('siting', async () => {
          await page.locator('[data-testid=tab-siting]').click();
          await page.locator('[data-testid=siting-panel]').waitFor({ timeout: 5000 });
          await shot('siting-panel');
          await page.locator('[data-testid=siting-p]').fill('1');
          await page.locator('[data-testid=siting-run]').click();
          await page.locator('[data-testid=siting-exact]').waitFor({ timeout: 60000 });
          await shot('siting-result');
        });

        // 十五五 plan
        await step('plan', async () => {
          await page.locator('[data-testid=plan-open]').click();
          await waitState(page, PLAN_DONE);
          await shot('plan-main');
          await page.locator('[data-testid=tab-projects]').click();
          await page.locator('[data-testid=project-table]').waitFor({ timeout: 10000 });
          await shot('plan-projects');
          await page.locator('[data-testid=tab-years]').click();
          await page.locator('[data-testid=plan-chart] canvas').first().waitFor({ timeout: 10000 });
          await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=plan-chart] canvas')].some((c) => (window as unknown as { __canvasText(c: Element): string[] }).__canvasText(c).length > 0), null, { timeout: 10000 });
          await shot('plan-years');
          await page.locator('[data-testid=tab-warning]').click();
          await page.locator('[data-testid=warning-table]').waitFor({ timeout: 10000 });
          await shot('plan-warning');
          await page.locator('[data-testid=demand-settings]').click();
          await page.locator('[data-testid=demand-dialog]').waitFor({ timeout: 5000 });
          await shot('plan-demand-dialog');
          await closeModal(page, '[data-testid=demand-dialog]');
        });
        await step('plan-compare', async () => {
          // a second scenario with one new build, compared with 基准
          await page.locator('[data-testid=scenario-duplicate]').click();
          await waitState(page, `${PLAN_DONE} && s.currentScenarioId !== 'base'`);
          await act(page, `s.addNewBuildAt(109.8, 40.65);`);
          await waitState(page, PLAN_DONE);
          await page.locator('[data-testid=tab-compare]').click();
          await page.locator('[data-testid=compare-select]').selectOption('base');
          await page.locator('[data-testid=compare-table]').waitFor({ timeout: 20000 });
          await shot('plan-compare');
          await page.locator('[data-testid=compare-split]').click();
          await page.locator('[data-testid=split-map]').waitFor({ timeout: 10000 });
          await page.waitForFunction(() => Boolean((window as unknown as { __xwghSplitMap?: { loaded(): boolean } }).__xwghSplitMap?.loaded()), null, { timeout: 20000 });
          await shot('plan-split');
          await page.locator('[data-testid=compare-split]').click();
          await page.locator('[data-testid=split-map]').waitFor({ state: 'detached', timeout: 5000 });
        });

        // 汇报: every slide, then the editor
        await step('present', async () => {
          await page.locator('[data-testid=present-open]').click();
          await page.locator('[data-testid=present-title]').waitFor({ timeout: 20000 });
          const total = Number(((await page.locator('[data-testid=present-page]').textContent()) ?? '').split('/')[1]);
          for (let k = 1; k <= total; k++) {
            await page.waitForFunction((n) => (document.querySelector('[data-testid=present-page]')?.textContent ?? '').trim().startsWith(`${n} /`), k, { timeout: 10000 });
            await page.locator('[data-testid=present-busy]').waitFor({ state: 'detached', timeout: 30000 });
            await page.waitForFunction(() => {
              const c = document.querySelector('[data-testid=present-chart] canvas');
              return !c || (window as unknown as { __canvasText(c: Element): string[] }).__canvasText(c).length > 0;
            }, null, { timeout: 15000 });
            await shot(`present-slide${k}`);
            if (k < total) await page.keyboard.press('ArrowRight');
          }
          await page.locator('[data-testid=present-edit]').click();
          await page.locator('[data-testid=present-editor]').waitFor({ timeout: 5000 });
          await shot('present-editor');
          await closeModal(page, '[data-testid=present-editor]');
          if (await page.locator('[data-testid=present]').count()) await page.keyboard.press('Escape');
          await page.locator('[data-testid=present]').waitFor({ state: 'detached', timeout: 5000 });
        });
        await act(page, `if (s.planOpen) s.setPlanOpen(false);`);

        // print composer and the print sheet (what 打印 adds around the map on paper)
        await step('print', async () => {
          await page.locator('[data-testid=print-compose]').click();
          await page.locator('[data-testid=print-composer]').waitFor({ timeout: 10000 });
          await shot('print-composer');
          await closeModal(page, '[data-testid=print-composer]');
          await page.emulateMedia({ media: 'print' });
          await shot('print-sheet');
          await page.emulateMedia({ media: 'screen' });
        });

        // the data menu and its dialogs
        await step('data-menu', async () => {
          await page.locator('[data-testid=data-menu]').click();
          await page.locator('.menu-panel').waitFor({ timeout: 5000 });
          await shot('data-menu');
          const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.locator('[data-testid=export-project]').click()]);
          userStrings.add(download.suggestedFilename());
          await shot('project-exported');
        });
        await step('import-bad-csv', async () => {
          // the sample's own columns, one row with a longitude that is not a number and an unknown type
          const [header, row1, row2] = readFileSync(path.resolve('data/kindergartens.csv'), 'utf8').split(/\r?\n/);
          const bad = row2.split(',').map((v, i) => (i === 3 ? 'abc' : i === 2 ? 'xyz' : v)).join(',');
          const file = path.join(tmp, 'bad-kindergartens.csv');
          writeFileSync(file, [header, row1, bad].join('\n') + '\n');
          userStrings.add('bad-kindergartens.csv');
          if (!(await page.locator('.menu-panel').count())) await page.locator('[data-testid=data-menu]').click();
          await page.locator('[data-testid=import-input]').setInputFiles(file);
          const reached = await walkImport(page, shot, 'import-bad-csv', 4);
          await closeModal(page, '.imp-dialog');
          if (reached < 4) throw new Error(`the bad CSV stopped at step ${reached} of the import`);
        });
        await step('import-empty-file', async () => {
          const file = path.join(tmp, 'empty.csv');
          writeFileSync(file, '');
          userStrings.add('empty.csv');
          await page.locator('[data-testid=data-menu]').click();
          await page.locator('[data-testid=import-input]').setInputFiles(file);
          await walkImport(page, shot, 'import-empty-file', 1);
          await closeModal(page, '.imp-dialog');
        });
        await step('import-csv', async () => {
          await page.locator('[data-testid=data-menu]').click();
          await page.locator('[data-testid=import-input]').setInputFiles(path.resolve('test/fixtures/import/bd09-kindergartens.csv'));
          userStrings.add('bd09-kindergartens.csv');
          for (const h of (readFileSync(path.resolve('test/fixtures/import/bd09-kindergartens.csv'), 'utf8').split(/\r?\n/)[0] ?? '').split(',')) userStrings.add(h.replace(/^\uFEFF/, '').trim());
          for (const r of Papa.parse<string[]>(readFileSync(path.resolve('test/fixtures/import/bd09-kindergartens.csv'), 'utf8')).data) for (const v of r) if (CJK.test(v)) userStrings.add(v.trim());
          await walkImport(page, shot, 'import-csv', 4);
          await closeModal(page, '.imp-dialog');
        });
        await step('project-open-error', async () => {
          await page.locator('[data-testid=data-menu]').click();
          userStrings.add('broken.xwgh.json');
          await page.locator('[data-testid=project-input]').setInputFiles({ name: 'broken.xwgh.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "xwgh-project", "version": 1, "layers": 3}') });
          await page.locator('[data-testid=toast]').waitFor({ timeout: 10000 });
          await shot('project-open-error');
        });
        await step('walk-network-import-error', async () => {
          await page.locator('[data-testid=data-menu]').click();
          userStrings.add('broken-network.geojson');
          await page.locator('[data-testid=menu-walk-network] + input[type=file]').setInputFiles({ name: 'broken-network.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
          await page.locator('[data-testid=walk-network-error], [data-testid=toast]').first().waitFor({ timeout: 10000 });
          await shot('walk-network-import-error');
        });

        // SQL console: a query, a refused statement, a DuckDB error
        await step('sql-console', async () => {
          await page.locator('[data-testid=data-menu]').click();
          await page.locator('[data-testid=sql-console-open]').click();
          await page.locator('[data-testid=sql-table-kindergartens]').waitFor({ timeout: 15000 });
          await shot('sql-console');
          const run = async (sql: string, out: string) => {
            await page.locator('[data-testid=sql-editor]').fill(sql);
            await page.locator('[data-testid=sql-run]').click();
            await page.locator(out).first().waitFor({ timeout: 15000 });
          };
          await run('SELECT name, places FROM kindergartens LIMIT 5', '[data-testid=sql-status]');
          await shot('sql-result');
          await run('DELETE FROM kindergartens', '[data-testid=sql-refused]');
          await shot('sql-refused');
          await run('SELECT * FROM no_such_table', '[data-testid=sql-error]');
          await shot('sql-error');
          await page.locator('[data-testid=sql-allow-write]').check();
          await shot('sql-allow-write');
          await page.locator('[data-testid=sql-allow-write]').uncheck();
          await closeModal(page, '[data-testid=sql-console]');
        });

        // walking distance: the distance controls, the straight / walking comparison, a bad network file
        await step('walking', async () => {
          await page.locator('[data-testid=distance-select]').selectOption('walking');
          await waitState(page, `${ANALYSIS_DONE} && s.result.params.distanceMode === 'walking' && Boolean(s.result.walking)`, 60000);
          await page.locator('[data-testid=walking-compare]').waitFor({ timeout: 10000 });
          await page.locator('[data-testid=distance-controls]').scrollIntoViewIfNeeded();
          await shot('walking');
          userStrings.add('bad-network.geojson');
          await page.locator('[data-testid=walk-network-input]').setInputFiles({ name: 'bad-network.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
          await page.locator('[data-testid=walk-network-error]').waitFor({ timeout: 5000 });
          await shot('walking-bad-network');
          await page.locator('[data-testid=distance-select]').selectOption('straight');
          await waitState(page, `${ANALYSIS_DONE} && s.result.params.distanceMode !== 'walking'`);
        });

        // a second tab of the same project: read-only, with the take-over banner
        await step('second-tab', async () => {
          try {
            await secondLoaded;
            await second.bringToFront();
            await second.locator('[data-testid=readonly-banner]').waitFor({ timeout: 15000 });
            // the language is not remembered across tabs (yet): switch this one too
            if (!(await second.locator('.app[lang=en]').count())) {
              languageNote = 'a second tab (and a reload) opens in Chinese: the language choice is not remembered';
              await second.locator('[data-testid=lang-switch]').click();
            }
            await second.locator('.app[lang=en]').waitFor({ timeout: 5000 });
            const items = (await second.evaluate(COLLECT_JS)) as Item[];
            collected.push({ screen: 'second-tab-readonly', items });
            if (SHOTS) await second.screenshot({ path: path.join(ctx.shots, 'en-second-tab-readonly.png') });
          } finally {
            await second.close();
          }
        });

        // ---- judge
        const storeAllowed = (await page.evaluate(STORE_STRINGS_JS)) as string[];
        const allowed = [...new Set([...fileAllowed, ...storeAllowed, ...userStrings, ...ALWAYS_ALLOWED])].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
        const judge = (screen: string, items: Item[]): ScreenReport => {
          const seen = new Set<string>();
          const bad: Finding[] = [];
          let checked = 0;
          for (const it of items) {
            const k = `${it.kind}\u0000${it.text}`;
            if (seen.has(k)) continue;
            seen.add(k);
            checked++;
            const left = leftover(it.text, allowed);
            const key = rawKeyIn(it.text);
            const unfilled = it.text.match(/\{[A-Za-z_]\w*\}/)?.[0];
            if (left) bad.push({ screen, kind: it.kind, text: it.text, left, why: 'chinese', context: it.context });
            else if (key) bad.push({ screen, kind: it.kind, text: it.text, left: key, why: 'raw key', context: it.context });
            else if (unfilled) bad.push({ screen, kind: it.kind, text: it.text, left: unfilled, why: 'unfilled value', context: it.context });
          }
          return { name: screen, checked, bad };
        };
        const judged = collected.map((c) => judge(c.screen, c.items));

        // the CLI in English
        const cliOut = await cli;
        let cliNote: string;
        if (cliOut.status !== 0 && /lang/i.test(cliOut.err + cliOut.out)) {
          cliNote = `CLI skipped: \`analyze --lang en\` is not supported yet (exit ${cliOut.status}: ${(cliOut.err || cliOut.out).trim().split('\n')[0]})`;
        } else {
          const lines = (cliOut.out + '\n' + cliOut.err).split('\n').map((l) => l.trim()).filter(Boolean);
          judged.push(judge('cli analyze --lang en --year 2030', lines.map((text) => ({ kind: 'cli', text }))));
          cliNote = `CLI: exit ${cliOut.status}, ${lines.length} lines checked`;
          if (cliOut.status !== 0) judged[judged.length - 1].error = `exit ${cliOut.status}: ${cliOut.err.trim().split('\n')[0]}`;
        }
        const all = [...judged, ...reports];

        // ---- report: per screen, then each untranslated pattern once (names → ‹name›, figures → #), where seen, likely source
        const where = sourceIndex();
        const patternOf = (f: Finding): string => {
          let t = f.text;
          for (const a of allowed) if (t.includes(a)) t = t.split(a).join('‹name›');
          return `${f.why}\u0000${t.replace(/\d[\d,.]*/g, '#')}`;
        };
        const seen = new Map<string, { f: Finding; screens: string[]; texts: Set<string> }>();
        for (const r of judged) {
          for (const f of r.bad) {
            const k = patternOf(f);
            const e = seen.get(k) ?? { f, screens: [], texts: new Set<string>() };
            if (!e.screens.includes(r.name)) e.screens.push(r.name);
            e.texts.add(f.text);
            seen.set(k, e);
          }
        }
        const distinctTexts = [...seen.values()].reduce((n, e) => n + e.texts.size, 0);
        const lines: string[] = [`    ${'screen'.padEnd(34)} checked  untranslated  new patterns`];
        const counted = new Set<string>();
        for (const r of all) {
          const fresh = new Set(r.bad.map(patternOf).filter((k) => !counted.has(k)));
          for (const k of fresh) counted.add(k);
          lines.push(`    ${r.name.padEnd(34)} ${String(r.checked).padStart(7)}  ${String(r.bad.length).padStart(12)}  ${String(fresh.size).padStart(12)}${r.error ? `  NOT REACHED: ${r.error}` : ''}`);
        }
        const bySource = new Map<string, number>();
        const details: string[] = [];
        const findings = [...seen.values()].map((e) => ({ ...e, sources: e.f.why === 'chinese' ? where(e.f.text, e.f.left) : ['(raw key / unfilled value)'] }));
        for (const { f, screens, texts, sources } of findings) {
          const top = sources[0] ?? '(not found in src)';
          bySource.set(top, (bySource.get(top) ?? 0) + 1);
          details.push(`    [${f.why}] ${f.kind}: ${JSON.stringify(f.text.slice(0, 140))}${texts.size > 1 ? ` (+${texts.size - 1} alike)` : ''} — ${f.why === 'chinese' ? `left: ${f.left}` : f.left}\n        on ${screens.slice(0, 4).join(', ')}${screens.length > 4 ? ` (+${screens.length - 4})` : ''} · ${sources.join(', ') || '?'}`);
        }
        const sources = [...bySource.entries()].sort((a, b) => b[1] - a[1]).map(([s, n]) => `    ${String(n).padStart(4)}  ${s}`);
        const reached = all.filter((r) => r.error).map((r) => r.name);
        console.log(`\n  English walk: ${collected.length} screens, ${all.reduce((n, r) => n + r.checked, 0)} texts checked (allowed: ${allowed.length} data strings), ${distinctTexts} distinct untranslated texts in ${seen.size} patterns, ${Math.round((Date.now() - t0) / 1000)} s (screenshots ${shotMs.reduce((a, b) => a + b, 0)} ms)`);
        console.log(lines.join('\n'));
        console.log(`  ${cliNote}`);
        if (languageNote) console.log(`  note: ${languageNote}`);
        console.log(`  step times (s): ${stepMs.join(', ')}`);
        if (sources.length) console.log(`  untranslated patterns by likely source file (each counted once, under its best match):\n${sources.join('\n')}`);
        if (details.length) console.log(`  untranslated patterns (each once, with an example):\n${details.join('\n')}`);
        writeFileSync(
          path.join(ctx.shots, 'english-report.json'),
          JSON.stringify({ screens: all.map((r) => ({ name: r.name, checked: r.checked, untranslated: r.bad.length, error: r.error ?? null })), cli: cliNote, findings: findings.map(({ f, screens, texts, sources }) => ({ ...f, alike: texts.size, screens, sources })) }, null, 2),
        );
        ctx.timings['english walk (all screens + CLI)'] = Date.now() - t0;
        const problems: string[] = [];
        if (seen.size > 0) problems.push(`${distinctTexts} untranslated texts (${seen.size} patterns) in English mode, listed above`);
        if (reached.length > 0) problems.push(`screens not reached: ${reached.join(', ')}`);
        if (pageErrors.length > 0) problems.push(`page errors: ${pageErrors.slice(0, 3).join(' | ')}`);
        if (problems.length > 0) throw new Error(problems.join('; '));
      } finally {
        await context.close();
      }
    },
  },
];
