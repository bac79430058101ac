/** The 汇报 story: screen content from real engine results, the saved story's validation, editing and the player's steps. */
import { describe, expect, it } from 'vitest';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { runAnalysis } from '../../../src/analysis/run-analysis';
import { defaultPlanSettings } from '../../../src/analysis/plan/plan-defaults';
import { runPresent } from '../../../src/analysis/plan/present';
import { runPlan } from '../../../src/analysis/plan/run-plan';
import { emptyLayers } from '../../../src/state/data-slice';
import { checkPersistedPresent, defaultScreens, shownScreens } from '../../../src/state/present-slice';
import { createAppStore } from '../../../src/state/store';
import { formatInt } from '../../../src/ui/format';
import { buildScreenContent } from '../../../src/ui/present/screen-content';
import { cell, kg, latAtM } from '../../analysis/helpers';

const input = {
  kindergartens: [kg({ id: 'K', places: 90, enrolled: 80, lat: latAtM(0) })],
  population: [cell({ id: 'a', lat: latAtM(100), children_3_5: 60 }), cell({ id: 'b', lat: latAtM(2000), children_3_5: 40, street_code: 'S2' })],
  communities: [],
  admin_units: [],
};

describe('screen content', () => {
  const r = runAnalysis(input, { ...defaultAnalysisParams('2026-12-01'), radiusM: 300 });
  it('现状: places, the three rates and coverage as the engine computed them', () => {
    const c = buildScreenContent({ kind: 'status', lang: 'zh', result: r, presentPlan: null, plan: null, scenario: null, kindergartens: input.kindergartens, year: null })!;
    expect(c.cards.find((x) => x.key === 'places')?.value).toBe(formatInt(90));
    expect(c.cards.find((x) => x.key === 'coverage')?.value).toBe('60.0%');
    expect(c.summary).toContain('学位 90 个');
  });
  it('问题: 街道 short of places and children outside catchments', () => {
    const c = buildScreenContent({ kind: 'problems', lang: 'zh', result: r, presentPlan: null, plan: null, scenario: null, kindergartens: input.kindergartens, year: null })!;
    expect(c.cards.find((x) => x.key === 'outside')?.value).toBe('40 人');
    expect(c.cards.find((x) => x.key === 'streets_short')?.tone).toBe('bad');
  });
  it('each screen names its data year and method; money in 万元 / 亿元', () => {
    const settings = defaultPlanSettings();
    const { result, plan } = runPresent(input, { id: 'base', name: '基准', projects: [] }, { ...defaultAnalysisParams('2026-12-01'), radiusM: 300 }, settings);
    const c = buildScreenContent({ kind: 'status', lang: 'zh', result, presentPlan: plan, plan: null, scenario: null, kindergartens: input.kindergartens, year: null })!;
    expect(c.basis).toBe('2025 年（由 2025 年普查按出生人口推算）');
    const full = runPlan(input, { id: 'base', name: '基准', projects: [{ id: 'X', kind: 'new_build', kindergarten_id: null, name: '新园', lon: 110, lat: 40, start_year: 2026, finish_year: 2027, classes_after: 12, places_after: 360, land_area_m2: 5400, cost_10k_yuan: 24430, status: 'proposed', type_after: 'public' }] }, { ...defaultAnalysisParams('2026-12-01'), radiusM: 300 }, settings);
    const p = buildScreenContent({ kind: 'plan', lang: 'zh', result, presentPlan: plan, plan: full, scenario: { id: 'base', name: '基准', projects: [] }, kindergartens: [], year: 2030 })!;
    expect(p.basis).toBe('2025 年（由 2025 年普查按出生人口推算） → 2030 年（预测）');
    expect(p.cards.find((x) => x.key === 'spend')?.value).toBe('2.44亿元');
    expect(p.cards.find((x) => x.key === 'spend')?.sub).toBe('24,430万元');
  });
  it('English: cards, chart titles and series, summaries and basis hold no Chinese (names aside)', () => {
    const settings = defaultPlanSettings();
    const scenario = { id: 'base', name: 'Base', projects: [] };
    const { result, plan } = runPresent(input, scenario, { ...defaultAnalysisParams('2026-12-01'), radiusM: 300 }, settings);
    const full = runPlan(input, scenario, { ...defaultAnalysisParams('2026-12-01'), radiusM: 300 }, settings);
    const names = result.streets.map((x) => x.nameZh).filter(Boolean);
    for (const kind of ['status', 'problems', 'plan', 'target'] as const) {
      const c = buildScreenContent({ kind, lang: 'en', result, presentPlan: plan, plan: full, scenario, kindergartens: input.kindergartens, year: 2030 })!;
      const text = names.reduce((t, n) => t.split(n).join(''), JSON.stringify(c));
      expect(text.match(/[\u3400-\u9fff]+/g), kind).toBeNull();
    }
    const s = buildScreenContent({ kind: 'status', lang: 'en', result, presentPlan: plan, plan: null, scenario: null, kindergartens: input.kindergartens, year: null })!;
    expect(s.summary).toBe('1 kindergartens, 90 places, 100 children 3–5, 60.0% within 300 m.');
  });
  it('nothing to show without results', () => {
    expect(buildScreenContent({ kind: 'plan', lang: 'zh', result: r, presentPlan: null, plan: null, scenario: null, kindergartens: [], year: 2030 })).toBeNull();
  });
});

describe('the saved story', () => {
  it('round-trips and refuses a bad screen naming the field', () => {
    const screens = defaultScreens();
    expect(checkPersistedPresent({ screens })).toEqual({ screens });
    expect(checkPersistedPresent({ screens: [{ ...screens[0], view: { ...screens[0].view, zoom: 99 } }] })).toEqual({ error: '项目中的汇报：settings.present.screens[0].view.zoom（地图缩放级别）应为 0–24 的数（当前 99）' });
    expect(checkPersistedPresent({ screens: [screens[0], screens[0]] })).toMatchObject({ error: expect.stringContaining('重复') });
  });

  it('edits: retitle, hide, reorder; the player skips hidden screens and restores the app on close', async () => {
    const s = createAppStore();
    await s.getState().setDataset({ layers: emptyLayers(), district: null, meta: null });
    const [a, b] = s.getState().screens;
    s.getState().updateScreen(a.id, { title: '现状一览' });
    s.getState().updateScreen(b.id, { hidden: true });
    s.getState().moveScreen(a.id, 1);
    expect(s.getState().screens.map((x) => x.id).slice(0, 2)).toEqual([b.id, a.id]);
    expect(shownScreens(s.getState()).map((x) => x.title)[0]).toBe('现状一览');
    const visible = s.getState().visible;
    s.getState().openPresent(0);
    expect(s.getState().presenting).toBe(true);
    s.getState().stepPresent(1);
    expect(s.getState().presentIndex).toBe(1);
    s.getState().closePresent();
    expect([s.getState().presenting, s.getState().visible]).toEqual([false, visible]);
    const saved = s.getState().toProject();
    const t = createAppStore();
    await t.getState().applyProject(saved);
    expect(t.getState().screens.map((x) => x.title)).toEqual(s.getState().screens.map((x) => x.title));
  });
});
