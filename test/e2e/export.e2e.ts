/**
 * A large layer exports in a worker: a status line with a cancel while it runs, the page
 * keeps drawing, the file arrives complete; a cancelled export gives no file.
 */
import { readFileSync } from 'node:fs';
import { assert, assertEqual } from './assert';
import type { E2eTest } from './run-e2e';

const N = 60_000; // above the size that runs on the page (export-runner.ts)

export const exportTests: E2eTest[] = [
  {
    name: '大图层导出在后台进行：显示进度与取消，页面不卡顿，文件完整',
    async run(ctx) {
      const { page } = ctx;
      await page.evaluate(`(async () => {
        const st = window.__xwghStore.getState();
        const rows = [];
        for (let i = 0; i < ${N}; i++) rows.push({ id: 'E' + i, lon: 109.75 + (i % 300) * 0.0003, lat: 40.6 + Math.floor(i / 300) * 0.0003, cell_size_m: 30, residents: 2, children_0_2: 0, children_3_5: 0.1, year: 2020, street_code: null });
        await st.importLayer('population', rows, 'replace');
      })()`);
      await page.locator('[data-testid=data-menu]').click();
      await page.locator('[data-testid=export-layer]').selectOption('population');
      // cancel first: no file, the status goes away
      let downloads = 0;
      const count = (): void => void downloads++;
      page.on('download', count);
      await page.locator('[data-testid=export-geojson]').click();
      await page.locator('[data-testid=export-status]').waitFor({ timeout: 5000 });
      // the status line redraws with each progress message: retry a click that lands on a detached button
      for (let k = 0; ; k++) {
        try {
          await page.locator('[data-testid=export-status] button').click({ timeout: 3000 });
          break;
        } catch (e) {
          if (k >= 3) throw e;
        }
      }
      await page.locator('[data-testid=export-status]').waitFor({ state: 'detached', timeout: 5000 });
      assertEqual(await page.evaluate('window.__xwghStore.getState().exporting'), null, 'the job is over');
      assertEqual(downloads, 0, 'no file at the cancel');
      // the cancel button is outside the data menu, which closes on an outside click: open it again
      if (!(await page.locator('[data-testid=export-csv]').isVisible())) await page.locator('[data-testid=data-menu]').click();
      // then a whole export, timing the page's frames meanwhile
      await page.evaluate(`(() => { window.__frames = []; window.__framesOn = true; const loop = () => { window.__frames.push(performance.now()); if (window.__framesOn) requestAnimationFrame(loop); }; requestAnimationFrame(loop); })()`);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.locator('[data-testid=export-csv]').click()]);
      const gap = (await page.evaluate(`(() => { window.__framesOn = false; let g = 0; const f = window.__frames; for (let i = 1; i < f.length; i++) g = Math.max(g, f[i] - f[i - 1]); return g; })()`)) as number;
      page.off('download', count);
      // the cancelled job never delivers: across the whole second export only its own file came
      assertEqual(downloads, 1, 'a cancelled export gives no file (one download in all: the complete export)');
      const text = readFileSync(await download.path(), 'utf8');
      const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
      assertEqual(lines.length, N + 1, 'header plus every row');
      assert(text.charCodeAt(0) === 0xfeff && lines[0].includes('经度'), 'CSV with BOM and Chinese headers');
      assert(gap < 1000, `the page kept drawing (longest frame gap ${Math.round(gap)} ms)`);
      // leave the browser as a new user finds it
      await page.evaluate('window.__xwghStore.getState().forgetSaved()');
      await page.reload();
      await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
    },
  },
];
