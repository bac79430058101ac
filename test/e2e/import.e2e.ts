/**
 * Importing a planner's file through the dialog: a BD-09 CSV with Chinese headers lands
 * where its WGS84 truth says, exports back; the real 长宁区 file (when ../shared has it).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { haversineM } from '../../src/analysis/geo';
import { fromWgs84Fn } from '../../src/data/coords/crs';
import { assert, assertEqual } from './assert';
import type { E2eTest } from './run-e2e';

const FIXTURE = path.resolve('test/fixtures/import/bd09-kindergartens.csv');
const TRUTH = path.resolve('test/fixtures/import/bd09-kindergartens.truth.json');
const REAL = path.resolve('../shared/data/realworld/changning_kindergartens_bd09.csv');

type Kg = { id: string; name: string; lon: number; lat: number };
const kgsOf = (page: Page) =>
  page.evaluate('window.__xwghStore.getState().layers.kindergartens.map((k) => ({ id: k.id, name: k.name, lon: k.lon, lat: k.lat }))') as Promise<Kg[]>;

async function openImport(page: Page, file: string): Promise<void> {
  await page.locator('[data-testid=data-menu]').click();
  await page.locator('[data-testid=import-input]').setInputFiles(file);
  await page.locator('.imp-primary').waitFor({ timeout: 15000 });
}

async function next(page: Page): Promise<void> {
  await page.locator('.imp-primary:not([disabled])').first().click({ timeout: 15000 });
}

export const importTests: E2eTest[] = [
  {
    name: '坐标系无法确定时不默认 WGS84：三种解释画在图上，用户选择后才能继续',
    async run(ctx) {
      const { page } = ctx;
      const to = fromWgs84Fn('bd09');
      // four kindergartens well inside the district: every system keeps them inside, so nothing decides
      const rows = [0, 1, 2, 3].map((k) => [`核对园${k + 1}`, ...to(109.80 + 0.004 * k, 40.655 + 0.002 * k).map((v) => v.toFixed(6)), '公办', '6', '180'].join(','));
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'xwgh-crs-')), '幼儿园名单.csv');
      writeFileSync(file, ['名称,经度,纬度,办园性质,班级数,学位数', ...rows].join('\n'));
      await openImport(page, file);
      await page.getByLabel('追加到现有数据').check();
      await next(page);
      await page.getByText('按行号自动编号').click();
      await next(page); // → coordinate system
      await page.locator('[data-testid=crs-candidates]').waitFor({ timeout: 10000 });
      assertEqual(await page.locator('[data-testid=import-preview-map] circle').count(), 12, 'the four points under three systems');
      assert(await page.locator('.imp-primary').first().isDisabled(), 'no silent default: 下一步 waits for a choice');
      await page.screenshot({ path: path.join(ctx.shots, 'import-crs-uncertain.png') });
      await page.locator('.imp-crs select').selectOption('bd09');
      await page.locator('.imp-primary:not([disabled])').first().waitFor({ timeout: 10000 });
      assertEqual(await page.locator('[data-testid=crs-candidates]').count(), 0, 'after the choice the map shows that system only');
      await page.getByRole('button', { name: '取消' }).last().click();
      await page.locator('.imp-primary').waitFor({ state: 'detached', timeout: 5000 });
    },
  },
  {
    name: '导入 BD-09 坐标的中文表头 CSV：点位落在 WGS84 真值处，并可导出',
    async run(ctx) {
      const { page } = ctx;
      const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as { rows: { name: string; lon: number; lat: number }[] };
      await openImport(page, FIXTURE);
      await page.getByLabel('追加到现有数据').check();
      await next(page); // → column mapping
      await page.getByText('按行号自动编号').click();
      await page.screenshot({ path: path.join(ctx.shots, 'import-mapping.png') });
      await next(page); // → coordinate system
      const guess = (await page.locator('.imp-guess').textContent()) ?? '';
      assert(/BD-09|百度/.test(guess), `the CRS guess says BD-09: ${guess}`);
      const preview = page.locator('[data-testid=import-preview-map]');
      assertEqual(await preview.locator('circle').count(), truth.rows.length, 'the map check shows every converted point');
      assert((await preview.locator('polyline').count()) > 0, 'over the loaded 街道 outlines');
      await page.screenshot({ path: path.join(ctx.shots, 'import-crs.png') });
      await next(page); // → issues
      await next(page); // import
      await page.locator('.imp-ok').waitFor({ timeout: 15000 });
      await page.getByRole('button', { name: '关闭' }).last().click();
      const kgs = await kgsOf(page);
      for (const t of truth.rows) {
        const k = kgs.find((x) => x.name === t.name);
        assert(k, `imported ${t.name}`);
        const d = haversineM(k.lon, k.lat, t.lon, t.lat);
        assert(d < 1, `${t.name} lands ${d.toFixed(2)} m from its WGS84 truth`);
      }
      await page.screenshot({ path: path.join(ctx.shots, 'import-done.png') });
      // export the layer back as CSV (UTF-8 with BOM, Chinese headers, WGS84)
      await page.locator('[data-testid=data-menu]').click();
      await page.locator('[data-testid=export-layer]').selectOption('kindergartens');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
      const bytes = readFileSync((await download.path())!);
      assertEqual([bytes[0], bytes[1], bytes[2]], [0xef, 0xbb, 0xbf], 'CSV starts with a UTF-8 BOM');
      const text = bytes.toString('utf8');
      assert(text.includes('幼儿园名称') && text.includes(truth.rows[0].name), 'Chinese headers and the imported names');
      assert(text.includes(truth.rows[0].lon.toFixed(4)), 'exported coordinates are the WGS84 ones');
      await page.locator('[data-testid=data-menu]').click();
    },
  },
  {
    name: '真实文件：长宁区 BD-09 幼儿园（无容量字段，按默认值补齐）',
    skip: () => (existsSync(REAL) ? null : `${REAL} not present`),
    async run(ctx) {
      const { page } = ctx;
      const before = (await kgsOf(page)).length;
      await openImport(page, REAL);
      await page.getByLabel('追加到现有数据').check();
      await next(page);
      const missing = page.locator('.imp-missing');
      await missing.locator('select').first().selectOption('public'); // 办园性质 unknown in the file → 公办 for all
      const numbers = missing.locator('input[type=number]');
      await numbers.nth(0).fill('6'); // 班级数
      await numbers.nth(1).fill('180'); // 学位数
      await next(page);
      const flags = (await page.locator('.imp-flags').textContent()) ?? '';
      assert(/10/.test(flags), `10 rows rounded to 0.01° flagged: ${flags}`);
      await page.screenshot({ path: path.join(ctx.shots, 'import-changning-crs.png') });
      await next(page);
      await next(page);
      await page.locator('.imp-ok').waitFor({ timeout: 15000 });
      await page.getByRole('button', { name: '关闭' }).last().click();
      const added = (await kgsOf(page)).slice(before);
      assertEqual(added.length, 29, 'all 29 kindergartens of 长宁区 imported');
      for (const k of added) {
        assert(k.lon > 121.35 && k.lon < 121.45 && k.lat > 31.19 && k.lat < 31.23, `${k.name} inside 长宁区 after BD-09 → WGS84: ${k.lon}, ${k.lat}`);
      }
      // the sample stays as it was for the next test: drop the Shanghai rows again
      await page.evaluate(`(async () => {
        const st = window.__xwghStore.getState();
        await st.replaceLayer('kindergartens', st.layers.kindergartens.filter((k) => k.lon < 120));
      })()`);
    },
  },
];
