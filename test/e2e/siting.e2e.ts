/** 选址 in the app: instant then exact MCLP answer equal to the Node engine's, sites on the map, added to the plan. */
import loadHighs from 'highs';
import path from 'node:path';
import { gridCandidates, prepareSiting, runSitingExact } from '../../src/analysis/siting/run-siting';
import { defaultSitingParams } from '../../src/analysis/siting/siting-types';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { defaultPlanSettings } from '../../src/analysis/plan/plan-defaults';
import { presentSitingInput } from '../../src/analysis/plan/present';
import { msg } from '../../src/i18n';
import { assert, assertEqual } from './assert';
import { countDiff } from './browser';
import type { E2eTest } from './run-e2e';

export const sitingTests: E2eTest[] = [
  {
    name: '选址：p = 3 的 MCLP 先给即时结果再给精确结果，与命令行一致，并加入规划方案',
    async run(ctx) {
      const { page } = ctx;
      const { data } = loadDataFolder(path.resolve('data'));
      const params = { ...defaultSitingParams(), p: 3, radiusM: 300 };
      // 选址 works on the year on screen: 现状 = the base year of 基准 (its demand per cell, its kindergartens)
      const present = presentSitingInput(data, { ...defaultAnalysisParams('2026-12-01'), radiusM: 300 }, defaultPlanSettings());
      const prep = prepareSiting(present.population, present.kindergartens, gridCandidates(data.population, 300, (col, row) => msg('zh', 'engine.siting.gridName', { col, row })), params);
      const node = runSitingExact(prep, await loadHighs(), { timeLimitS: 60 });
      const map = page.locator('[data-testid=map]');
      await page.locator('[data-testid=tab-siting]').click();
      await page.locator('[data-testid=siting-p]').fill('3');
      const before = await map.screenshot();
      await page.locator('[data-testid=siting-run]').click();
      await page.locator('[data-testid=siting-heuristic]').waitFor({ timeout: 30000 });
      const exact = page.locator('[data-testid=siting-exact]');
      await exact.waitFor({ timeout: 90000 });
      assertEqual(Number(await exact.getAttribute('data-objective')), node.objective, 'the exact objective equals the Node engine');
      assertEqual(await exact.getAttribute('data-proved'), '1', 'proved optimal');
      const heuristic = Number(await page.locator('[data-testid=siting-heuristic]').getAttribute('data-objective'));
      assert(heuristic <= node.objective, `the instant answer (${heuristic}) never beats the exact one (${node.objective})`);
      const shown = await page.locator('[data-testid=siting-table] tbody tr td:nth-child(2)').allTextContents();
      assertEqual(shown, node.sites.map((s) => s.name), 'the ranked sites are the Node engine’s');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await map.screenshot({ path: path.join(ctx.shots, 'siting-result.png') });
      const changed = await countDiff(page, before, after);
      assert(changed > 2000, `the chosen sites and the children they serve are drawn (${changed} pixels changed)`);
      await page.screenshot({ path: path.join(ctx.shots, 'siting-panel.png') });
      // one click: the sites become new builds of the current scenario
      await page.locator('[data-testid=siting-add]').click();
      const projects = (await page.evaluate(`(() => { const s = window.__xwghStore.getState(); return s.scenarios.find((x) => x.id === s.currentScenarioId).projects.filter((p) => p.id.startsWith('XZ')).map((p) => [p.lon, p.lat, p.places_after]); })()`)) as [number, number, number][];
      assertEqual(projects.length, 3, 'three new builds in the scenario');
      assert(projects.every(([, , places]) => places === 360), '12 classes × 30 places each');
      // leave the plan as it was for the next tests
      await page.evaluate(`(() => { const s = window.__xwghStore.getState(); s.undoPlan(); s.setPlanOpen(false); })()`);
      await page.locator('[data-testid=tab-siting]').click();
    },
  },
];
