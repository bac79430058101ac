/**
 * 汇报模式: keyboard through the story, retitle, 8 screens exported as PPTX (slide XML checked)
 * and PDF (rendered with pdftoppm: map pixels; pdftotext: the Chinese title), the map PNG
 * checked by pixels for the deck.gl layers and the basemap; each export timed.
 */
import { iter } from 'but-unzip';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, assertEqual } from './assert';
import { chartValues, checkPackage, readPackage, sheetRows } from '../ui/present/ooxml-check';
import { colourCounts } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

const PUBLIC_BLUE: [number, number, number] = [31, 111, 209];
const RIVER: [number, number, number] = [166, 200, 228];

async function download(ctx: E2eContext, testId: string, name: string): Promise<{ file: string; ms: number }> {
  const t0 = Date.now();
  const [d] = await Promise.all([ctx.page.waitForEvent('download', { timeout: 120000 }), ctx.page.locator(`[data-testid=${testId}]`).click()]);
  const file = path.join(ctx.shots, name);
  await d.saveAs(file);
  return { file, ms: Date.now() - t0 };
}

async function entries(bytes: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of iter(bytes)) if (e.filename.endsWith('.xml')) out.set(e.filename, new TextDecoder().decode(await e.read()));
  return out;
}

export const presentTests: E2eTest[] = [
  {
    name: '汇报模式：键盘翻页、改标题、8 页 PPTX / PDF 与地图 PNG 导出（按像素与文字检查）',
    async run(ctx) {
      try {
        await runStory(ctx);
      } finally {
        // whatever happened, leave the app (not the player) for the next tests
        await ctx.page.evaluate('(() => { const s = window.__xwghStore.getState(); if (s.presenting) s.closePresent(); s.resetScreens(); })()');
      }
    },
  },
];

