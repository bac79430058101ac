/** The sample shows the generated vector basemap, nothing leaves 127.0.0.1 by default, and a failed 天地图 load says so. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { assert } from './assert';
import { colourCounts, mapRendered, pollUntil } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

/** pixels of the map area within `tol` of one of `colours` (distinct colours: a pixel matches one at most) */
async function countColours(page: Page, png: Buffer, colours: [number, number, number][], tol = 6): Promise<number> {
  const { counts } = await colourCounts(page, png, colours, tol);
  return counts.reduce((x, y) => x + y, 0);
}

/** road fill (white): with the planning layers hidden nothing else in the inner map area is white */
const ROAD: [number, number, number] = [0xff, 0xff, 0xff];
const RIVER: [number, number, number] = [0xa6, 0xc8, 0xe4];

let page: Page | null = null;
const requests: string[] = [];

async function freshPage(ctx: E2eContext): Promise<Page> {
  // a page of its own (fresh localStorage: the default choice); the request log starts before the first navigation
  const p = await ctx.page.context().browser()!.newPage({ viewport: { width: 1366, height: 768 } });
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(ctx.url);
  await p.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
  return p;
}

export const basemapTests: E2eTest[] = [
  {
    name: '示例矢量底图默认显示（道路、河流像素可见），默认无请求离开 127.0.0.1',
    async run(ctx) {
      page = await freshPage(ctx);
      const status = page.locator('[data-testid=basemap-status]');
      await status.waitFor({ timeout: 10000 });
      assert((await status.textContent())?.includes('示例底图（生成数据，非真实道路）'), 'the sample basemap is labelled as generated');
      // hide the planning layers so the basemap itself is measured
      for (const t of ['population', 'communities', 'kindergartens', 'plan_projects', 'admin_units']) await page.locator(`[data-testid=toggle-${t}]`).click();
      const p = page;
      let roads = 0;
      let river = 0;
      // once the map shows the hidden layers gone and its tiles are in, count; again after each redraw until both show
      await pollUntil(p, 'roads and river drawn', async () => {
        await mapRendered(p);
        // the inner part of the map: not the status line, the zoom buttons or the scale
        const box = (await p.locator('[data-testid=map]').boundingBox())!;
        const shot = await p.screenshot({ clip: { x: box.x + 20, y: box.y + 50, width: box.width - 90, height: box.height - 100 } });
        roads = await countColours(p, shot, [ROAD]);
        river = await countColours(p, shot, [RIVER]);
        return roads >= 2000 && river >= 300;
      }).catch(() => undefined); // the assertions below name the counts
      await page.locator('[data-testid=map]').screenshot({ path: path.join(ctx.shots, 'basemap-sample.png') });
      assert(roads >= 2000, `road casing pixels in the map: ${roads}`);
      assert(river >= 300, `river pixels in the map: ${river}`);
      const external = requests.filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(u));
      assert(external.length === 0, `requests off the machine: ${external.slice(0, 5).join(', ')}`);
    },
  },
  {
    name: '选择天地图（需密钥）后瓦片加载失败时显示“底图瓦片加载失败”',
    async run(ctx) {
      const p = page ?? (await freshPage(ctx));
      // no internet here: answer the tile requests ourselves with an error
      const asked: string[] = [];
      await p.route(/tianditu\.gov\.cn/, (route) => {
        asked.push(route.request().url());
        return route.fulfill({ status: 403, body: 'forbidden' });
      });
      await p.locator('[data-testid=settings-button]').click();
      await p.locator('[data-testid=basemap-tianditu-key]').fill('e2e-test-key');
      await p.locator('[data-testid=basemap-tianditu-save]').click();
      await p.locator('[data-testid=basemap-tianditu-vec]').check();
      const notice = p.locator('[data-testid=basemap-notice]');
      await p.waitForFunction(() => (document.querySelector('[data-testid=basemap-notice]')?.textContent ?? '').length > 0, null, { timeout: 15000 });
      const text = await notice.textContent();
      assert(text?.startsWith('底图瓦片加载失败：天地图'), `notice: ${text}`);
      assert(asked.some((u) => u.includes('/vec_w/wmts?') && u.includes('tk=e2e-test-key')), `vector tiles asked with the key: ${asked[0]}`);
      assert(asked.some((u) => u.includes('/cva_w/wmts?')), 'annotation tiles asked too');
      await p.screenshot({ path: path.join(ctx.shots, 'basemap-tianditu-failed.png') });
      // back to the default, remembered for the other tests' page
      await p.locator('[data-testid=basemap-sample]').check();
      await p.waitForFunction(() => (document.querySelector('[data-testid=basemap-notice]')?.textContent ?? '') === '', null, { timeout: 5000 });
      await p.context().close();
      page = null;
    },
  },
];
