/** Take screenshots of the built app for a human to look at: tsx test/e2e/screenshot.ts [out-dir] [width] [height] */
import path from 'node:path';
import { launchBrowser, mapRendered, serveBuild } from './browser';

const out = process.argv[2] ?? 'test-results';
const width = Number(process.argv[3] ?? 1366);
const height = Number(process.argv[4] ?? 768);
const { url, server } = await serveBuild(true);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width, height } });
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', String(e)));
const t0 = Date.now();
await page.goto(url);
await page.waitForSelector('.app[data-load-state=ready],.app[data-load-state=error]', { timeout: 30000 });
// the analysis is shown and the map has drawn it (an error screen has no map: take it as it is)
if (await page.locator('.app[data-load-state=ready]').count()) {
  await page.waitForFunction("window.__xwghStore.getState().analysisState === 'done'", undefined, { timeout: 30000 });
  await mapRendered(page);
}
console.log('ready after', Date.now() - t0, 'ms', await page.evaluate(() => JSON.stringify((window as unknown as {__xwghTimings: unknown}).__xwghTimings)));
await page.screenshot({ path: path.join(out, `app-${width}.png`) });
await browser.close();
await server.close();
