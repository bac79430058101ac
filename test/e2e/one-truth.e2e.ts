/**
 * One truth on every screen: the present view (现状), the plan at its base year and the 汇报
 * deck show the same value for each shared quantity; after a 配套园 is recorded as opened in the
 * base year the summary cards, the engine's result and the plan agree.
 */
import path from 'node:path';
import { assert, assertEqual } from './assert';
import type { E2eContext, E2eTest } from './run-e2e';

type Store = { __xwghStore: { getState(): Record<string, any> } };

const FIGURES = ['sum-places-value', 'sum-kindergartens-value', 'sum-children-value', 'sum-enrolled-value', 'summary-basis'];
const RATES = ['gross_enrolment_rate', 'inclusive_coverage', 'public_share', 'coverage_children'];

async function readScreen(ctx: E2eContext): Promise<Record<string, string>> {
  return ctx.page.evaluate(
    ([ids, rates]) => {
      const out: Record<string, string> = {};
      for (const id of ids) out[id] = document.querySelector(`[data-testid=${id}]`)?.textContent ?? '';
      for (const k of rates) out[k] = document.querySelector(`[data-testid=figure-${k}] .figure-value`)?.textContent ?? '';
      return out;
    },
    [FIGURES, RATES] as const,
  );
}

async function settled(ctx: E2eContext, plan: boolean, year?: number): Promise<void> {
  await ctx.page.waitForFunction(
    ([p, y]) => {
      const s = (window as unknown as Store).__xwghStore.getState();
      if (s.analysisState !== 'done' || !s.result || s.resultVersion !== s.dataVersion) return false;
      if (!p) return !s.planOpen && document.querySelector('[data-testid=sum-places-value]')?.textContent !== '…';
      return s.planOpen && s.planState === 'done' && s.planYear === y && Object.keys(s.planStale).length === 0 && Boolean(s.planResults[s.currentScenarioId]?.detail[y as number]);
    },
    [plan, year ?? 0] as const,
    { timeout: 30000 },
  );
  await ctx.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export const oneTruthTests: E2eTest[] = [
  {
    name: '一个口径：现状、十五五基准年与汇报的同一指标数值相同；台账登记开园后概况、引擎与规划一致',
    async run(ctx) {
      const { page } = ctx;
      await page.evaluate(() => {
        const s = (window as unknown as Store).__xwghStore.getState();
        if (s.presenting) s.closePresent();
        if (s.planOpen) s.setPlanOpen(false);
        s.selectScenario('base');
      });
      await settled(ctx, false);
      const present = await readScreen(ctx);
      assert(present['summary-basis'].startsWith('2025 年（由 2020 年普查'), `the present names its year and basis: ${present['summary-basis']}`);

      // 十五五 at the base year: the same figures
      await page.locator('[data-testid=plan-open]').click();
      await page.locator('[data-testid=year-2025]').click();
      await settled(ctx, true, 2025);
      const base = await readScreen(ctx);
      for (const k of Object.keys(present)) assertEqual(base[k], present[k], `十五五 2025 vs 现状: ${k}`);
      await page.screenshot({ path: path.join(ctx.shots, 'one-truth-plan-2025.png') });
      await page.getByRole('button', { name: '× 现状' }).click();
      await settled(ctx, false);

      // 汇报: the 现状 screen's cards and the 2030 screen's "before" equal the present
      await page.locator('[data-testid=present-open]').click();
      await page.locator('[data-testid=present-card-places]').waitFor({ timeout: 20000 });
      assertEqual(await page.locator('[data-testid=present-card-places] .value').textContent(), present['sum-places-value'], '汇报 现状: places');
      assertEqual(await page.locator('[data-testid=present-card-gross_enrolment_rate] .value').textContent(), present.gross_enrolment_rate, '汇报 现状: 毛入园率');
      assertEqual(await page.locator('[data-testid=present-card-inclusive_coverage] .value').textContent(), present.inclusive_coverage, '汇报 现状: 普惠覆盖率');
      assertEqual(await page.locator('[data-testid=present-card-public_share] .value').textContent(), present.public_share, '汇报 现状: 公办占比');
      assert(((await page.locator('[data-testid=present-basis]').textContent()) ?? '').includes('2025 年'), 'the 汇报 screen names its data year');
      for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
      await page.locator('[data-testid=present-card-places]').waitFor({ timeout: 20000 });
      await page.waitForFunction(() => (document.querySelector('[data-testid=present-card-places] .value')?.textContent ?? '').includes('→'), null, { timeout: 30000 });
      const before = ((await page.locator('[data-testid=present-card-places] .value').textContent()) ?? '').split('→')[0].trim();
      assertEqual(before, present['sum-places-value'], '汇报 2030 screen: the 2025 places');
      const rateBefore = ((await page.locator('[data-testid=present-card-inclusive_coverage] .value').textContent()) ?? '').split('→')[0].trim();
      assertEqual(rateBefore, present.inclusive_coverage, '汇报 2030 screen: the 2025 普惠覆盖率');
      await page.screenshot({ path: path.join(ctx.shots, 'one-truth-present-2030.png') });
      await page.keyboard.press('Escape');
      await page.evaluate(() => {
        const s = (window as unknown as Store).__xwghStore.getState();
        if (s.planOpen) s.setPlanOpen(false);
      });
      await settled(ctx, false);

      // a 配套园 recorded as opened (公办) in the base year, with no kindergarten row: +classes × 30
      const opened = await page.evaluate(async () => {
        const s = (window as unknown as Store).__xwghStore.getState();
        const kgCommunities = new Set(s.layers.kindergartens.map((k: { community_id: string | null }) => k.community_id));
        const c = s.layers.communities.find((x: { supporting_kg_status: string; id: string; supporting_kg_classes: number | null; supporting_kg_id: string | null }) => x.supporting_kg_status === 'handed_over' && !kgCommunities.has(x.id) && !x.supporting_kg_id && (x.supporting_kg_classes ?? 0) > 0);
        if (!c) return null;
        const r = await s.changeLedgerStatus(c.id, 'operating_public', { date: '2025-10-01', note: '浏览器测试：登记开园' });
        return r.ok ? { id: c.id, places: c.supporting_kg_classes * 30 } : null;
      });
      assert(opened !== null, 'a handed-over 配套园 without a kindergarten row was opened');
      await page.waitForFunction(
        (p) => {
          const s = (window as unknown as Store).__xwghStore.getState();
          return s.analysisState === 'done' && s.result && s.result.district.places === p;
        },
        Number(present['sum-places-value'].replace(/,/g, '')) + opened!.places,
        { timeout: 30000 },
      );
      await settled(ctx, false);
      const after = await readScreen(ctx);
      const engine = await page.evaluate(() => {
        const s = (window as unknown as Store).__xwghStore.getState();
        return { places: s.result.district.places as number, summary: s.presentPlan.years[0].places as number };
      });
      assertEqual(after['sum-places-value'], engine.places.toLocaleString('en-US'), 'summary card = engine after the opening');
      assertEqual(engine.summary, engine.places, 'plan summary of the base year = engine');
      await page.locator('[data-testid=plan-open]').click();
      await page.locator('[data-testid=year-2025]').click();
      await settled(ctx, true, 2025);
      assertEqual((await readScreen(ctx))['sum-places-value'], after['sum-places-value'], '十五五 2025 after the opening');
      await page.getByRole('button', { name: '× 现状' }).click();
      await page.evaluate(async () => {
        await (window as unknown as Store).__xwghStore.getState().undoLedgerChange();
      });
      await settled(ctx, false);
    },
  },
];
