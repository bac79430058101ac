/** The siting slice with an in-process runner: instant then exact answer, cancel, sites added to the plan in one undo step. */
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { prepareSiting, runSitingExact, runSitingHeuristic } from '../../src/analysis/siting/run-siting';
import type { SitingResponse } from '../../src/analysis/siting/siting-protocol';
import { emptyLayers } from '../../src/state/data-slice';
import type { SitingRunner } from '../../src/state/siting-slice';
import { createAppStore } from '../../src/state/store';
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
  const population = [cell({ id: 'A', lat: latAtM(0), children_3_5: 50 }), cell({ id: 'B', lat: latAtM(2000), children_3_5: 40 })];
  await s.getState().setDataset({ layers: { ...emptyLayers(), population }, district: null, meta: null });
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
    s.getState().undoPlan();
    expect(s.getState().scenarios[0].projects.length).toBe(before);
  });

  it('says so when there is no candidate; cancel keeps the instant answer', async () => {
    const s = await ready();
    s.getState().setCandidateMode('click');
    s.getState().runSiting();
    expect(s.getState().sitingError).toMatch(/没有候选点/);
    s.getState().addClickCandidate(110, latAtM(100));
    s.getState().runSiting();
    s.getState().cancelSiting();
    expect(s.getState().sitingState).toBe('cancelled');
    expect(s.getState().sitingHeuristic).not.toBeNull();
  });
});
