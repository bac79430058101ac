/**
 * Browser benchmark (standalone, not part of `npm test`): import a 1,000,000-row
 * population CSV through the built app's real import path — the Data menu's file
 * input, the ImportDialog and its worker client (src/ui/import/import-client.ts) —
 * and time it, with a requestAnimationFrame loop in the page measuring how long the
 * main thread is blocked meanwhile.
 *
 *   npx vite build && npx tsx test/e2e/import-bench.ts [--rows N] [--runs N] [--build] [--out-dir DIR]
 *
 * --build builds first (like the e2e runner); --out-dir DIR builds into DIR and serves
 * that instead of dist/ (leaves dist/ alone); --dist DIR serves an existing build in DIR
 * (e.g. one made before a change, for a before/after comparison). Each run loads the app afresh.
 * --profile DIR (with --out-dir: an unminified build) writes main-thread CPU profiles of
 * the unpack and of the commit to DIR and prints their heaviest functions.
 *
 * Figures per run (page clock, performance.now):
 *   read    file chosen → the worker's 'parsed' message arrives (file bytes to the worker + readTabular)
 *   build   "下一步" on the mapping step → the worker's 'result' message arrives (buildImport + packing)
 *   worker  read + build: parse and build in the worker, without the clicks between
 *   unpack  'result' arrives → step 3 (CRS and preview) is in the DOM (rows unpacked on the main thread, React)
 *   commit  "导入" clicked → 1,000,000 rows in the store (window.__xwghStore …population.length)
 *   total   file chosen → rows in the store (clicks are immediate)
 *   settle  rows in the store → the analysis of them shown and the autosave holding them written
 *   longest gap between animation frames: during the worker's work, during unpack, during commit, over the whole import, while settling.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { generatePopulationCsv } from '../../src/data/import/synthetic';
import { launchBrowser, mapRendered, serveBuild } from './browser';

const argv = process.argv.slice(2);
const num = (flag: string, dflt: number): number => {
  const i = argv.indexOf(flag);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const N = num('--rows', 1_000_000);
const RUNS = num('--runs', 3);
const outDirIdx = argv.indexOf('--out-dir');
const distIdx = argv.indexOf('--dist');
const OUT_DIR = outDirIdx >= 0 ? path.resolve(argv[outDirIdx + 1]) : distIdx >= 0 ? path.resolve(argv[distIdx + 1]) : null;
const BUILD_OUT = outDirIdx >= 0;
const profIdx = argv.indexOf('--profile');
const PROFILE = profIdx >= 0 ? path.resolve(argv[profIdx + 1]) : null;
const TIMEOUT = 180_000;

// In-page code is passed as text (tsx would wrap named functions in a __name helper the page lacks).
// Records the import worker's messages as they reach the main thread (before the app's handler runs).
const INIT_JS = `(() => {
  const bench = { msgs: [], frames: [], marks: {}, running: false, storeAt: 0, settledAt: 0 };
  window.__impBench = bench;
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(url, opts) {
      super(url, opts);
      const u = String(url);
      if (!/import-worker/.test(u)) return;
      this.addEventListener('message', (e) => {
        const d = e.data;
        if (d && typeof d === 'object') bench.msgs.push({ t: performance.now(), type: d.type, fraction: d.fraction });
      });
    }
  };
})()`;

const START_JS = (n: number) => `(() => {
  const bench = window.__impBench;
  bench.msgs.length = 0;
  bench.frames.length = 0;
  bench.marks = {};
  bench.storeAt = 0;
  bench.settledAt = 0;
  bench.running = true;
  const store = window.__xwghStore;
  const mark = (k) => { if (!bench.marks[k]) bench.marks[k] = performance.now(); };
  const check = () => {
    const cur = document.querySelector('.imp-steps li.imp-current');
    if (cur) {
      const i = [...cur.parentElement.children].indexOf(cur) + 1;
      mark('step' + i);
    }
    if (document.querySelector('.imp-fileinfo')) mark('fileinfo');
    if (document.querySelector('.imp-body > .imp-ok')) mark('done');
  };
  bench.observer = new MutationObserver(check);
  bench.observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  const loop = () => {
    const t = performance.now();
    bench.frames.push(t);
    const st = store.getState();
    if (!bench.storeAt && st.layers.population.length === ${n}) bench.storeAt = t;
    // settled: the analysis of the new data is shown and the autosave holding it is written
    if (bench.storeAt && !bench.settledAt && st.resultVersion === st.dataVersion && st.analysisState === 'done' && st.savedDataVersion === st.dataVersion && st.saveState === 'saved') bench.settledAt = t;
    if (bench.running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return performance.now();
})()`;

interface RunFigures {
  readMs: number;
  buildMs: number;
  workerMs: number;
  unpackMs: number;
  commitMs: number;
  totalMs: number;
  gapWorkerMs: number;
  gapUnpackMs: number;
  gapCommitMs: number;
  gapAllMs: number;
  /** rows in the store → analysis shown and autosave written */
  settleMs: number;
  gapSettleMs: number;
  frames: number;
  toWorkerMs: number;
  readTabularMs: number;
  buildWorkMs: number;
  packPostMs: number;
  guess: string;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Stop the profiler, write the profile, print the heaviest functions by self time. */
