/** The analysis in the app: figures equal the Node engine's, radius switch, uncovered layer, explanations, ledger. */
import path from 'node:path';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { defaultPlanSettings } from '../../src/analysis/plan/plan-defaults';
import { planInputOf, runPresent } from '../../src/analysis/plan/present';
import type { AnalysisParams } from '../../src/analysis/types';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { formatFigure } from '../../src/ui/FigureCard';
import { assert, assertEqual } from './assert';
import { countDiff } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

type W = { __xwghStore: { getState(): { analysisState: string; result: { district: { coveredChildren: number }; params: AnalysisParams } | null; params: AnalysisParams } } };

async function waitForAnalysis(ctx: E2eContext, radiusM: number): Promise<void> {
  await ctx.page.waitForFunction(
    (r) => {
      const s = (window as unknown as W).__xwghStore.getState();
      return s.analysisState === 'done' && s.result?.params.radiusM === r;
    },
    radiusM,
    { timeout: 20000 },
  );
}

/** the app's "today", read once from the page so Node computes overdue days the same way */
let asOf = '';

function nodeResult(_ctx: E2eContext, radiusM: number) {
  const { data } = loadDataFolder(path.resolve('data'));
  const params = { ...defaultAnalysisParams(asOf), radiusM };
  // 现状 = the plan engine's base year of the 基准 scenario, as in the app and the CLI
  return runPresent(planInputOf(data, params.ruleTable), { id: 'base', name: '基准方案', projects: data.plan_projects }, params, defaultPlanSettings()).result;
}

async function mapShot(ctx: E2eContext, name?: string): Promise<Buffer> {
  await ctx.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return ctx.page.locator('[data-testid=map]').screenshot(name ? { path: path.join(ctx.shots, name) } : {});
}

