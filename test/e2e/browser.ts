/** Browser-test plumbing: a system Chromium, the production build served by `vite preview`. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(
    'No Chromium found for the browser tests. Install one with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH to a Chromium/Chrome executable.',
  );
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export async function serveBuild(skipBuild: boolean): Promise<{ url: string; server: PreviewServer }> {
  if (!skipBuild) await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, server };
}

// In-page code is passed as text: tsx (esbuild keepNames) would wrap named functions in a
// `__name` helper that does not exist in the page.
const DECODE_JS = `async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width;
  c.height = img.height;
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, c.width, c.height).data;
}`;

/** Count pixels of a PNG screenshot that differ from a background colour (decoded in the page). */
export async function countNonBackground(page: Page, png: Buffer, bg: [number, number, number], tol = 12): Promise<number> {
  return page.evaluate(`(async () => {
    const d = await (${DECODE_JS})(${JSON.stringify(png.toString('base64'))});
    const bg = ${JSON.stringify(bg)};
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > ${tol}) n++;
    }
    return n;
  })()`) as Promise<number>;
}

/** Number of pixels that differ between two PNG screenshots of the same size. */
export async function countDiff(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(`(async () => {
    const decode = ${DECODE_JS};
    const [da, db] = await Promise.all([decode(${JSON.stringify(a.toString('base64'))}), decode(${JSON.stringify(b.toString('base64'))})]);
    let n = 0;
    for (let i = 0; i < Math.min(da.length, db.length); i += 4) {
      if (Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]) > 12) n++;
    }
    return n;
  })()`) as Promise<number>;
}

/** Pixels near each colour (RGB, tolerance per channel sum) in a PNG, decoded in the page. */
export async function colourCounts(page: Page, png: Buffer, colours: [number, number, number][], tol = 40): Promise<{ counts: number[]; nonWhite: number }> {
  return page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const cols = ${JSON.stringify(colours)};
    const counts = cols.map(() => 0);
    let nonWhite = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] + d[i + 1] + d[i + 2] < 735) nonWhite++;
      for (let k = 0; k < cols.length; k++) if (Math.abs(d[i] - cols[k][0]) + Math.abs(d[i + 1] - cols[k][1]) + Math.abs(d[i + 2] - cols[k][2]) <= ${tol}) counts[k]++;
    }
    return { counts, nonWhite };
  })()`) as Promise<{ counts: number[]; nonWhite: number }>;
}

// ---- waiting on conditions (no fixed sleeps in the browser tests: test/e2e-no-sleep.test.ts) ----

/** Resolves after the page's next two animation frames (React has committed, the browser has painted). */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/**
 * Resolves when the map shows the store's latest state: React has committed (two frames), the
 * basemap is idle and deck.gl has drawn the layers last handed to it (the app's own
 * `waitForMapRendered`, exposed as window.__xwghMapRendered by main.tsx).
 */
export async function mapRendered(page: Page, timeoutMs = 20_000): Promise<void> {
  await nextFrames(page);
  await page.evaluate(`window.__xwghMapRendered(${timeoutMs})`);
}

/** A screenshot of the main map once it shows the latest state (saved under `file` when given). */
export async function mapShot(page: Page, file?: string): Promise<Buffer> {
  await mapRendered(page);
  return page.locator('[data-testid=map]').screenshot(file ? { path: file } : {});
}

/**
 * expect.poll for the browser tests: call `probe` until it returns something other than
 * null/undefined/false, waiting for the page's next frames between tries (no timers). Throws
 * naming `what` and the last value after `timeoutMs`.
 */
export async function pollUntil<T>(page: Page, what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    const v = await probe();
    if (v !== null && v !== undefined && v !== false) return v;
    last = v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await nextFrames(page);
  }
}

/** The project settings as last written to IndexedDB by the autosave (null when nothing is saved). */
export async function savedSettings(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const r = indexedDB.open('xuewei-guihua', 1);
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const db = r.result;
      const g = db.transaction('projects', 'readonly').objectStore('projects').get('current');
      g.onerror = () => { db.close(); reject(g.error); };
      g.onsuccess = () => {
        db.close();
        const rec = g.result;
        resolve(rec && rec.settingsJson ? JSON.parse(rec.settingsJson) : null);
      };
    };
  })`) as Promise<Record<string, unknown> | null>;
}

/**
 * Wait until the autosave has written settings for which `holds` is true and nothing is
 * pending (the saved copy is what a reload will restore).
 */
export async function waitForSaved(page: Page, what: string, holds: (settings: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<void> {
  await pollUntil(
    page,
    `the autosave to hold ${what}`,
    async () => {
      const state = await page.evaluate('window.__xwghStore.getState().saveState');
      if (state !== 'saved') return false;
      const s = await savedSettings(page);
      return s !== null && holds(s);
    },
    timeoutMs,
  );
}
