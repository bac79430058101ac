/** The sample city loads, draws, sums correctly, toggles, and escapes text in tooltips. */
import path from 'node:path';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { formatInt } from '../../src/ui/format';
import { assert, assertEqual } from './assert';
import { countDiff, countNonBackground } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

const BG: [number, number, number] = [0xee, 0xf1, 0xf5];

async function mapShot(ctx: E2eContext, name?: string): Promise<Buffer> {
  // two animation frames so deck.gl has drawn the latest props
  await ctx.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return ctx.page.locator('[data-testid=map]').screenshot(name ? { path: path.join(ctx.shots, name) } : {});
}

/** Wait until the map area has drawn clearly more than its background. */
async function waitForDrawn(ctx: E2eContext, minPixels: number, timeoutMs = 20000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const n = await countNonBackground(ctx.page, await mapShot(ctx), BG);
    if (n >= minPixels) return n;
    if (Date.now() - t0 > timeoutMs) throw new Error(`map drew only ${n} non-background pixels`);
    await ctx.page.waitForTimeout(100);
  }
}

export const sampleTests: E2eTest[] = [
  {
    name: '示例数据加载并在地图上绘制（≤3 秒目标）',
    async run(ctx) {
      const t0 = Date.now();
      await ctx.page.goto(ctx.url);
      await ctx.page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
      await waitForDrawn(ctx, 20000);
      ctx.timings['navigation → sample drawn (screenshot poll)'] = Date.now() - t0;
      const inPage = (await ctx.page.evaluate('window.__xwghTimings.firstDataFrameMs')) as number | undefined;
      if (inPage !== undefined) ctx.timings['navigation → first map frame with data (in page)'] = Math.round(inPage);
      await ctx.page.screenshot({ path: path.join(ctx.shots, 'sample-loaded.png') });
      const name = await ctx.page.locator('[data-testid=district-name]').textContent();
      assert(name?.includes('昆都仑区'), `district name shown, got ${name}`);
      assert(await ctx.page.locator('[data-testid=data-notice]').isVisible(), 'generated-data notice visible');
    },
  },
  {
    name: '概况数字与 Node 从数据文件计算的一致',
    async run(ctx) {
      const { data } = loadDataFolder(path.resolve('data'));
      const existing = data.kindergartens.filter((k) => k.status === 'existing' || k.status === null);
      const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
      const expected = {
        kindergartens: existing.length,
        places: sum(existing, (k) => k.places),
        enrolled: sum(existing, (k) => k.enrolled ?? 0),
        children_3_5: sum(data.population, (p) => p.children_3_5),
        residents: sum(data.population, (p) => p.residents),
        communities: data.communities.length,
      };
      // DuckDB-WASM loads after the first draw; its SQL totals follow
      await ctx.page.waitForFunction(() => (window as unknown as { __xwghStore: { getState(): { summary: unknown } } }).__xwghStore.getState().summary !== null, null, { timeout: 30000 });
      const got = await ctx.page.evaluate(() => (window as unknown as { __xwghStore: { getState(): { summary: unknown } } }).__xwghStore.getState().summary);
      for (const k of Object.keys(expected) as (keyof typeof expected)[]) {
        const g = (got as Record<string, number>)[k];
        assert(Math.abs(g - expected[k]) < 1e-6, `summary.${k}: DuckDB-WASM says ${g}, Node says ${expected[k]}`);
      }
      // the cards hold "…" until the DuckDB totals are rendered
      await ctx.page.waitForFunction(() => document.querySelector('[data-testid=sum-places-value]')?.textContent !== '…', null, { timeout: 10000 });
      assertEqual(await ctx.page.locator('[data-testid=sum-places-value]').textContent(), formatInt(expected.places), 'places card');
      assertEqual(await ctx.page.locator('[data-testid=sum-kindergartens-value]').textContent(), formatInt(expected.kindergartens), 'kindergartens card');
      assertEqual(await ctx.page.locator('[data-testid=sum-children-value]').textContent(), formatInt(expected.children_3_5), 'children card');
    },
  },
  {
    name: '切换图层改变画面',
    async run(ctx) {
      const before = await mapShot(ctx);
      await ctx.page.locator('[data-testid=toggle-population]').click();
      const after = await mapShot(ctx, 'population-off.png');
      const diff = await countDiff(ctx.page, before, after);
      assert(diff > 5000, `turning the population layer off changed only ${diff} pixels`);
      await ctx.page.locator('[data-testid=toggle-population]').click();
      const back = await mapShot(ctx);
      assert((await countDiff(ctx.page, before, back)) < diff / 10, 'turning it back on restores the picture');
    },
  },
  {
    name: '悬停提示与详情面板显示转义后的文本',
    async run(ctx) {
      const evil = '<img src=x onerror="window.__pwned=1">恶意幼儿园&amp;';
      const pos = await ctx.page.evaluate(async (name) => {
        const w = window as unknown as {
          __xwghStore: { getState(): { layers: { kindergartens: Record<string, unknown>[] }; replaceLayer(l: string, r: unknown[]): Promise<void> } };
          __xwghMap: { project(p: [number, number]): { x: number; y: number }; getCenter(): { lng: number; lat: number } };
        };
        const st = w.__xwghStore.getState();
        const c = w.__xwghMap.getCenter();
        const row = { ...st.layers.kindergartens[0], id: 'e2e-evil', name, lon: c.lng, lat: c.lat, places: 900, status: 'existing' };
        await st.replaceLayer('kindergartens', [...st.layers.kindergartens, row]);
        const p = w.__xwghMap.project([c.lng, c.lat]);
        return { x: p.x, y: p.y };
      }, evil);
      const box = (await ctx.page.locator('[data-testid=map]').boundingBox())!;
      await mapShot(ctx);
      await ctx.page.mouse.move(box.x + pos.x, box.y + pos.y);
      const tip = ctx.page.locator('[data-testid=tooltip]');
      await tip.waitFor({ timeout: 5000 });
      const text = await tip.textContent();
      assert(text?.includes(evil), `tooltip shows the name as text, got ${text}`);
      assertEqual(await tip.locator('img').count(), 0, 'no <img> element injected in the tooltip');
      await ctx.page.screenshot({ path: path.join(ctx.shots, 'tooltip.png') });
      await ctx.page.mouse.click(box.x + pos.x, box.y + pos.y);
      const detail = ctx.page.locator('[data-testid=detail-panel]');
      await detail.waitFor({ timeout: 5000 });
      assert((await detail.textContent())?.includes(evil), 'detail panel shows the name as text');
      assertEqual(await ctx.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null), null, 'no script ran');
      await ctx.page.screenshot({ path: path.join(ctx.shots, 'detail.png') });
    },
  },
];
