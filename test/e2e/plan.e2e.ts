/** The five-year plan in the app: a new build clicked on the map raises places and coverage past its finish year by exactly what the CLI computes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { runAnalysis } from '../../src/analysis/run-analysis';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { assert, assertEqual } from './assert';
import { waitForSaved } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

type St = {
  planOpen: boolean;
  planState: string;
  planYear: number;
  currentScenarioId: string;
  planResults: Record<string, { years: { year: number; places: number; coveredDemand: number }[] }>;
  scenarios: { id: string; projects: { id: string; finish_year: number; lon: number; lat: number }[] }[];
  setPlanOpen(o: boolean): void;
};
type W = { __xwghStore: { getState(): St }; __xwghMap: { project(ll: [number, number]): { x: number; y: number } } };

async function waitForPlan(ctx: E2eContext, year: number): Promise<void> {
  await ctx.page.waitForFunction(
    (y) => {
      const s = (window as unknown as W).__xwghStore.getState();
      return s.planState === 'done' && s.planYear === y && Boolean(s.planResults[s.currentScenarioId]);
    },
    year,
    { timeout: 30000 },
  );
}

const cardValue = async (ctx: E2eContext, id: string): Promise<number> => Number(await ctx.page.locator(`[data-testid=${id}]`).getAttribute('data-value'));

export const planTests: E2eTest[] = [
  {
    name: '十五五规划：在地图上新建幼儿园，拖动年份滑块越过竣工年，学位与覆盖的增加与命令行一致',
    async run(ctx) {
      const { page } = ctx;
      // the most-children cell outside every 300 m catchment today: where a planner would site it
      const { data } = loadDataFolder(path.resolve('data'));
      const now = runAnalysis(data, defaultAnalysisParams('2026-01-01'));
      let best = -1;
      data.population.forEach((c, i) => {
        if (now.cells.covered[i] === 0 && (best < 0 || c.children_3_5 > data.population[best].children_3_5)) best = i;
      });
      const target = data.population[best];
      await page.locator('[data-testid=plan-open]').click();
      await waitForPlan(ctx, 2025);
      await page.locator('[data-testid=scenario-duplicate]').click();
      await waitForPlan(ctx, 2025);
      await page.locator('[data-testid=tab-projects]').click();
      await page.locator('[data-testid=add-on-map]').click();
      // the drawer covers the lower half of the map: centre the map on the target first
      await page.evaluate(([lon, lat]) => (window as unknown as { __xwghMap: { jumpTo(o: unknown): void } }).__xwghMap.jumpTo({ center: [lon, lat - 0.01], zoom: 13 }), [target.lon, target.lat]);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const pt = await page.evaluate(([lon, lat]) => (window as unknown as W).__xwghMap.project([lon, lat]), [target.lon, target.lat]);
      const box = (await page.locator('[data-testid=map]').boundingBox())!;
      await page.mouse.click(box.x + pt.x, box.y + pt.y);
      await waitForPlan(ctx, 2025);
      const added = await page.evaluate(() => {
        const s = (window as unknown as W).__xwghStore.getState();
        const sc = s.scenarios.find((x) => x.id === s.currentScenarioId)!;
        return sc.projects[sc.projects.length - 1];
      });
      assert(Math.abs(added.lon - target.lon) < 0.002 && Math.abs(added.lat - target.lat) < 0.002, `the new build is where the map was clicked (${added.lon}, ${added.lat})`);
      assert(await page.locator(`[data-testid=project-${added.id}]`).isVisible(), 'the new project is listed in the table');
      await page.locator('[data-testid=tab-projects]').click();
      // before and after: the finish year, and the year after it (places from finish + 1)
      const before = added.finish_year;
      const after = added.finish_year + 1;
      await page.locator('[data-testid=year-slider]').fill(String(before));
      await waitForPlan(ctx, before);
      const placesBefore = await cardValue(ctx, 'plan-card-places');
      const coveredBefore = await cardValue(ctx, 'plan-card-coverage');
      await page.locator('[data-testid=year-slider]').fill(String(after));
      await waitForPlan(ctx, after);
      const placesAfter = await cardValue(ctx, 'plan-card-places');
      const coveredAfter = await cardValue(ctx, 'plan-card-coverage');
      await page.screenshot({ path: path.join(ctx.shots, 'plan-new-build.png') });
      // against the base scenario (other projects open in the same years): +0 in the finish year, +360 after
      const base = await page.evaluate(() => (window as unknown as W).__xwghStore.getState().planResults.base.years);
      const baseOf = (y: number) => base.find((b) => b.year === y)!;
      assertEqual(placesBefore - baseOf(before).places, 0, 'nothing added in the finish year');
      assertEqual(placesAfter - baseOf(after).places, 360, 'the new build adds its 360 places the year after it is finished');
      assertEqual(coveredBefore, baseOf(before).coveredDemand, 'coverage unchanged in the finish year');
      assert(coveredAfter > baseOf(after).coveredDemand, `coverage rises (${baseOf(after).coveredDemand} → ${coveredAfter})`);
      // the same scenario file through the CLI
      const dl = page.waitForEvent('download');
      await page.locator('[data-testid=scenario-export]').click();
      const dir = mkdtempSync(path.join(tmpdir(), 'xwgh-plan-'));
      const file = path.join(dir, 'scenario.xwgh-scenario.json');
      await (await dl).saveAs(file);
      const out = path.join(dir, 'plan.json');
      const cli = spawnSync('npx', ['tsx', 'scripts/analyze.ts', '--data', 'data', '--scenario', file, '--year', String(after), '--json', out], { encoding: 'utf8' });
      assertEqual(cli.status, 0, `CLI exit (${cli.stderr})`);
      const report = JSON.parse(readFileSync(out, 'utf8')) as { years: { year: number; places: number; coveredDemand: number }[] };
      const y0 = report.years.find((y) => y.year === before)!;
      const y1 = report.years.find((y) => y.year === after)!;
      assertEqual([placesBefore, placesAfter, coveredBefore, coveredAfter], [y0.places, y1.places, y0.coveredDemand, y1.coveredDemand], 'app and CLI agree on places and covered children');
      const shown = (await page.locator('[data-testid=plan-card-places] .card-value').textContent()) ?? '';
      assertEqual(shown.replace(/,/g, ''), String(placesAfter), 'the card shows the figure');
      await page.locator('[data-testid=tab-years]').click();
      await page.locator('[data-testid=plan-chart] canvas').first().waitFor({ timeout: 10000 });
      await page.screenshot({ path: path.join(ctx.shots, 'plan-years.png') });
      // compare with the base scenario: the table and the one project that differs
      await page.locator('[data-testid=tab-compare]').click();
      await page.locator('[data-testid=compare-select]').selectOption('base');
      await page.locator('[data-testid=compare-table]').waitFor({ timeout: 20000 });
      const diffText = (await page.locator('[data-testid=compare-diff]').textContent()) ?? '';
      assert(diffText.includes(added.id) && !diffText.includes('XM01'), `only the new build differs (${diffText})`);
      await page.screenshot({ path: path.join(ctx.shots, 'plan-compare.png') });
      await page.evaluate(() => (window as unknown as W).__xwghStore.getState().setPlanOpen(false));
    },
  },
];

planTests.push({
  name: '菜单按 Esc 或点击外部关闭',
  async run(ctx) {
    const { page } = ctx;
    await page.locator('[data-testid=data-menu]').click();
    await page.locator('.menu-panel').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.menu-panel').waitFor({ state: 'detached', timeout: 2000 });
    await page.locator('[data-testid=settings-button]').click();
    await page.locator('.settings').waitFor();
    await page.mouse.click(600, 400);
    await page.locator('.settings').waitFor({ state: 'detached', timeout: 2000 });
  },
});

planTests.push({
  name: '规划方案与年份在刷新后保留',
  async run(ctx) {
    const { page } = ctx;
    const st = () => (window as unknown as W).__xwghStore.getState();
    await page.evaluate(() => (window as unknown as W).__xwghStore.getState().setPlanOpen(true));
    await page.locator('[data-testid=scenario-duplicate]').click();
    await page.locator('[data-testid=year-2029]').click();
    const before = await page.evaluate(`(${st.toString()})().scenarios.map((x) => x.name)`);
    await page.waitForFunction(`(() => { const s = (${st.toString()})(); return !s.planAbort; })()`, null, { timeout: 10000 });
    // the autosave runs 800 ms after the last change: wait until the stored copy holds the scenarios and the year
    await waitForSaved(page, 'the scenarios at 2029', (set) => {
      const plan = set.plan as { scenarios: { name: string }[]; year: number; open: boolean } | undefined;
      return JSON.stringify(plan?.scenarios.map((x) => x.name)) === JSON.stringify(before) && plan?.year === 2029 && plan.open === true;
    });
    await page.reload();
    await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
    await page.locator('[data-testid=plan-card-places]').waitFor({ timeout: 20000 });
    const after = (await page.evaluate(`(() => { const s = (${st.toString()})(); return { names: s.scenarios.map((x) => x.name), year: s.planYear, open: s.planOpen }; })()`)) as { names: string[]; year: number; open: boolean };
    assertEqual(after.names, before, 'the scenarios are back');
    assertEqual([after.year, after.open], [2029, true], 'the plan is open at 2029');
    // leave the app as the next tests expect it
    await page.evaluate(() => {
      const s = (window as unknown as { __xwghStore: { getState(): { scenarios: { id: string }[]; deleteScenario(id: string): void; setPlanOpen(o: boolean): void; setPlanYear(y: number): void } } }).__xwghStore.getState();
      for (const sc of s.scenarios) if (sc.id !== 'base') s.deleteScenario(sc.id);
      s.setPlanYear(2025);
      s.setPlanOpen(false);
    });
  },
});
