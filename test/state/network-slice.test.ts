/** The walking network in the store: runs carry the graph, map clicks edit the current scenario (undo, export/import), a bad file keeps the network. */
import { render } from '../../src/i18n';
import { describe, expect, it } from 'vitest';
import { driveAsync } from '../../src/analysis/drive';
import { EARTH_RADIUS_M } from '../../src/analysis/geo';
import { buildWalkGraph, packLines } from '../../src/analysis/network/walk-graph';
import { planSteps } from '../../src/analysis/plan/run-plan';
import type { Kindergarten, PopulationCell } from '../../src/data/schema';
import { emptyLayers } from '../../src/state/data-slice';
import type { PlanRunner } from '../../src/state/plan-slice';
import { createAppStore } from '../../src/state/store';

const M = (EARTH_RADIUS_M * Math.PI) / 180;
const P = (x: number, y: number): [number, number] => [109.8 + x / (M * Math.cos((40.65 * Math.PI) / 180)), 40.65 + y / M];
const inProcess: PlanRunner = (req, onProgress, signal) => driveAsync(planSteps(req.input, req.scenario, req.params, req.settings, { onProgress, signal, detailYears: req.detailYears }));
const kg: Kindergarten = { id: 'k', name: '园', type: 'public', lon: P(0, 30)[0], lat: P(0, 30)[1], classes: 3, places: 90, enrolled: 80, staff_total: 12, teachers: 6, carers: 3, tuo_ban_places: 0, land_area_m2: null, building_area_m2: null, street_code: '', community_id: null, status: 'existing', operator: null };
const cell = (id: string, x: number, y: number, children: number): PopulationCell => ({ id, lon: P(x, y)[0], lat: P(x, y)[1], cell_size_m: 200, residents: children * 30, children_0_2: 0, children_3_5: children, year: 2025, street_code: '' });

async function ready() {
  const s = createAppStore();
  s.getState().setPlanRunner(inProcess);
  await s.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg], population: [cell('a', 0, -30, 10), cell('b', 380, -25, 20)], plan_projects: [] }, district: null, meta: null });
  // river along y = 0, roads on both banks, one bridge at x = 400
  const graph = buildWalkGraph(packLines([[P(-500, 20), P(400, 20), P(500, 20)], [P(-500, -20), P(500, -20)], [P(400, 20), P(400, -20)]]));
  s.getState().setWalkNetwork({ nameZh: 'test', generated: false, graph, notes: [] });
  s.getState().setParams({ radiusM: 500, distanceMode: 'walking' });
  s.getState().setPlanOpen(true);
  await s.getState().runPlan();
  return s;
}

const coveredIn2025 = (s: ReturnType<typeof createAppStore>, id: string) => Array.from(s.getState().planResults[id].detail[2025].cells.covered);

describe('network slice', () => {
  it('plan runs carry the walking graph; a new bridge clicked on the map changes coverage, undo restores it', async () => {
    const s = await ready();
    expect(coveredIn2025(s, 'base')).toEqual([0, 1]);
    const id = s.getState().duplicateScenario('base', '新桥方案');
    s.getState().setNetworkTool('add');
    s.getState().networkMapClick(...P(0, 25));
    expect(s.getState().networkPathStart).not.toBeNull();
    s.getState().networkMapClick(...P(0, -25));
    await s.getState().runPlan();
    const sc = s.getState().scenarios.find((x) => x.id === id)!;
    expect(sc.networkEdits?.map((e) => e.kind)).toEqual(['add']);
    expect(s.getState().networkTool).toBe('none');
    expect(coveredIn2025(s, id)).toEqual([1, 1]);
    // one undo step removes it; the exported scenario brings it back
    const text = s.getState().exportScenarioText(id);
    s.getState().undoPlan();
    await s.getState().runPlan();
    expect(s.getState().scenarios.find((x) => x.id === id)!.networkEdits ?? []).toEqual([]);
    expect(coveredIn2025(s, id)).toEqual([0, 1]);
    expect(s.getState().importScenarioText(text, 'x.xwgh-scenario.json')).toBe(true);
    expect(s.getState().scenarios.at(-1)!.networkEdits).toEqual(sc.networkEdits);
  });

  it('closing the bridge cuts the far cell; a bad network file keeps the network', async () => {
    const s = await ready();
    s.getState().setNetworkTool('close');
    s.getState().networkMapClick(...P(401, 0));
    await s.getState().runPlan();
    expect(coveredIn2025(s, 'base')).toEqual([0, 0]);
    const e = s.getState().scenarios.find((x) => x.id === 'base')!.networkEdits![0];
    s.getState().removeNetworkEdit(e.id);
    await s.getState().runPlan();
    expect(coveredIn2025(s, 'base')).toEqual([0, 1]);
    const bad = new File(['{"type":"FeatureCollection","features":[]}'], '空路网.geojson');
    expect(await s.getState().importWalkNetwork(bad)).toBe(false);
    expect(render('zh', s.getState().networkError!)).toContain('空路网.geojson');
    expect(s.getState().walkNetwork?.nameZh).toBe('test');
  });
});

describe('walking settings without a network', () => {
  it('a project that says walking but has no network (not the sample) goes back to straight line and says why', async () => {
    const s = createAppStore();
    s.getState().setPlanRunner(inProcess);
    await s.getState().setDataset({ layers: { ...emptyLayers(), kindergartens: [kg], population: [cell('a', 0, -30, 10)], plan_projects: [] }, district: null, meta: { name: '某县' } });
    s.getState().setParams({ distanceMode: 'walking' });
    await Promise.resolve();
    expect(s.getState().params.distanceMode).toBe('straight');
    expect(render('zh', s.getState().networkError!)).toContain('路网未随项目保存');
    // choosing walking without a network asks for one and changes nothing
    await s.getState().setDistanceMode('walking');
    expect(s.getState().params.distanceMode).toBe('straight');
    expect(render('zh', s.getState().networkError!)).toContain('请先导入步行路网');
  });
});
