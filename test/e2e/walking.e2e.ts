/**
 * Walking distance in the app: 距离 → 步行路网 on the sample; the coverage figure drops and
 * equals the Node engine's on the same data and network; isochrones, the network and the
 * nearest-distance surface are drawn (pixels); a bad network file is refused naming it and
 * keeps the network; back to 直线 gives the straight figure again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildWalkGraph } from '../../src/analysis/network/walk-graph';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { defaultPlanSettings } from '../../src/analysis/plan/plan-defaults';
import { planInputOf, runPresent } from '../../src/analysis/plan/present';
import type { AnalysisParams } from '../../src/analysis/types';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { walkLinesFromGeoJson } from '../../src/data/network/walk-lines';
import { formatFigure } from '../../src/ui/FigureCard';
import { assert, assertEqual } from './assert';
import { countDiff, mapRendered, mapShot as shotOfMap, waitForSaved } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

type W = {
  __xwghStore: {
    getState(): {
      analysisState: string;
      result: { district: { coveredChildren: number; children: number }; params: AnalysisParams; walking?: { catchments: unknown[]; district: { straightCovered: number; walkingCovered: number } } } | null;
      params: AnalysisParams;
      walkNetwork: { nameZh: string } | null;
    };
  };
};

async function waitFor(ctx: E2eContext, mode: 'straight' | 'walking'): Promise<void> {
  await ctx.page.waitForFunction(
    (m) => {
      const s = (window as unknown as W).__xwghStore.getState();
      return s.analysisState === 'done' && (s.result?.params.distanceMode ?? 'straight') === m && s.result?.params.radiusM === 300;
    },
    mode,
    { timeout: 30000 },
  );
}

const mapShot = (ctx: E2eContext, name?: string): Promise<Buffer> => shotOfMap(ctx.page, name ? path.join(ctx.shots, name) : undefined);

const state = (ctx: E2eContext) =>
  ctx.page.evaluate(() => {
    const s = (window as unknown as W).__xwghStore.getState();
    return { covered: s.result!.district.coveredChildren, walking: s.result!.walking ? { n: s.result!.walking.catchments.length, ...s.result!.walking.district } : null, net: s.walkNetwork?.nameZh ?? null };
  });

export const walkingTests: E2eTest[] = [
  {
    name: '步行路网：覆盖率下降且与 Node 引擎一致，等时圈与路网绘出，坏文件不丢路网，切回直线',
    async run(ctx) {
      const { page } = ctx;
      await waitFor(ctx, 'straight');
      const asOf = await page.evaluate(() => (window as unknown as W).__xwghStore.getState().params.asOfDate);
      const straight = await state(ctx);
      const before = await mapShot(ctx);
      await page.locator('[data-testid=distance-select]').selectOption('walking');
      await waitFor(ctx, 'walking');
      const walk = await state(ctx);

      // the Node engine on the same data and network
      const { data } = loadDataFolder(path.resolve('data'));
      const net = walkLinesFromGeoJson(JSON.parse(readFileSync(path.resolve('data/walk-network.geojson'), 'utf8')), 'walk-network.geojson');
      const params = { ...defaultAnalysisParams(asOf), distanceMode: 'walking' as const };
      // 现状 = the plan engine's base year of 基准, as in the app
      const node = runPresent({ ...planInputOf(data, params.ruleTable), walkGraph: buildWalkGraph(net.lines) }, { id: 'base', name: '基准方案', projects: data.plan_projects }, params, defaultPlanSettings()).result;
      assertEqual(walk.covered, node.district.coveredChildren, 'covered children on foot equal the Node engine');
      assert(walk.covered < straight.covered, `walking covers fewer children (${walk.covered}) than the straight line (${straight.covered})`);
      assertEqual(walk.walking?.straightCovered !== undefined, true, 'the side-by-side straight figure is there');
      const cov = node.headline.find((f) => f.key === 'coverage_children')!;
      const card = page.locator('[data-testid=figure-coverage_children]');
      assertEqual(await card.locator('.figure-value').textContent(), formatFigure(cov), 'the coverage figure shown is the Node engine’s');
      assert(((await card.textContent()) ?? '').includes('步行路网 300 米'), 'the figure names the walking distance');
      assert(((await page.locator('[data-testid=walk-minutes]').textContent()) ?? '').includes('3.6 分钟'), '300 m ≈ 3.6 min at 5 km/h');
      assert(((await page.locator('[data-testid=walk-network-info]').textContent()) ?? '').includes('生成数据'), 'the sample network is labelled as generated');
      const total = (await page.locator('[data-testid=walking-compare-total]').textContent()) ?? '';
      assert(total.includes('全区'), `straight vs walking per 街道 shown (${total})`);

      // isochrones (catchments turned on with walking), the network, then the nearest-distance surface
      assert(await page.locator('[data-testid=toggle-catchments]').isChecked(), 'catchments shown when walking is chosen');
      assert((walk.walking?.n ?? 0) > 50, `isochrone polygons computed (${walk.walking?.n})`);
      const withIso = await mapShot(ctx, 'walking-isochrones.png');
      assert((await countDiff(page, before, withIso)) > 5000, 'isochrones and the network are drawn');
      await page.locator('[data-testid=toggle-catchments]').uncheck();
      const noIso = await mapShot(ctx);
      assert((await countDiff(page, noIso, withIso)) > 3000, 'the isochrone polygons themselves change the map');
      await page.locator('[data-testid=toggle-walk_network]').uncheck();
      const noNet = await mapShot(ctx);
      assert((await countDiff(page, noNet, noIso)) > 3000, 'the network is drawn');
      await page.locator('[data-testid=toggle-walk_nearest]').check();
      const nearest = await mapShot(ctx, 'walking-nearest.png');
      assert((await countDiff(page, noNet, nearest)) > 5000, 'the walking-distance surface is drawn');
      await page.locator('[data-testid=toggle-walk_nearest]').uncheck();
      await page.locator('[data-testid=toggle-walk_network]').check();
      await page.locator('[data-testid=toggle-catchments]').check();
      // a closer look (population off): isochrones follow the paths; back to the district view after
      await page.locator('[data-testid=toggle-population]').uncheck();
      await page.evaluate(() => (window as unknown as { __xwghMap: { jumpTo(o: object): void } }).__xwghMap.jumpTo({ center: [109.815, 40.64], zoom: 14 }));
      await mapShot(ctx, 'walking-isochrones-zoom.png');
      await page.locator('[data-testid=toggle-walk_nearest]').check();
      await mapShot(ctx, 'walking-nearest-zoom.png');
      await page.locator('[data-testid=toggle-walk_nearest]').uncheck();
      await page.evaluate(() => (window as unknown as { __xwghMap: { jumpTo(o: object): void } }).__xwghMap.jumpTo({ center: [109.78, 40.66], zoom: 11.3 }));
      await page.locator('[data-testid=toggle-population]').check();
      await page.locator('[data-testid=distance-controls]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ctx.shots, 'walking-panel.png') });

      // a broken file: refused naming it, the network kept
      await page.locator('[data-testid=walk-network-input]').setInputFiles({ name: '坏路网.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
      await page.locator('[data-testid=walk-network-error]').waitFor({ timeout: 5000 });
      assert(((await page.locator('[data-testid=walk-network-error]').textContent()) ?? '').includes('坏路网.geojson'), 'the error names the file');
      assertEqual((await state(ctx)).net, walk.net, 'the network in use is kept');
      // the same network imported as a file gives the same figure
      await page.locator('[data-testid=walk-network-input]').setInputFiles(path.resolve('data/walk-network.geojson'));
      await page.waitForFunction(() => (window as unknown as W).__xwghStore.getState().walkNetwork?.nameZh === 'walk-network.geojson', undefined, { timeout: 10000 });
      await waitFor(ctx, 'walking');
      await page.waitForFunction(() => (window as unknown as W).__xwghStore.getState().analysisState === 'done', undefined, { timeout: 20000 });
      assertEqual((await state(ctx)).covered, walk.covered, 'the imported file gives the same coverage');

      // a network edit in the current scenario: a new path drawn with two clicks, then removed
      const shotBeforeEdit = await mapShot(ctx);
      const px = (lon: number, lat: number) => page.evaluate(([a, b]) => (window as unknown as { __xwghMap: { project(p: [number, number]): { x: number; y: number } } }).__xwghMap.project([a, b]), [lon, lat] as [number, number]);
      const box = (await page.locator('[data-testid=map]').boundingBox())!;
      const a = await px(109.80, 40.655);
      const b = await px(109.83, 40.655);
      await page.locator('[data-testid=network-add]').click();
      await page.waitForFunction(() => (window as unknown as { __xwghStore: { getState(): { networkTool: string } } }).__xwghStore.getState().networkTool === 'add');
      await page.mouse.click(box.x + a.x, box.y + a.y);
      await page.waitForFunction(() => (window as unknown as { __xwghStore: { getState(): { networkPathStart: unknown } } }).__xwghStore.getState().networkPathStart !== null, undefined, { timeout: 5000 });
      // the path's start is drawn before the second click (as a planner sees it)
      await mapRendered(page);
      // the second click ends the path; under load the map can take it too soon after the first
      // (not as a click): then the start is still waiting, and the click is given again
      for (let k = 0; ; k++) {
        await page.mouse.click(box.x + b.x, box.y + b.y);
        const ended = await page
          .waitForFunction(() => ((window as unknown as { __xwghStore: { getState(): { scenarios: { networkEdits?: unknown[] }[] } } }).__xwghStore.getState().scenarios[0].networkEdits ?? []).length === 1, undefined, { timeout: 3000 })
          .then(() => true, () => false);
        if (ended) break;
        const waiting = await page.evaluate(() => {
          const st = (window as unknown as { __xwghStore: { getState(): { networkPathStart: unknown; networkTool: string } } }).__xwghStore.getState();
          return { networkPathStart: st.networkPathStart, networkTool: st.networkTool };
        });
        assert(k < 2 && waiting.networkPathStart !== null && waiting.networkTool === 'add', `the second click ended the path (try ${k + 1})`);
      }
      await waitFor(ctx, 'walking');
      await page.waitForFunction(() => (window as unknown as W).__xwghStore.getState().analysisState === 'done', undefined, { timeout: 20000 });
      const withEdit = await mapShot(ctx, 'walking-network-edit.png');
      assert((await countDiff(page, shotBeforeEdit, withEdit)) > 300, 'the new path is drawn');
      const editedCovered = (await state(ctx)).covered;
      assert(editedCovered >= walk.covered, `a new path never lowers coverage (${editedCovered} ≥ ${walk.covered})`);
      await page.locator('[data-testid=network-edits] button.link').first().click();
      await page.waitForFunction(() => ((window as unknown as { __xwghStore: { getState(): { scenarios: { networkEdits?: unknown[] }[] } } }).__xwghStore.getState().scenarios[0].networkEdits ?? []).length === 0, undefined, { timeout: 5000 });
      await page.waitForFunction((c) => { const s = (window as unknown as W).__xwghStore.getState(); return s.analysisState === 'done' && s.result?.district.coveredChildren === c; }, walk.covered, { timeout: 20000 });

      // 选址 on foot: the children its walking reach counts as covered by existing kindergartens are the engine's walking figure
      await page.locator('[data-testid=tab-siting]').click();
      await page.locator('[data-testid=siting-p]').fill('2');
      await page.locator('[data-testid=siting-run]').click();
      await page.locator('[data-testid=siting-exact]').waitFor({ timeout: 90000 });
      const sitingCovered = await page.evaluate(() => (window as unknown as { __xwghStore: { getState(): { sitingSummary: { coveredByExisting: number } } } }).__xwghStore.getState().sitingSummary.coveredByExisting);
      // (the engine's district figure is whole persons per 街道, 选址 sums the cells' fractional demand: within one child per 街道)
      assert(Math.abs(sitingCovered - node.district.coveredChildren) <= node.streets.length, `选址's walking reach covers ${sitingCovered} children with the existing kindergartens, the engine ${node.district.coveredChildren}`);
      await mapShot(ctx, 'walking-siting.png');
      await page.locator('[data-testid=tab-siting]').click();

      // the choice is saved with the project: after a reload walking comes back with the sample's network
      await waitForSaved(page, 'walking distance and no network edit', (set) => {
        const plan = set.plan as { scenarios: { networkEdits?: unknown[] }[] } | undefined;
        return (set.params as { distanceMode?: string } | undefined)?.distanceMode === 'walking' && (plan?.scenarios[0].networkEdits ?? []).length === 0;
      });
      await page.reload();
      await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
      await page.waitForFunction(() => !!(window as unknown as W).__xwghStore.getState().walkNetwork, undefined, { timeout: 20000 });
      await waitFor(ctx, 'walking');
      assertEqual((await state(ctx)).covered, walk.covered, 'after a reload: walking restored with the sample network, the same figure');

      await page.locator('[data-testid=distance-select]').selectOption('straight');
      await waitFor(ctx, 'straight');
      assertEqual((await state(ctx)).covered, straight.covered, 'back to the straight-line figure');
      await page.locator('[data-testid=toggle-catchments]').uncheck();
    },
  },
];