export const analysisTests: E2eTest[] = [
  {
    name: '参数可编辑并显示来源：提高毛入园率阈值后指标变为不达标',
    async run(ctx) {
      const { page } = ctx;
      await waitForAnalysis(ctx, 300);
      await page.locator('[data-testid=params-button]').click();
      const dlg = page.locator('[data-testid=params-dialog]');
      await dlg.waitFor();
      assert(((await dlg.textContent()) ?? '').includes('GB 50180-2018'), 'the radius default shows its source');
      await page.locator('[data-testid="param-indicatorThresholds.grossEnrolmentRatePct"]').fill('99');
      await page.waitForFunction(() => (window as unknown as { __xwghStore: { getState(): { result: { params: { indicatorThresholds: { grossEnrolmentRatePct: number } } } | null; analysisState: string } } }).__xwghStore.getState().result?.params.indicatorThresholds.grossEnrolmentRatePct === 99);
      await page.screenshot({ path: path.join(ctx.shots, 'params.png') });
      await page.getByRole('button', { name: '关闭' }).first().click();
      assert(await page.locator('[data-testid=figure-gross_enrolment_rate].fail').isVisible(), 'the figure now fails its threshold');
      await page.locator('[data-testid=params-button]').click();
      await page.getByRole('button', { name: '全部恢复默认值' }).click();
      await page.getByRole('button', { name: '关闭' }).first().click();
      await waitForAnalysis(ctx, 300);
      assert(await page.locator('[data-testid=figure-gross_enrolment_rate].pass').isVisible(), 'defaults restored');
    },
  },
  {
    name: '指标与 Node 引擎结果一致，点击显示公式',
    async run(ctx) {
      // the kindergarten added by the tooltip test is removed first
      await ctx.page.evaluate(async () => {
        const st = (window as unknown as { __xwghStore: { getState(): { layers: { kindergartens: { id: string }[] }; replaceLayer(l: string, r: unknown[]): Promise<void> } } }).__xwghStore.getState();
        await st.replaceLayer('kindergartens', st.layers.kindergartens.filter((k) => k.id !== 'e2e-evil'));
      });
      await waitForAnalysis(ctx, 300);
      asOf = await ctx.page.evaluate(() => (window as unknown as W).__xwghStore.getState().params.asOfDate);
      const expected = nodeResult(ctx, 300);
      for (const f of expected.indicators) {
        const shown = await ctx.page.locator(`[data-testid=figure-${f.key}] .figure-value`).textContent();
        assertEqual(shown, formatFigure(f), `figure ${f.key}`);
      }
      const cov = expected.headline.find((f) => f.key === 'coverage_children')!;
      assertEqual(await ctx.page.locator('[data-testid=figure-coverage_children] .figure-value').textContent(), formatFigure(cov), 'coverage figure');
      await ctx.page.locator('[data-testid=figure-gross_enrolment_rate] button').click();
      const explain = ctx.page.locator('[data-testid=explain-gross_enrolment_rate]');
      await explain.waitFor({ timeout: 3000 });
      const text = (await explain.textContent()) ?? '';
      assert(text.includes('计算公式') && text.includes('教督'), `explanation shows formula and source: ${text}`);
      await ctx.page.screenshot({ path: path.join(ctx.shots, 'indicators.png') });
    },
  },
  {
    name: '切换服务半径 300→500 米：覆盖人数增加，服务半径外人口图层变化',
    async run(ctx) {
      await ctx.page.locator('[data-testid=toggle-uncovered]').check();
      const at300 = await mapShot(ctx, 'uncovered-300.png');
      const cov300 = await ctx.page.evaluate(() => (window as unknown as W).__xwghStore.getState().result!.district.coveredChildren);
      await ctx.page.locator('[data-testid=radius-select]').selectOption('500');
      await waitForAnalysis(ctx, 500);
      const cov500 = await ctx.page.evaluate(() => (window as unknown as W).__xwghStore.getState().result!.district.coveredChildren);
      const expected = nodeResult(ctx, 500);
      assertEqual(cov500, expected.district.coveredChildren, 'covered children at 500 m equal the Node engine');
      assert(cov500 > cov300, `more children covered at 500 m (${cov500}) than at 300 m (${cov300})`);
      const at500 = await mapShot(ctx, 'uncovered-500.png');
      assert((await countDiff(ctx.page, at300, at500)) > 500, 'the uncovered cells changed on the map');
      await ctx.page.locator('[data-testid=toggle-catchments]').check();
      await mapShot(ctx, 'catchments-500.png');
      await ctx.page.locator('[data-testid=toggle-catchments]').uncheck();
      await ctx.page.locator('[data-testid=toggle-uncovered]').uncheck();
      await ctx.page.locator('[data-testid=radius-select]').selectOption('300');
      await waitForAnalysis(ctx, 300);
      // with no result layer on, changing the radius shows the catchments
      assert(await ctx.page.locator('[data-testid=toggle-catchments]').isChecked(), 'catchments shown after a radius change');
      await ctx.page.locator('[data-testid=toggle-catchments]').uncheck();
    },
  },
  {
    name: '街道供需表与配套园台账',
    async run(ctx) {
      const expected = nodeResult(ctx, 300);
      await ctx.page.locator('[data-testid=tab-streets]').click();
      const streetRows = await ctx.page.locator('[data-testid=street-table] tbody tr').count();
      const nonEmpty = expected.streets.filter((s) => s.children > 0 || s.places > 0).length;
      assertEqual(streetRows, nonEmpty + 1, 'one row per 街道 plus the district total');
      await ctx.page.screenshot({ path: path.join(ctx.shots, 'streets.png') });
      // a 街道 row opens its own indicators in the detail panel
      await ctx.page.locator('[data-testid=street-table] tbody tr').first().click();
      const detail = ctx.page.locator('[data-testid=analysis-detail]');
      await detail.waitFor({ timeout: 5000 });
      assert((await detail.locator('.figure').count()) >= 3, 'per-街道 indicators shown');
      await ctx.page.locator('[data-testid=tab-ledger]').click();
      const ledgerRows = await ctx.page.locator('[data-testid=ledger-table] tbody tr').count();
      assertEqual(ledgerRows, expected.communities.filter((c) => c.required).length, 'ledger lists every community that must have a 配套园');
      await ctx.page.screenshot({ path: path.join(ctx.shots, 'ledger.png') });
      // the English switch: ledger states and problem kinds in English, never raw keys
      await ctx.page.getByRole('button', { name: 'English' }).click();
      const ledgerText = (await ctx.page.locator('[data-testid=ledger-table] tbody').textContent()) ?? '';
      assert(/Accepted, not handed over|Planned, not built|Handed over/.test(ledgerText), 'English ledger states shown');
      assert(!/accepted_not_handed_over|not_handed_over|built_not_accepted|operating_inclusive/.test(ledgerText), 'no raw enum keys in the English ledger');
      await ctx.page.screenshot({ path: path.join(ctx.shots, 'ledger-en.png') });
      await ctx.page.getByRole('button', { name: '中文' }).click();
      await ctx.page.locator('[data-testid=tab-ledger]').click();
    },
  },
];
