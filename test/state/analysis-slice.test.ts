import { describe, expect, it } from 'vitest';
import { driveAsync } from '../../src/analysis/drive';
import { planSteps } from '../../src/analysis/plan/run-plan';
import type { PopulationCell } from '../../src/data/schema';
import type { PlanRunner } from '../../src/state/plan-slice';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';

const inProcess: PlanRunner = (req, onProgress, signal) => driveAsync(planSteps(req.input, req.scenario, req.params, req.settings, { onProgress, signal, detailYears: req.detailYears }));

const cell = (id: string, lon: number, children: number): PopulationCell => ({
  id, lon, lat: 40.65, cell_size_m: 200, residents: children * 30, children_0_2: 0, children_3_5: children, year: 2020, street_code: '',
});

describe('analysis slice', () => {
  it('runs on the data in the store and re-runs when a parameter changes', async () => {
    const s = createAppStore();
    s.getState().setPlanRunner(inProcess);
    // one kindergarten, cells at ≈0 m and ≈420 m east of it
    const kg = { id: 'k', name: '园', type: 'public' as const, lon: 109.8, lat: 40.65, classes: 3, places: 90, enrolled: 80, staff_total: 12, teachers: 6, carers: 3, tuo_ban_places: 0, land_area_m2: null, building_area_m2: null, street_code: '', community_id: null, status: 'existing' as const, operator: null };
    await s.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg], population: [cell('a', 109.8, 10), cell('b', 109.805, 20)] }, district: null, meta: null });
    await s.getState().runAnalysis();
    expect(s.getState().analysisState).toBe('done');
    expect(Array.from(s.getState().result!.cells.covered)).toEqual([1, 0]);
    s.getState().setParams({ radiusM: 500 });
    await new Promise((r) => setTimeout(r, 50));
    await s.getState().runAnalysis();
    expect(s.getState().result!.params.radiusM).toBe(500);
    expect(Array.from(s.getState().result!.cells.covered)).toEqual([1, 1]);
  });

  it('a newer run cancels an older one; cancel leaves the last result', async () => {
    const s = createAppStore();
    let calls = 0;
    const slow: PlanRunner = (req, onProgress, signal) => {
      calls++;
      return new Promise((resolve, reject) =>
        setTimeout(() => (signal.aborted ? reject(Object.assign(new Error('取消'), { name: 'AbortError' })) : resolve(inProcess(req, onProgress, signal))), 30),
      );
    };
    s.getState().setPlanRunner(slow);
    const first = s.getState().runAnalysis();
    const second = s.getState().runAnalysis();
    await Promise.all([first, second]);
    expect(calls).toBe(2);
    expect(s.getState().analysisState).toBe('done');
    const p = s.getState().runAnalysis();
    s.getState().cancelAnalysis();
    await p;
    expect(s.getState().analysisState).toBe('cancelled');
    expect(s.getState().result).not.toBeNull();
  });
});
