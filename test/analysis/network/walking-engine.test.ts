/**
 * The engine, the plan and 选址 on the walking network: a hand-checked river case, and
 * the sample city with its generated walk network (walking never covers more than the
 * straight line; every walking pair is at least its straight-line distance).
 */
import { render } from '../../../src/i18n';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, haversineM } from '../../../src/analysis/geo';
import { buildWalkGraph, packLines } from '../../../src/analysis/network/walk-graph';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { defaultPlanSettings } from '../../../src/analysis/plan/plan-defaults';
import { runPlan } from '../../../src/analysis/plan/run-plan';
import { runAnalysis } from '../../../src/analysis/run-analysis';
import { prepareSiting } from '../../../src/analysis/siting/run-siting';
import { defaultSitingParams } from '../../../src/analysis/siting/siting-types';
import { loadDataFolder } from '../../../src/data/load-folder-node';
import { walkLinesFromGeoJson } from '../../../src/data/network/walk-lines';
import { cell, kg } from '../helpers';

const LON0 = 110;
const LAT0 = 40;
const M = (EARTH_RADIUS_M * Math.PI) / 180;
const P = (x: number, y: number): [number, number] => [LON0 + x / (M * Math.cos((LAT0 * Math.PI) / 180)), LAT0 + y / M];
const AS_OF = '2026-06-30';

describe('runAnalysis on a walking network (hand-checked)', () => {
  // river along y = 0, a road on each bank (y = ±20), one bridge at x = 400
  const graph = buildWalkGraph(packLines([[P(-500, 20), P(400, 20), P(500, 20)], [P(-500, -20), P(500, -20)], [P(400, 20), P(400, -20)]]));
  const [kLon, kLat] = P(0, 30);
  const cells = [
    { x: 200, y: 30, children: 10 }, // 10 + 200 + 10 = 220 on foot
    { x: 0, y: -30, children: 20 }, // 60 m straight, 860 m on foot
    { x: 380, y: -25, children: 5 }, // 10 + 400 + 40 + 20 + 5 = 475 on foot, 383 straight
  ];
  const input = {
    kindergartens: [kg({ id: 'K', lon: kLon, lat: kLat, places: 20 })],
    population: cells.map((c, i) => {
      const [lon, lat] = P(c.x, c.y);
      return cell({ id: `C${i}`, lon, lat, children_3_5: c.children, residents: c.children * 30 });
    }),
    communities: [],
    admin_units: [],
    walkGraph: graph,
  };

  it('300 m: straight covers 30 children, walking 10; nearest distance along the network', () => {
    const straight = runAnalysis(input, defaultAnalysisParams(AS_OF));
    const walk = runAnalysis(input, { ...defaultAnalysisParams(AS_OF), distanceMode: 'walking' });
    expect(straight.district.coveredChildren).toBe(30);
    expect(walk.district.coveredChildren).toBe(10);
    expect(Array.from(walk.cells.covered)).toEqual([1, 0, 0]);
    expect(walk.cells.nearestKgM[0]).toBeCloseTo(220, 1);
    expect(walk.cells.nearestKgM[1]).toBeCloseTo(860, 1);
    expect(walk.cells.nearestKgM[2]).toBeCloseTo(475, 1);
    // 2SFCA: 20 places ÷ 10 children within walking reach
    expect(walk.kindergartens.ratioPlain[0]).toBeCloseTo(2, 9);
    expect(walk.params.distanceMode).toBe('walking');
  });

  it('500 m: the cell over the bridge joins; without a network the walking mode is refused', () => {
    const walk = runAnalysis(input, { ...defaultAnalysisParams(AS_OF), radiusM: 500, distanceMode: 'walking' });
    expect(Array.from(walk.cells.covered)).toEqual([1, 0, 1]);
    expect(() => runAnalysis({ ...input, walkGraph: undefined }, { ...defaultAnalysisParams(AS_OF), distanceMode: 'walking' })).toThrow(/步行路网/);
  });

  it('a cell farther than the snap limit from every path is counted as not reachable', () => {
    const far = { ...input, population: [...input.population, cell({ id: 'F', lon: P(0, 400)[0], lat: P(0, 400)[1], children_3_5: 3 })] };
    const walk = runAnalysis(far, { ...defaultAnalysisParams(AS_OF), distanceMode: 'walking', walkSnapMaxM: 150 });
    expect(walk.warnings.map((w) => render('zh', w)).some((w) => w.includes('1 个人口网格距步行路网超过 150 米'))).toBe(true);
  });
});

const DATA = path.resolve(__dirname, '../../../data');
const NET = path.join(DATA, 'walk-network.geojson');

