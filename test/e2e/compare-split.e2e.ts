/**
 * 方案对比 as two synchronised maps: scenario B drawn on a second map over the right half,
 * locked to the main map — after a pan / zoom on either (programmatic and a mouse drag and
 * wheel), both show the same zoom and the same ground at the split map's centre.
 */
import path from 'node:path';
import { assert, assertEqual } from './assert';
import type { E2eContext, E2eTest } from './run-e2e';

type M = {
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  jumpTo(o: unknown): void;
  unproject(p: [number, number]): { lng: number; lat: number };
  getContainer(): HTMLElement;
  loaded(): boolean;
  isMoving(): boolean;
};
type W = { __xwghMap: M; __xwghSplitMap?: M; __xwghStore: { getState(): Record<string, unknown> & { [k: string]: (...a: never[]) => unknown } } };

/** Zoom of both maps and the distance (degrees) between the split map's centre and the main map's ground under it. */
async function syncState(ctx: E2eContext): Promise<{ zMain: number; zSplit: number; d: number }> {
  return ctx.page.evaluate(() => {
    const w = window as unknown as W;
    const main = w.__xwghMap;
    const split = w.__xwghSplitMap!;
    const m = main.getContainer().getBoundingClientRect();
    const r = split.getContainer().getBoundingClientRect();
    const g = main.unproject([r.left - m.left + r.width / 2, r.top - m.top + r.height / 2]);
    const c = split.getCenter();
    return { zMain: main.getZoom(), zSplit: split.getZoom(), d: Math.hypot(g.lng - c.lng, g.lat - c.lat) };
  });
}

/** Wait until the main map's view differs from `from` and neither map moves any more (drag inertia, wheel easing). */
async function waitForSettledAfter(ctx: E2eContext, from: { z: number; lng: number; lat: number }): Promise<void> {
  await ctx.page.waitForFunction(
    (v) => {
      const w = window as unknown as W;
      const c = w.__xwghMap.getCenter();
      const moved = Math.abs(w.__xwghMap.getZoom() - v.z) > 1e-9 || Math.abs(c.lng - v.lng) > 1e-9 || Math.abs(c.lat - v.lat) > 1e-9;
      return moved && !w.__xwghMap.isMoving() && !w.__xwghSplitMap!.isMoving();
    },
    from,
    { timeout: 10000 },
  );
}

const mainView = (ctx: E2eContext) =>
  ctx.page.evaluate(() => {
    const m = (window as unknown as W).__xwghMap;
    return { z: m.getZoom(), lng: m.getCenter().lng, lat: m.getCenter().lat };
  });

async function assertInSync(ctx: E2eContext, what: string): Promise<void> {
  await ctx.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const s = await syncState(ctx);
  assert(Math.abs(s.zMain - s.zSplit) < 1e-6, `${what}: zoom equal (${s.zMain} / ${s.zSplit})`);
  assert(s.d < 1e-6, `${what}: the same ground at the split centre (${s.d}°)`);
}

export const compareSplitTests: E2eTest[] = [
  {
    name: '方案对比：并排两图（A 左 B 右）联动，平移缩放后视图一致',
    async run(ctx) {
      const { page } = ctx;
      await page.evaluate(() => {
        const s = (window as unknown as W).__xwghStore.getState() as unknown as {
          planOpen: boolean;
          setPlanOpen(o: boolean): void;
          currentScenarioId: string;
          duplicateScenario(id: string): string;
          selectScenario(id: string): void;
          addNewBuildAt(lon: number, lat: number): string;
          setCompareScenario(id: string | null): void;
        };
        if (!s.planOpen) s.setPlanOpen(true);
        const base = s.currentScenarioId;
        const b = s.duplicateScenario(base);
        s.selectScenario(b);
        s.addNewBuildAt(109.8, 40.65);
        s.selectScenario(base);
        s.setCompareScenario(b);
      });
      await page.waitForFunction(() => {
        const s = (window as unknown as W).__xwghStore.getState() as unknown as { planState: string; planResults: Record<string, unknown>; compareScenarioId: string };
        return s.planState === 'done' && Boolean(s.planResults[s.compareScenarioId]);
      }, null, { timeout: 30000 });
      await page.locator('[data-testid=tab-compare]').click();
      await page.locator('[data-testid=compare-split]').click();
      await page.locator('[data-testid=split-map]').waitFor({ timeout: 10000 });
      await page.waitForFunction(() => Boolean((window as unknown as W).__xwghSplitMap?.loaded()), null, { timeout: 20000 });
      await assertInSync(ctx, 'on opening');
      // pan / zoom the main map
      await page.evaluate(() => (window as unknown as W).__xwghMap.jumpTo({ center: [109.8, 40.64], zoom: 13.2 }));
      await assertInSync(ctx, 'main map moved');
      // pan / zoom the split map
      await page.evaluate(() => (window as unknown as W).__xwghSplitMap!.jumpTo({ center: [109.83, 40.66], zoom: 12.4 }));
      await assertInSync(ctx, 'split map moved');
      // the mouse: drag on the split map, wheel on the main map (its visible left half)
      const box = (await page.locator('[data-testid=split-map]').boundingBox())!;
      const before = (await syncState(ctx)).zMain;
      const beforeDrag = await mainView(ctx);
      await page.mouse.move(box.x + box.width / 2, box.y + 120);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 120, box.y + 180, { steps: 6 });
      await page.mouse.up();
      await waitForSettledAfter(ctx, beforeDrag);
      await assertInSync(ctx, 'drag on the split map');
      const mainBox = (await page.locator('[data-testid=map]').first().boundingBox())!;
      const beforeWheel = await mainView(ctx);
      await page.mouse.move(mainBox.x + mainBox.width / 4, mainBox.y + 150);
      await page.mouse.wheel(0, -300);
      await waitForSettledAfter(ctx, beforeWheel);
      await assertInSync(ctx, 'wheel on the main map');
      assert((await syncState(ctx)).zMain !== before, 'the wheel zoomed');
      assertEqual(((await page.locator('[data-testid=split-tag-b]').textContent()) ?? '').startsWith('B：'), true, 'B is labelled');
      await page.screenshot({ path: path.join(ctx.shots, 'compare-split.png') });
      await page.locator('[data-testid=compare-split]').click();
      await page.locator('[data-testid=split-map]').waitFor({ state: 'detached', timeout: 5000 });
      await page.locator('[data-testid=tab-compare]').click();
    },
  },
];
