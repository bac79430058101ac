/**
 * Import hardening in the real page: a KMZ of 20,000 placemarks is read in the import
 * worker (it stalled the page 5.7 s when KML was parsed on the main thread), and a
 * 400 KB ZIP of 400 MB of zeros is refused in Chinese with nothing loaded changed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { deflated, zeroDeflate, zipRaw } from '../data/import/bomb-files';
import { assert, assertEqual } from './assert';
import type { E2eTest } from './run-e2e';

function kmz(n: number): Uint8Array {
  const marks = Array.from({ length: n }, (_, i) => `<Placemark><name>测试园${i}</name><ExtendedData><Data name="编号"><value>KMZ${i}</value></Data><Data name="学位数"><value>180</value></Data></ExtendedData><Point><coordinates>${(109.8 + (i % 200) * 0.0005).toFixed(5)},${(40.62 + Math.floor(i / 200) * 0.0005).toFixed(5)}</coordinates></Point></Placemark>`);
  return zipRaw([deflated('doc.kml', `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${marks.join('')}</Document></kml>`)]);
}

/** Start recording long main-thread tasks; returns a reader of the longest (ms) that also stops the recording. */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(`(() => {
    window.__longest = 0;
    window.__lt?.disconnect();
    window.__lt = new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); });
    window.__lt.observe({ type: 'longtask' });
  })()`);
  return async () => (await page.evaluate('(() => { window.__lt.disconnect(); return window.__longest; })()')) as number;
}

const kgCount = (page: Page): Promise<number> => page.evaluate('window.__xwghStore.getState().layers.kindergartens.length') as Promise<number>;

async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: '取消' }).last().click();
  await page.locator('.imp-dialog').waitFor({ state: 'detached', timeout: 10000 });
}

export const importLimitTests: E2eTest[] = [
  {
    name: '导入 KMZ（2 万个地标）在导入线程中读取，页面不卡顿',
    async run(ctx) {
      const { page } = ctx;
      const file = path.join(ctx.shots, 'import-20000.kmz');
      const bytes = kmz(20_000);
      writeFileSync(file, bytes);
      const longest = await watchLongTasks(page);
      const t0 = Date.now();
      await page.locator('[data-testid=data-menu]').click();
      await page.locator('[data-testid=import-input]').setInputFiles(file);
      await page.locator('.imp-fileinfo').filter({ hasText: '20000' }).waitFor({ timeout: 60000 });
      const ms = Date.now() - t0;
      const stall = await longest();
      console.log(`  timing KMZ ${Math.round(bytes.length / 1024)} KB, 20,000 placemarks: read in ${ms} ms, longest main-thread task ${stall.toFixed(0)} ms`);
      assert(stall < 1500, `the page keeps drawing while the KMZ is parsed (longest task ${stall.toFixed(0)} ms)`);
      await page.screenshot({ path: path.join(ctx.shots, 'import-kmz.png') });
      await closeDialog(page);
    },
  },
  {
    name: '压缩炸弹（约 400 KB 的 ZIP 解压后 400 MB）被拒绝，已加载的数据不变',
    async run(ctx) {
      const { page } = ctx;
      const file = path.join(ctx.shots, '炸弹.zip');
      writeFileSync(file, zipRaw([{ name: 'pop.shp', method: 8, ...zeroDeflate(400) }, deflated('pop.dbf', 'x')]));
      const before = await kgCount(page);
      const t0 = Date.now();
      await page.locator('[data-testid=data-menu]').click();
      await page.locator('[data-testid=import-input]').setInputFiles(file);
      const err = page.locator('.imp-file-issues .imp-error').first();
      await err.waitFor({ timeout: 15000 });
      const text = (await err.textContent()) ?? '';
      console.log(`  timing ZIP bomb refused in the page in ${Date.now() - t0} ms`);
      assert(text.includes('ZIP 文件“炸弹.zip”') && text.includes('压缩炸弹'), `the refusal names the file: ${text}`);
      assert(await page.locator('.imp-primary').first().isDisabled(), 'nothing can be imported from it');
      await page.screenshot({ path: path.join(ctx.shots, 'import-bomb.png') });
      await closeDialog(page);
      assertEqual(await kgCount(page), before, 'the loaded kindergartens are unchanged');
    },
  },
];