describe.skipIf(!existsSync(NET))('the sample city on its generated walk network', () => {
  const { data } = loadDataFolder(DATA);
  const graph = buildWalkGraph(walkLinesFromGeoJson(JSON.parse(readFileSync(NET, 'utf8')), 'walk-network.geojson').lines);
  const input = { ...data, walkGraph: graph };
  const params = defaultAnalysisParams(AS_OF);
  const walkP = { ...params, distanceMode: 'walking' as const };

  it('walking covers a subset of the straight-line cells, every pair ≥ its straight distance', () => {
    const a = runAnalysis(input, params);
    const b = runAnalysis(input, walkP);
    expect(b.district.coveredChildren).toBeLessThan(a.district.coveredChildren);
    for (let i = 0; i < a.cells.covered.length; i++) if (b.cells.covered[i] === 1) expect(a.cells.covered[i]).toBe(1);
    for (let i = 0; i < a.cells.covered.length; i++) {
      const dn = b.cells.nearestKgM[i];
      const ds = a.cells.nearestKgM[i];
      if (Number.isFinite(dn) && Number.isFinite(ds)) expect(dn).toBeGreaterThanOrEqual(ds - 1e-6);
    }
    for (const s of b.streets) expect(s.coveredChildren).toBeLessThanOrEqual(a.streets.find((x) => x.code === s.code)!.coveredChildren);
    // straight line is unchanged by carrying a network
    expect(runAnalysis(data, params).district).toEqual(a.district);
  });

  it('plan years and 选址 use the walking distance too', () => {
    const scenario = { id: 'base', name: '基准', projects: data.plan_projects };
    const ps = runPlan(input, scenario, params, defaultPlanSettings(), { detailYears: [] });
    const pw = runPlan(input, scenario, walkP, defaultPlanSettings(), { detailYears: [] });
    for (let k = 0; k < ps.years.length; k++) expect(pw.years[k].coveredDemand).toBeLessThan(ps.years[k].coveredDemand);
    const cands = data.population.filter((_, i) => i % 40 === 0).map((c, k) => ({ id: `c${k}`, name: `c${k}`, lon: c.lon, lat: c.lat, source: 'grid' as const, areaM2: null, cost10k: null }));
    const sp = { ...defaultSitingParams(), radiusM: 300 };
    const s = prepareSiting(data.population, data.kindergartens, cands, sp);
    const w = prepareSiting(data.population, data.kindergartens, cands, { ...sp, reach: { mode: 'walking', graph, snapMaxM: 200 } });
    expect(w.pairs.count).toBeLessThan(s.pairs.count);
    for (let p = 0; p < w.pairs.count; p++) {
      const j = w.pairs.kg[p];
      const i = w.pairs.cell[p];
      const site = j < w.existingKg.length ? data.kindergartens[w.existingKg[j]] : cands[j - w.existingKg.length];
      expect(w.pairs.distM[p]).toBeGreaterThanOrEqual(haversineM(site.lon, site.lat, data.population[i].lon, data.population[i].lat) - 1e-6);
    }
  });
});

describe('network edits of a plan scenario', () => {
  const graph = buildWalkGraph(packLines([[P(-500, 20), P(400, 20), P(500, 20)], [P(-500, -20), P(500, -20)], [P(400, 20), P(400, -20)]]));
  const [kLon, kLat] = P(0, 30);
  const input = {
    kindergartens: [kg({ id: 'K', lon: kLon, lat: kLat, places: 20 })],
    population: [
      cell({ id: 'A', lon: P(0, -30)[0], lat: P(0, -30)[1], children_3_5: 20, residents: 600 }), // across the river
      cell({ id: 'B', lon: P(380, -25)[0], lat: P(380, -25)[1], children_3_5: 5, residents: 150 }), // over the bridge, 475 m
    ],
    communities: [],
    admin_units: [],
    walkGraph: graph,
  };
  const params = { ...defaultAnalysisParams(AS_OF), radiusM: 500, distanceMode: 'walking' as const };
  const covered = (edits: import('../../../src/analysis/network/network-edits').NetworkEdit[]) => {
    const r = runPlan(input, { id: 's', name: 's', projects: [], networkEdits: edits }, params, defaultPlanSettings(), { detailYears: [2025] });
    return { covered: Array.from(r.detail[2025].cells.covered), warnings: r.detail[2025].warnings.map((w) => render('zh', w)) };
  };

  it('a new footbridge at x = 0 brings the cell across the river within reach; closing the bridge cuts the other', () => {
    expect(covered([]).covered).toEqual([0, 1]);
    // a bridge from the north road to the south road at x = 0 (its ends 5 m off the roads, joined to them)
    expect(covered([{ id: 'e1', kind: 'add', nameZh: '新桥', coords: [P(0, 25), P(0, -25)] }]).covered).toEqual([1, 1]);
    expect(covered([{ id: 'e2', kind: 'close', nameZh: '旧桥', lon: P(402, 0)[0], lat: P(402, 0)[1] }]).covered).toEqual([0, 0]);
    const far = covered([{ id: 'e3', kind: 'close', nameZh: '远处', lon: P(0, 900)[0], lat: P(0, 900)[1] }]);
    expect(far.covered).toEqual([0, 1]);
    expect(far.warnings.some((w: string) => w.includes('远处') && w.includes('未生效'))).toBe(true);
    // straight line ignores network edits
    const s = runPlan(input, { id: 's', name: 's', projects: [], networkEdits: [{ id: 'e2', kind: 'close', nameZh: '旧桥', lon: P(402, 0)[0], lat: P(402, 0)[1] }] }, { ...params, distanceMode: 'straight' }, defaultPlanSettings(), { detailYears: [2025] });
    expect(Array.from(s.detail[2025].cells.covered)).toEqual([1, 1]);
  });
});
