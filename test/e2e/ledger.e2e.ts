/** The 配套园 ledger: import a 台账 by 小区编号, change a status, reload, history kept, export → re-import → same rows. */
import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { exportLedgerXlsx } from '../../src/data/export/ledger-xlsx';
import { loadDataFolder } from '../../src/data/load-folder-node';
import type { Community } from '../../src/data/schema';
import { assert, assertEqual } from './assert';
import type { E2eTest } from './run-e2e';

type Ev = { community_id: string; field: string; from: unknown; to: unknown; by: string; source: string };
const state = <T>(page: Page, expr: string) => page.evaluate(`(() => { const s = window.__xwghStore.getState(); return ${expr}; })()`) as Promise<T>;

async function importLedger(page: Page, file: string): Promise<void> {
  await page.locator('[data-testid=ledger-import-file]').setInputFiles(file);
  await page.locator('.imp-primary').waitFor({ timeout: 15000 });
  assert(await page.locator('[data-testid=imp-mode-update]').isChecked(), 'the ledger import starts in "update by 小区编号" mode');
  for (let k = 0; k < 4; k++) await page.locator('.imp-primary:not([disabled])').first().click({ timeout: 15000 });
  await page.locator('.imp-ok').waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: '关闭' }).last().click();
}

const sheetRows = (bytes: Buffer) => XLSX.utils.sheet_to_json(XLSX.read(bytes, { type: 'buffer' }).Sheets['配套园台账'], { header: 1, raw: true });

async function exportLedger(page: Page, name: string, dir: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=ledger-table] .table-tools button', { hasText: '导出 Excel' }).click()]);
  const file = path.join(dir, name);
  await download.saveAs(file);
  return readFileSync(file);
}

export const ledgerTests: E2eTest[] = [
  {
    name: '台账工作流：导入台账、变更状态、刷新后保留历史、导出再导入行不变',
    async run(ctx) {
      const { page } = ctx;
      const rows = loadDataFolder(path.resolve('data')).data.communities;
      const target = rows.find((c) => c.supporting_kg_status === 'accepted_not_handed_over')!;
      // the office's 台账: the target gets its responsible line and a deadline
      const edited: Community[] = rows.map((c) => (c.id === target.id ? { ...c, responsible_line: 'education', deadline: '2026-10-31' } : c));
      const file = path.join(ctx.shots, 'ledger-in.xlsx');
      writeFileSync(file, await exportLedgerXlsx(edited));
      await page.locator('[data-testid=tab-ledger]').click();
      await page.locator('[data-testid=ledger-table]').waitFor();
      await importLedger(page, file);
      const after = await state<Community>(page, `s.layers.communities.find((c) => c.id === ${JSON.stringify(target.id)})`);
      assertEqual([after.responsible_line, after.deadline], ['education', '2026-10-31'], 'the import updated the row by 小区编号');
      assertEqual(await state<number>(page, 's.layers.communities.length'), rows.length, 'no row added or lost');
      const imported = await state<Ev[]>(page, 's.ledgerEvents');
      assertEqual(imported.map((e) => e.field).sort(), ['deadline', 'responsible_line'], 'each change recorded in the history');

      // a status change: opening before handover is not offered; 已移交 is
      await page.locator(`[data-testid="change-${target.id}"]`).click();
      const dialog = page.locator('[data-testid=status-dialog]');
      assert(await dialog.locator('option[value=operating_public]').isDisabled(), 'opening as 公办 before handover is refused');
      await dialog.locator('[data-testid=status-to]').selectOption('handed_over');
      await dialog.locator('[data-testid=status-note]').fill('区教育局已接收，接收单 2026-12');
      await dialog.locator('[data-testid=status-user]').fill('e2e 记录员');
      await page.screenshot({ path: path.join(ctx.shots, 'ledger-status-dialog.png') });
      await dialog.locator('[data-testid=status-ok]').click();
      await dialog.waitFor({ state: 'detached' });
      assertEqual(await state<string>(page, `s.layers.communities.find((c) => c.id === ${JSON.stringify(target.id)}).supporting_kg_status`), 'handed_over', 'status changed');

      await page.waitForFunction(`(() => { const s = window.__xwghStore.getState(); return s.saveState === 'saved' && s.savedDataVersion === s.dataVersion; })()`, null, { timeout: 10000 });
      await page.reload();
      await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
      const events = await state<Ev[]>(page, 's.ledgerEvents');
      assert(events.some((e) => e.community_id === target.id && e.field === 'supporting_kg_status' && e.to === 'handed_over' && e.by === 'e2e 记录员'), 'the status change and who made it survive the reload');
      await page.locator('[data-testid=tab-ledger]').click();
      await page.locator('[data-testid=ledger-table] tbody tr', { hasText: target.name }).first().click();
      const history = (await page.locator('[data-testid=ledger-history]').textContent()) ?? '';
      assert(history.includes('已移交') && history.includes('e2e 记录员') && history.includes('接收单'), `the history shows the change: ${history}`);
      await page.screenshot({ path: path.join(ctx.shots, 'ledger-history.png') });

      // export → re-import → export: the same rows, nothing recorded
      const first = await exportLedger(page, 'ledger-out-1.xlsx', ctx.shots);
      const firstRows = sheetRows(first);
      assertEqual((firstRows[0] as string[]).slice(0, 4), ['小区编号', '小区名称', '经度', '纬度'], '小区编号 and coordinates exported');
      const n = events.length;
      await importLedger(page, path.join(ctx.shots, 'ledger-out-1.xlsx'));
      assertEqual(await state<number>(page, 's.ledgerEvents.length'), n, 're-importing the export changes nothing');
      const second = await exportLedger(page, 'ledger-out-2.xlsx', ctx.shots);
      assertEqual(sheetRows(second), firstRows, 'export → import → export gives the same rows');

      await page.locator('[data-testid=ledger-view-stats]').click();
      const sentence = (await page.locator('[data-testid=campaign-sentence]').textContent({ timeout: 15000 })) ?? '';
      assert(/整治完成 \d+ 处，其中公办 \d+ 处、委托普惠 \d+ 处/.test(sentence), `campaign sentence: ${sentence}`);
      await page.locator('[data-testid=campaign-chart] canvas').waitFor({ timeout: 15000 });
      await page.screenshot({ path: path.join(ctx.shots, 'ledger-campaign.png') });
      await page.locator('[data-testid=ledger-view-table]').click();
      await page.locator('[data-testid=tab-ledger]').click();
      // leave the browser as a new user finds it
      await state(page, 's.forgetSaved()');
      await page.reload();
      await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
    },
  },
];
