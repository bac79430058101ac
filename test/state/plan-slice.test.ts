/** The plan slice: results keyed by (scenario, year), edits with undo, scenarios, persistence, a failed run clears its figures. */
import { describe, expect, it } from 'vitest';
import { driveAsync } from '../../src/analysis/drive';
import { planSteps } from '../../src/analysis/plan/run-plan';
import type { Kindergarten, PlanProject, PopulationCell } from '../../src/data/schema';
import { emptyLayers } from '../../src/state/data-slice';
import type { PlanRunner } from '../../src/state/plan-slice';
import { selectCurrentResult, selectViewLayers } from '../../src/state/selectors';
import { createAppStore } from '../../src/state/store';
import { render, type Message } from '../../src/i18n';

/** The notice as the user reads it (Chinese). */
const shown = (x: Message | null): string => (x ? render('zh', x) : '');

const inProcess: PlanRunner = (req, onProgress, signal) => driveAsync(planSteps(req.input, req.scenario, req.params, req.settings, { onProgress, signal, detailYears: req.detailYears }));

const kg: Kindergarten = { id: 'k', name: '园', type: 'public', lon: 109.8, lat: 40.65, classes: 3, places: 90, enrolled: 80, staff_total: 12, teachers: 6, carers: 3, tuo_ban_places: 0, land_area_m2: null, building_area_m2: null, street_code: '', community_id: null, status: 'existing', operator: null };
const cell = (id: string, lon: number, children: number): PopulationCell => ({ id, lon, lat: 40.65, cell_size_m: 200, residents: children * 30, children_0_2: 0, children_3_5: children, year: 2025, street_code: '' });
const expansion: PlanProject = { id: 'XM01', kind: 'expansion', kindergarten_id: 'k', name: '扩建', lon: 109.8, lat: 40.65, start_year: 2026, finish_year: 2027, classes_after: 6, places_after: 180, land_area_m2: 2700, cost_10k_yuan: 400, status: 'approved', type_after: 'public' };

async function ready() {
  const s = createAppStore();
  s.getState().setPlanRunner(inProcess);
  await s.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg], population: [cell('a', 109.8, 10), cell('b', 109.805, 20)], plan_projects: [expansion] }, district: null, meta: null });
  s.getState().setPlanOpen(true);
  await s.getState().runPlan();
  return s;
}

describe('plan slice', () => {
  it('the base scenario follows the plan_projects layer; results are keyed by scenario and year', async () => {
    const s = await ready();
    const st = s.getState();
    expect(st.scenarios.map((x) => x.projects.length)).toEqual([1]);
    const r = st.planResults.base;
    expect(r.years.map((y) => y.places)).toEqual([90, 90, 90, 180, 180, 180]);
    s.getState().setPlanYear(2028);
    expect(selectCurrentResult(s.getState())?.district.places).toBe(180);
    expect(selectViewLayers(s.getState()).kindergartens[0].places).toBe(180);
    s.getState().setPlanYear(2026);
    expect(selectCurrentResult(s.getState())?.district.places).toBe(90);
  });

  it('a new build clicked on the map is added to the current scenario and undone in one step', async () => {
    const s = await ready();
    const id = s.getState().duplicateScenario('base', '方案 A');
    await s.getState().runPlan();
    const pid = s.getState().addNewBuildAt(109.805, 40.65);
    await s.getState().runPlan();
    const sc = s.getState().scenarios.find((x) => x.id === id)!;
    expect(sc.projects.map((p) => p.id)).toEqual(['XM01', pid]);
    expect(s.getState().scenarios.find((x) => x.id === 'base')!.projects).toHaveLength(1);
    const years = s.getState().planResults[id].years;
    // places from finish + 1: the new build finishes 2027 → 360 more from 2028
    expect(years.find((y) => y.year === 2028)!.places).toBe(180 + 360);
    // both cells are now within 300 m of a kindergarten (demand follows births, so compare with the year's demand)
    const y28 = years.find((y) => y.year === 2028)!;
    expect(y28.coveredDemand).toBe(y28.demand);
    expect(years.find((y) => y.year === 2027)!.coveredDemand).toBeLessThan(years.find((y) => y.year === 2027)!.demand);
    s.getState().undoPlan();
    expect(s.getState().scenarios.find((x) => x.id === id)!.projects).toHaveLength(1);
  });

  it('persists scenarios and refuses an invalid saved plan with the field named', async () => {
    const s = await ready();
    s.getState().duplicateScenario('base', '方案 B');
    const saved = s.getState().toPersistedPlan();
    const t = await ready();
    expect(t.getState().applyPersistedPlan(structuredClone(saved))).toBeNull();
    expect(t.getState().scenarios.map((x) => x.name)).toEqual(['基准方案', '方案 B']);
    const bad = structuredClone(saved);
    (bad.scenarios[1].projects[0] as unknown as Record<string, unknown>).start_year = '明年';
    const before = t.getState().scenarios;
    const err = t.getState().applyPersistedPlan(bad);
    expect(err).toMatch(/scenarios\[1\].*开工年份/);
    expect(t.getState().scenarios).toBe(before);
  });

  it('a scenario file round-trips; a bad one is refused and changes nothing', async () => {
    const s = await ready();
    const text = s.getState().exportScenarioText('base');
    expect(s.getState().importScenarioText(text, 'a.xwgh-scenario.json')).toBe(true);
    expect(s.getState().scenarios).toHaveLength(2);
    expect(s.getState().importScenarioText('{"format":"xwgh-scenario","version":1,"scenario":{"id":"x","name":"y","projects":[{"id":"P","kind":"teleport"}]}}', 'bad.json')).toBe(false);
    expect(shown(s.getState().projectMessage)).toMatch(/bad\.json/);
    expect(s.getState().scenarios).toHaveLength(2);
  });

  it('a failed run removes the figures it would have replaced', async () => {
    const s = await ready();
    expect(s.getState().planResults.base).toBeDefined();
    s.getState().setPlanRunner(() => Promise.reject(new Error('内存不足')));
    await s.getState().runPlan();
    expect(s.getState().planState).toBe('error');
    expect(s.getState().planResults.base).toBeUndefined();
    expect(selectCurrentResult(s.getState())).toBeNull();
  });
});
