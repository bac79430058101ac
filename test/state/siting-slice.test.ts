/** The siting slice with an in-process runner: instant then exact answer, cancel, sites added to the plan in one undo step. */
import { render } from '../../src/i18n';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { prepareSiting, runSitingExact, runSitingHeuristic } from '../../src/analysis/siting/run-siting';
import type { SitingResponse } from '../../src/analysis/siting/siting-protocol';
import { emptyLayers } from '../../src/state/data-slice';
import type { SitingRunner } from '../../src/state/siting-slice';
import { createAppStore } from '../../src/state/store';
import { driveAsync } from '../../src/analysis/drive';
import { planSteps } from '../../src/analysis/plan/run-plan';
import type { PlanRunner } from '../../src/state/plan-slice';

const inPlan: PlanRunner = (req, onProgress, signal) => driveAsync(planSteps(req.input, req.scenario, req.params, req.settings, { onProgress, signal, detailYears: req.detailYears }));
import { cell, latAtM } from '../analysis/helpers';

const inProcess: SitingRunner = (req, onMessage) => {
  let stopped = false;
  void (async () => {
    const prep = prepareSiting(req.population, req.kindergartens, req.candidates, req.params);
    const quick = runSitingHeuristic(prep);
    onMessage({ type: 'heuristic', id: req.id, answer: quick, summary: prep.summary });
    const highs = await loadHighs();
    if (stopped) return;
    const m: SitingResponse = { type: 'exact', id: req.id, answer: runSitingExact(prep, highs, { timeLimitS: 20 }) };
    onMessage(m);
  })();
  return () => {
    stopped = true;
  };
};

async function ready() {
  const s = createAppStore();
  s.getState().setSitingRunner(inProcess);
  s.getState().setPlanRunner(inPlan);
  const population = [cell({ id: 'A', lat: latAtM(0), children_3_5: 50 }), cell({ id: 'B', lat: latAtM(2000), children_3_5: 40 })];
  await s.getState().setDataset({ layers: { ...emptyLayers(), population }, district: null, meta: null });
  await s.getState().runAnalysis();
  return s;
}

describe('siting slice', () => {
  it('clicked candidates, instant then exact answer, added to the plan as new builds (one undo)', async () => {
    const s = await ready();
    s.getState().addClickCandidate(110, latAtM(100));
    s.getState().addClickCandidate(110, latAtM(2100));
    s.getState().setSitingParams({ p: 2 });
    s.getState().runSiting();
    expect(s.getState().sitingState).toBe('running');
    expect(s.getState().sitingHeuristic?.objective).toBe(90);
    await new Promise<void>((r) => s.subscribe((st) => st.sitingState === 'done' && r()));
    expect(s.getState().sitingExact).toMatchObject({ objective: 90, provedOptimal: true });
    const before = s.getState().scenarios[0].projects.length;
    const ids = s.getState().addSitesToPlan();
    expect(ids).toHaveLength(2);
    expect(s.getState().planOpen).toBe(true);
    const added = s.getState().scenarios[0].projects.filter((p) => ids.includes(p.id));
    expect(added.map((p) => [p.kind, p.places_after, p.classes_after])).toEqual([
      ['new_build', 360, 12],
      ['new_build', 360, 12],
    ]);
    // the same answer cannot be added twice
    expect(s.getState().addSitesToPlan()).toEqual([]);
    expect(render('zh', s.getState().sitingError!)).toContain('未重复加入');
    s.getState().undoPlan();
    expect(s.getState().scenarios[0].projects.length).toBe(before);
  });

  it('works on the plan year on screen: that year\'s supply (planned new builds) and demand', async () => {
    const s = await ready();
    s.getState().addClickCandidate(110, latAtM(100));
    s.getState().addClickCandidate(110, latAtM(2100));
    s.getState().setSitingParams({ p: 1 });
    // a new build at B opens in 2028 in the current scenario
    s.getState().setPlanOpen(true);
    s.getState().setPlanYear(2025);
    s.getState().addNewBuildAt(110, latAtM(2000));
    await s.getState().runPlan();
    s.getState().setPlanYear(2030);
    await s.getState().runPlan();
    s.getState().runSiting();
    await new Promise<void>((r) => s.subscribe((st) => st.sitingState === 'done' && r()));
    const st = s.getState();
    expect(st.sitingFor).toMatchObject({ scenarioId: 'base', year: 2030 });
    // in 2030 B is served by the new build: only A is left to cover; its children follow births from 2025
    expect(st.sitingSummary?.coveredByExisting).toBeGreaterThan(0);
    expect(st.sitingExact?.sites.map((x) => x.name)).toEqual(['点选 1']);
    // answer → results changed: the answer is marked stale in the panel (its inputs are kept with it)
    expect(st.sitingFor?.result).toBe(st.planResults.base.detail[2030]);
  });

  it('says so when there is no candidate; cancel keeps the instant answer', async () => {
    const s = await ready();
    s.getState().setCandidateMode('click');
    s.getState().runSiting();
    expect(render('zh', s.getState().sitingError!)).toMatch(/没有候选点/);
    s.getState().addClickCandidate(110, latAtM(100));
    s.getState().runSiting();
    s.getState().cancelSiting();
    expect(s.getState().sitingState).toBe('cancelled');
    expect(s.getState().sitingHeuristic).not.toBeNull();
  });
});
