/** The analysis in the app: figures equal the Node engine's, radius switch, uncovered layer, explanations, ledger. */
import path from 'node:path';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { runAnalysis } from '../../src/analysis/run-analysis';
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
  return runAnalysis(data, { ...defaultAnalysisParams(asOf), radiusM });
}

async function mapShot(ctx: E2eContext, name?: string): Promise<Buffer> {
  await ctx.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return ctx.page.locator('[data-testid=map]').screenshot(name ? { path: path.join(ctx.shots, name) } : {});
}

export const analysisTests: E2eTest[] = [
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
      await ctx.page.locator('[data-testid=tab-ledger]').click();
      const ledgerRows = await ctx.page.locator('[data-testid=ledger-table] tbody tr').count();
      assertEqual(ledgerRows, expected.communities.filter((c) => c.required).length, 'ledger lists every community that must have a 配套园');
      await ctx.page.screenshot({ path: path.join(ctx.shots, 'ledger.png') });
      await ctx.page.locator('[data-testid=tab-ledger]').click();
    },
  },
];
