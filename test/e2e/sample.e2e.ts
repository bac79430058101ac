/** The sample city loads, draws, sums correctly, toggles, and escapes text in tooltips. */
import path from 'node:path';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { defaultPlanSettings } from '../../src/analysis/plan/plan-defaults';
import { planInputOf, runPresent } from '../../src/analysis/plan/present';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { formatInt } from '../../src/ui/format';
import { assert, assertEqual } from './assert';
import { countDiff, countNonBackground, mapShot as shotOfMap, pollUntil } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

const BG: [number, number, number] = [0xee, 0xf1, 0xf5];

const mapShot = (ctx: E2eContext, name?: string): Promise<Buffer> => shotOfMap(ctx.page, name ? path.join(ctx.shots, name) : undefined);

/** Wait until the map area has drawn clearly more than its background. */
async function waitForDrawn(ctx: E2eContext, minPixels: number, timeoutMs = 20000): Promise<number> {
  return pollUntil(ctx.page, `the map to draw ${minPixels} non-background pixels`, async () => {
    const n = await countNonBackground(ctx.page, await mapShot(ctx), BG);
    return n >= minPixels ? n : false;
  }, timeoutMs);
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
    name: '概况数字与 Node 引擎（基准年）一致，并注明数据年份与口径',
    async run(ctx) {
      const { data } = loadDataFolder(path.resolve('data'));
      const params = defaultAnalysisParams(await ctx.page.evaluate(() => (window as unknown as { __xwghStore: { getState(): { params: { asOfDate: string } } } }).__xwghStore.getState().params.asOfDate));
      const { plan } = runPresent(planInputOf(data, params.ruleTable), { id: 'base', name: '基准方案', projects: data.plan_projects }, params, defaultPlanSettings());
      const y = plan.years[0];
      // the cards hold "…" until the engine's figures arrive
      await ctx.page.waitForFunction(() => document.querySelector('[data-testid=sum-places-value]')?.textContent !== '…', null, { timeout: 30000 });
      assertEqual(await ctx.page.locator('[data-testid=sum-places-value]').textContent(), formatInt(y.places), 'places card');
      assertEqual(await ctx.page.locator('[data-testid=sum-kindergartens-value]').textContent(), formatInt(y.kindergartens), 'kindergartens card');
      assertEqual(await ctx.page.locator('[data-testid=sum-children-value]').textContent(), formatInt(y.childrenBirths), 'children card (births basis)');
      assertEqual(await ctx.page.locator('[data-testid=sum-children-sub]').textContent(), `${plan.dataYear}年普查口径 ${formatInt(plan.censusChildren)}`, 'the census count beside it');
      assertEqual(await ctx.page.locator('[data-testid=summary-basis]').textContent(), `2025 年（由 ${plan.dataYear} 年普查按出生人口推算）`, 'data year and method named');
      const enrolled = y.enrolledByType.public + y.enrolledByType.inclusive_private + y.enrolledByType.private;
      assertEqual(await ctx.page.locator('[data-testid=sum-enrolled-value]').textContent(), formatInt(enrolled), 'enrolled card');
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