async function saveProfile(cdp: CDPSession, label: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  mkdirSync(PROFILE!, { recursive: true });
  const file = path.join(PROFILE!, `import-${label}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const k = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    byName.set(k, (byName.get(k) ?? 0) + (self.get(n.id) ?? 0) / 1000);
  }
  console.log(`  ${label} profile → ${file}`);
  for (const [k, ms] of [...byName].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

const now = (page: Page): Promise<number> => page.evaluate('performance.now()') as Promise<number>;

async function next(page: Page): Promise<number> {
  const btn = page.locator('.imp-primary:not([disabled])').first();
  await btn.waitFor({ timeout: TIMEOUT });
  const t = await now(page);
  await btn.click({ timeout: TIMEOUT });
  return t;
}

/** Longest gap between consecutive frames, the part of it inside [from, to] (whole gaps when `clip` is false). */
function longestGap(frames: number[], from: number, to: number, clip = true): number {
  let max = 0;
  for (let i = 1; i < frames.length; i++) {
    if (frames[i] < from || frames[i - 1] > to) continue;
    const gap = clip ? Math.min(frames[i], to) - Math.max(frames[i - 1], from) : frames[i] - frames[i - 1];
    max = Math.max(max, gap);
  }
  return max;
}

async function oneRun(page: Page, url: string, csvPath: string): Promise<RunFigures> {
  await page.goto(url);
  await page.locator('.app[data-load-state=ready]').waitFor({ timeout: TIMEOUT });
  // the previous run's import was autosaved and came back with the reload: start from the sample again
  if (((await page.evaluate('window.__xwghStore.getState().layers.population.length')) as number) === N) {
    await page.evaluate('window.__xwghStore.getState().forgetSaved()');
    await page.goto(url);
    await page.locator('.app[data-load-state=ready]').waitFor({ timeout: TIMEOUT });
  }
  // the sample's analysis is shown and the map has drawn it: the import starts from a quiet page
  await page.waitForFunction("window.__xwghStore.getState().analysisState === 'done'", undefined, { timeout: TIMEOUT });
  await mapRendered(page, TIMEOUT);
  await page.locator('[data-testid=data-menu]').click();
  const t0 = (await page.evaluate(START_JS(N))) as number;
  await page.locator('[data-testid=import-input]').setInputFiles(csvPath);
  await page.locator('.imp-step1 select').first().waitFor({ timeout: TIMEOUT });
  await page.locator('.imp-fileinfo').waitFor({ timeout: TIMEOUT });
  await page.locator('.imp-step1 select').first().selectOption('population');
  await next(page); // → column mapping (guessed from the Chinese headers)
  const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const tBuild = await next(page); // → build in the worker → step 3
  await page.locator('.imp-crs').waitFor({ timeout: TIMEOUT });
  if (cdp) await saveProfile(cdp, 'unpack');
  const guess = ((await page.locator('.imp-guess').textContent()) ?? '').trim();
  const flagText = ((await page.locator('.imp-flags').textContent().catch(() => '')) ?? '').trim();
  await next(page); // → step 4 (issues)
  if (cdp) await cdp.send('Profiler.start');
  const tCommit = await next(page); // import
  await page.locator('.imp-body > .imp-ok').waitFor({ timeout: TIMEOUT });
  await page.waitForFunction('window.__impBench.storeAt > 0', undefined, { timeout: TIMEOUT, polling: 100 });
  await page.waitForFunction('window.__impBench.settledAt > 0', undefined, { timeout: TIMEOUT, polling: 100 });
  // the map has drawn the imported rows (the frames after the store update are in the figures)
  await mapRendered(page, TIMEOUT);
  if (cdp) {
    await saveProfile(cdp, 'commit');
    await cdp.detach();
  }
  const b = (await page.evaluate(`(() => {
    const b = window.__impBench;
    b.running = false;
    b.observer.disconnect();
    return { msgs: b.msgs, frames: b.frames, marks: b.marks, storeAt: b.storeAt, settledAt: b.settledAt, end: performance.now() };
  })()`)) as { msgs: { t: number; type: string }[]; frames: number[]; marks: Record<string, number>; storeAt: number; settledAt: number; end: number };
  const parsedAt = b.msgs.find((m) => m.type === 'parsed')?.t;
  const resultAt = b.msgs.find((m) => m.type === 'result')?.t;
  const step3At = b.marks.step3;
  // the worker's own progress messages: when it started reading, building, and its last stage (整理结果)
  const readStart = b.msgs.find((m) => m.type === 'progress')?.t ?? t0;
  const buildStart = b.msgs.find((m) => m.type === 'progress' && m.t > tBuild)?.t ?? tBuild;
  const lastProgress = [...b.msgs].reverse().find((m) => m.type === 'progress' && m.t < (resultAt ?? 0))?.t ?? buildStart;
  if (!parsedAt || !resultAt || !step3At) throw new Error(`missing marks: parsed ${parsedAt}, result ${resultAt}, step3 ${step3At}`);
  const count = (await page.evaluate('window.__xwghStore.getState().layers.population.length')) as number;
  if (count !== N) throw new Error(`store has ${count} population rows, expected ${N}`);
  await page.keyboard.press('Escape').catch(() => {});
  return {
    readMs: parsedAt - t0,
    buildMs: resultAt - tBuild,
    workerMs: parsedAt - t0 + (resultAt - tBuild),
    unpackMs: step3At - resultAt,
    commitMs: b.storeAt - tCommit,
    totalMs: b.storeAt - t0,
    gapWorkerMs: Math.max(longestGap(b.frames, t0, parsedAt), longestGap(b.frames, tBuild, resultAt)),
    gapUnpackMs: longestGap(b.frames, resultAt, step3At + 50, false),
    gapCommitMs: longestGap(b.frames, tCommit, b.storeAt, false),
    gapAllMs: longestGap(b.frames, t0, b.end, false),
    settleMs: b.settledAt - b.storeAt,
    gapSettleMs: longestGap(b.frames, b.storeAt, b.settledAt + 50, false),
    toWorkerMs: readStart - t0,
    readTabularMs: parsedAt - readStart,
    buildWorkMs: lastProgress - buildStart,
    packPostMs: resultAt - lastProgress,
    frames: b.frames.length,
    guess: `${guess}${flagText ? ` / ${flagText}` : ''}`,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const s = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  if (OUT_DIR) {
    if (BUILD_OUT) await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, minify: PROFILE ? false : undefined } });
    const server = await preview({ build: { outDir: OUT_DIR }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    return { url, close: () => server.close() };
  }
  const { url, server } = await serveBuild(!argv.includes('--build'));
  return { url, close: () => server.close() };
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'import-bench-'));
  const csvPath = path.join(tmp, `population-${N}.csv`);
  const bytes = generatePopulationCsv(N);
  writeFileSync(csvPath, bytes);
  console.log(`导入浏览器基准：${N.toLocaleString('en-US')} 行人口 CSV（${(bytes.length / 1e6).toFixed(1)} MB），${os.cpus().length} 核，负载 ${os.loadavg()[0].toFixed(2)}`);
  const { url, close } = await serve();
  const browser = await launchBrowser();
  const runs: RunFigures[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (e) => console.log(`  page error: ${String(e)}`));
    await page.addInitScript(INIT_JS);
    for (let k = 0; k < RUNS; k++) {
      const r = await oneRun(page, url, csvPath);
      runs.push(r);
      if (k === 0) console.log(`  坐标系判断：${r.guess}`);
      console.log(
        `  第 ${k + 1} 次：读取 ${s(r.readMs)}（送到工作线程 ${s(r.toWorkerMs)}，readTabular ${s(r.readTabularMs)}）+ 构建 ${s(r.buildMs)}（buildImport ${s(r.buildWorkMs)}，打包与传回 ${s(r.packPostMs)}）= 工作线程 ${s(r.workerMs)}；解包与第 3 步渲染 ${s(r.unpackMs)}；` +
          `提交到存储 ${s(r.commitMs)}；全程 ${s(r.totalMs)}；最长帧间隔 工作线程期间 ${s(r.gapWorkerMs)}、解包 ${s(r.gapUnpackMs)}、提交 ${s(r.gapCommitMs)}、全程 ${s(r.gapAllMs)}（${r.frames} 帧）；之后分析与自动保存 ${s(r.settleMs)}（最长帧间隔 ${s(r.gapSettleMs)}）`,
      );
    }
  } finally {
    await browser.close();
    await close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const m = (k: Exclude<keyof RunFigures, 'guess'>) => median(runs.map((r) => r[k]));
  console.log('');
  console.log(`中位数（${runs.length} 次）：工作线程解析 + 构建 ${s(m('workerMs'))}（读取 ${s(m('readMs'))}，构建 ${s(m('buildMs'))}）${m('workerMs') <= 5000 ? ' ✓ ≤ 5 s' : ' ✗ > 5 s'}`);
  console.log(`  解包与渲染第 3 步 ${s(m('unpackMs'))}；提交到存储 ${s(m('commitMs'))}；选择文件到 ${N.toLocaleString('en-US')} 行进入存储 ${s(m('totalMs'))}`);
  console.log(`  主线程最长帧间隔：工作线程解析/构建期间 ${s(m('gapWorkerMs'))}，解包 ${s(m('gapUnpackMs'))}，提交 ${s(m('gapCommitMs'))}，全程 ${s(m('gapAllMs'))}；进入存储后分析与自动保存 ${s(m('settleMs'))}，其间最长帧间隔 ${s(m('gapSettleMs'))}`);
  console.log('');
  console.log('| figure | median | runs (ms) |');
  console.log('|---|---|---|');
  const line = (label: string, k: Exclude<keyof RunFigures, 'guess'>) => console.log(`| ${label} | ${s(m(k))} | ${runs.map((r) => r[k].toFixed(0)).join(', ')} |`);
  line('worker: read (file → parsed)', 'readMs');
  line('  of which: file bytes to the worker', 'toWorkerMs');
  line('  of which: readTabular', 'readTabularMs');
  line('worker: build (mapping "next" → result)', 'buildMs');
  line('  of which: buildImport (first → last progress message)', 'buildWorkMs');
  line('  of which: pack + post the result', 'packPostMs');
  line('**worker parse + build**', 'workerMs');
  line('main thread: unpack rows + render step 3', 'unpackMs');
  line('commit ("import" → rows in the store)', 'commitMs');
  line('total: file chosen → 1,000,000 rows in the store', 'totalMs');
  line('longest frame gap while the worker parses/builds', 'gapWorkerMs');
  line('longest frame gap: unpack', 'gapUnpackMs');
  line('longest frame gap: commit', 'gapCommitMs');
  line('longest frame gap: whole import', 'gapAllMs');
  line('after: analysis shown + autosave written', 'settleMs');
  line('longest frame gap: analysis + autosave', 'gapSettleMs');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
