/** The project survives a reload (IndexedDB), and going back to the sample works. */
import { assert, assertEqual } from './assert';
import type { E2eTest } from './run-e2e';

type St = {
  layers: { kindergartens: { id: string; name: string }[] };
  saveState: string;
  savedAt: string | null;
  savedDataVersion: number | null;
  dataVersion: number;
  loadState: string;
  importLayer(l: string, r: unknown[], m: string): Promise<void>;
  forgetSaved(): Promise<void>;
};
const getState = () => (window as unknown as { __xwghStore: { getState(): St } }).__xwghStore.getState();

export const projectTests: E2eTest[] = [
  {
    name: '编辑自动保存，刷新后恢复',
    async run(ctx) {
      const { page } = ctx;
      await page.evaluate(`(async () => {
        const st = (${getState.toString()})();
        const row = { ...st.layers.kindergartens[0], id: 'e2e-saved', name: '刷新后仍在的幼儿园' };
        await st.importLayer('kindergartens', [row], 'append');
      })()`);
      // autosave runs shortly after the change; wait for a save that holds this edit
      // (one started before the edit may still be finishing)
      await page.waitForFunction(`(() => { const s = (${getState.toString()})(); return s.saveState === 'saved' && s.savedDataVersion === s.dataVersion; })()`, null, { timeout: 10000 });
      await page.reload();
      await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
      const names = (await page.evaluate(`(${getState.toString()})().layers.kindergartens.map((k) => k.name)`)) as string[];
      const toast = await page.locator('[data-testid=toast]').textContent().catch(() => null);
      assert(names.includes('刷新后仍在的幼儿园'), `the edited kindergarten is back after the reload (message: ${toast})`);
      assertEqual(await page.locator('[data-testid=toast]').textContent().then((t) => t?.includes('已恢复上次保存的项目')), true, 'the user is told the project was restored');
      // leave the browser as a new user finds it
      await page.evaluate(`(${getState.toString()})().forgetSaved()`);
      await page.reload();
      await page.waitForSelector('.app[data-load-state=ready]', { timeout: 30000 });
      const after = (await page.evaluate(`(${getState.toString()})().layers.kindergartens.length`)) as number;
      assert(!((await page.evaluate(`(${getState.toString()})().layers.kindergartens.map((k) => k.id)`)) as string[]).includes('e2e-saved'), `sample back (${after} kindergartens)`);
    },
  },
];
