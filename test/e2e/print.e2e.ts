/**
 * 打印排版: the composer makes an A3 portrait and an A4 landscape PDF of the current view —
 * page size from pdfinfo, the title and a KPI figure as text (pdftotext), the map's
 * kindergartens in the rendered page (pdftoppm pixels), the chart left out when unticked.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, assertEqual } from './assert';
import { colourCounts } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

const PUBLIC_BLUE: [number, number, number] = [31, 111, 209];

async function make(ctx: E2eContext, name: string): Promise<{ file: string; ms: number }> {
  const t0 = Date.now();
  const [d] = await Promise.all([ctx.page.waitForEvent('download', { timeout: 60000 }), ctx.page.locator('[data-testid=print-make]').click()]);
  const file = path.join(ctx.shots, name);
  await d.saveAs(file);
  return { file, ms: Date.now() - t0 };
}

export const printTests: E2eTest[] = [
  {
    name: '打印排版：A3 纵向与 A4 横向 PDF（标题、地图、图例、比例尺、指北针、指标卡、图表、来源）',
    async run(ctx) {
      try {
        await runPrint(ctx);
      } finally {
        // never leave the dialog over the app for the next tests
        if (await ctx.page.locator('[data-testid=print-composer]').count()) await ctx.page.keyboard.press('Escape');
      }
    },
  },
];

async function runPrint(ctx: E2eContext): Promise<void> {
      const { page } = ctx;
      // the present-day view (the plan may be open after earlier tests): cards and chart of 现状
      await page.evaluate(() => {
        const s = (window as unknown as { __xwghStore: { getState(): { planOpen: boolean; setPlanOpen(o: boolean): void } } }).__xwghStore.getState();
        if (s.planOpen) s.setPlanOpen(false);
      });
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=sum-places-value]')?.textContent ?? ''), null, { timeout: 30000 });
      await page.locator('[data-testid=print-compose]').click();
      const dlg = page.locator('[data-testid=print-composer]');
      await dlg.waitFor({ timeout: 10000 });
      await page.locator('[data-testid=print-title]').fill('昆都仑区幼儿园布局现状图（打印测试）');
      await page.locator('[data-testid=print-paper]').selectOption('A3');
      await page.locator('[data-testid=print-orientation]').selectOption('portrait');
      await page.screenshot({ path: path.join(ctx.shots, 'print-composer.png') });
      const a3 = await make(ctx, 'print-a3-portrait.pdf');
      ctx.timings['打印排版 A3 portrait PDF (click → file)'] = a3.ms;
      const info = execFileSync('pdfinfo', [a3.file], { encoding: 'utf8' });
      const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!;
      assert(Math.abs(Number(size[1]) - 841.89) < 1 && Math.abs(Number(size[2]) - 1190.55) < 1, `A3 portrait (${size[1]} × ${size[2]} pt)`);
      const text = execFileSync('pdftotext', [a3.file, '-'], { encoding: 'utf8' });
      assert(text.includes('昆都仑区幼儿园布局现状图（打印测试）'), 'the title is text');
      const places = await page.evaluate(() => document.querySelector('[data-testid=sum-places-value]')?.textContent ?? '');
      const placesFig = (places.match(/[\d,]{3,}/) ?? [''])[0];
      assert(placesFig !== '' && text.includes(placesFig), `the places card ${placesFig} is in the PDF`);
      assert(text.includes('学位按办园性质'), 'the chart title is there');
      assert(text.includes('制图日期'), 'the source line is there');
      execFileSync('pdftoppm', ['-r', '40', '-png', a3.file, path.join(ctx.shots, 'print-a3')]);
      const png = readFileSync(path.join(ctx.shots, 'print-a3-1.png'));
      const c = await colourCounts(page, png, [PUBLIC_BLUE]);
      assert(c.counts[0] > 30, `the map's kindergartens are drawn (${c.counts[0]} px)`);
      // A4 landscape without the chart
      await page.locator('[data-testid=print-paper]').selectOption('A4');
      await page.locator('[data-testid=print-orientation]').selectOption('landscape');
      await page.locator('[data-testid=print-chart]').uncheck();
      const a4 = await make(ctx, 'print-a4-landscape.pdf');
      ctx.timings['打印排版 A4 landscape PDF (click → file)'] = a4.ms;
      const info4 = execFileSync('pdfinfo', [a4.file], { encoding: 'utf8' });
      const size4 = info4.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!;
      assert(Math.abs(Number(size4[1]) - 841.89) < 1 && Math.abs(Number(size4[2]) - 595.28) < 1, `A4 landscape (${size4[1]} × ${size4[2]} pt)`);
      const text4 = execFileSync('pdftotext', [a4.file, '-'], { encoding: 'utf8' });
      assertEqual(text4.includes('学位按办园性质'), false, 'no chart when unticked');
      execFileSync('pdftoppm', ['-r', '50', '-png', a4.file, path.join(ctx.shots, 'print-a4')]);
      console.log(`    打印排版 A3 ${a3.ms} ms, A4 ${a4.ms} ms`);
      await page.keyboard.press('Escape');
      await dlg.waitFor({ state: 'detached' });
}