async function runStory(ctx: E2eContext): Promise<void> {
      const { page } = ctx;
      await page.evaluate('window.__xwghStore.getState().setProjectMessage(null)');
      await page.locator('[data-testid=present-open]').click();
      const title = page.locator('[data-testid=present-title]');
      await title.waitFor({ timeout: 20000 });
      assert(((await title.textContent()) ?? '').startsWith('现状'), 'the story opens on 现状');
      await page.locator('[data-testid=present-card-places]').waitFor({ timeout: 20000 });
      await page.keyboard.press('ArrowRight');
      assert(((await title.textContent()) ?? '').startsWith('问题'), '→ goes to 问题');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assertEqual(await page.locator('[data-testid=present-page]').textContent(), '4 / 4', 'four default screens');
      await page.waitForFunction('window.__xwghStore.getState().planOpen && window.__xwghStore.getState().planYear === 2030', null, { timeout: 20000 });
      await page.screenshot({ path: path.join(ctx.shots, 'present-2030.png') });
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      // retitle the first screen and make the story 8 screens long
      await page.locator('[data-testid=present-edit]').click();
      const editor = page.locator('[data-testid=present-editor]');
      await editor.locator('input[aria-label=标题]').first().fill('现状：昆都仑区学位与三率');
      for (let k = 0; k < 4; k++) await editor.locator('[data-testid=present-add]').click();
      await editor.getByRole('button', { name: '关闭' }).click();
      assertEqual(await title.textContent(), '现状：昆都仑区学位与三率', 'the new title is shown');
      await page.screenshot({ path: path.join(ctx.shots, 'present-status.png') });
      const places = (await page.locator('[data-testid=present-card-places] .value').textContent()) ?? '';

      const pptx = await download(ctx, 'present-pptx', 'story.pptx');
      ctx.timings['8-screen PPTX export (click → file)'] = pptx.ms;
      const xml = await entries(readFileSync(pptx.file));
      const slides = [...xml.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k));
      assertEqual(slides.length, 8, 'one slide per screen');
      const s1 = xml.get('ppt/slides/slide1.xml') ?? '';
      assert(s1.includes('现状：昆都仑区学位与三率'), 'slide 1 carries the new title');
      assert(s1.includes(places), `slide 1 carries the places figure ${places}`);
      assert([...xml.keys()].some((k) => k.startsWith('ppt/notesSlides/')), 'speaker notes');
      // native charts: one per slide, each with its worksheet, in a package PowerPoint / WPS accept
      const pkg = await readPackage(readFileSync(pptx.file));
      assertEqual((await checkPackage(pkg)).join('; '), '', 'the PPTX package is valid (content types, relationships, embedded workbooks)');
      const charts = [...pkg.parts.keys()].filter((k) => /^ppt\/charts\/chart\d+\.xml$/.test(k));
      assertEqual(charts.length, 8, 'a native chart on every slide');
      assertEqual([...pkg.parts.keys()].filter((k) => /^ppt\/embeddings\/.+\.xlsx$/.test(k)).length, 8, 'each with its embedded worksheet');
      const plans = await page.evaluate(() => {
        const s = (window as unknown as { __xwghStore: { getState(): { planResults: Record<string, { years: { demand: number; placesPublic: number }[] }> } } }).__xwghStore.getState();
        return Object.values(s.planResults).map((p) => ({ demand: p.years.map((y) => y.demand), pub: p.years.map((y) => y.placesPublic) }));
      });
      const planChart = charts.map((c) => chartValues(pkg.text(c))).find((ser) => ser.some((x) => x.name === '学位需求'));
      assert(planChart !== undefined, 'the 规划 slide has the places / demand chart');
      const demand = planChart!.find((x) => x.name === '学位需求')!.values.join(',');
      const pub = planChart!.find((x) => x.name === '公办学位')!.values.join(',');
      assert(plans.some((p) => p.demand.join(',') === demand && p.pub.join(',') === pub), `the chart carries the engine's demand ${demand} and 公办 places ${pub}`);
      const ws = [...pkg.parts.keys()].filter((k) => k.endsWith('.xlsx')).map((k) => sheetRows(pkg.parts.get(k)!));
      assert(ws.some((rows) => rows.slice(1).map((r) => r[(rows[0] as string[]).indexOf('学位需求')]).join(',') === demand), 'and so does its embedded worksheet');
      const s1sizes = [...s1.matchAll(/<a:rPr[^>]*sz="(\d+)"/g)].map((m) => Number(m[1]));
      assert(s1.includes('<a:spcPts') && s1sizes.length > 0, 'measured text sizes with exact line spacing');

      const pdf = await download(ctx, 'present-pdf', 'story.pdf');
      ctx.timings['8-screen PDF export (click → file)'] = pdf.ms;
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf.file, '-'], { encoding: 'utf8' });
      assert(text.includes('现状：昆都仑区学位与三率'), `the PDF's Chinese title is text: ${text.slice(0, 80)}`);
      const pages = execFileSync('pdfinfo', [pdf.file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1];
      assertEqual(pages, '8', 'eight A4 pages');
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', pdf.file, path.join(ctx.shots, 'story-page')]);
      const pagePng = readFileSync(path.join(ctx.shots, 'story-page-1.png'));
      const pc = await colourCounts(page, pagePng, [PUBLIC_BLUE, RIVER]);
      assert(pc.counts[0] > 30, `the PDF page shows the kindergartens (${pc.counts[0]} blue pixels)`);
      assert(pc.nonWhite > 40000, `the PDF page is not blank (${pc.nonWhite} non-white pixels)`);

      const png = await download(ctx, 'present-png', 'map.png');
      const mc = await colourCounts(page, readFileSync(png.file), [PUBLIC_BLUE, RIVER]);
      assert(mc.counts[0] > 100, `the map PNG has the deck.gl kindergartens (${mc.counts[0]} px)`);
      assert(mc.counts[1] > 100, `and the basemap's river (${mc.counts[1]} px)`);
      console.log(`    PPTX ${pptx.ms} ms, PDF ${pdf.ms} ms (8 screens; goal ≤ 5 s each)`);

      await page.keyboard.press('Escape');
      await page.locator('[data-testid=present]').waitFor({ state: 'detached' });
      assert(await page.locator('[data-testid=present-open]').isVisible(), 'Esc returns to the app');
}
