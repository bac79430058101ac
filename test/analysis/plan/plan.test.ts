/** The plan engine on small hand-checked cases: rebuild, expansion, closure, conversion, births, new 小区. */
import { describe, expect, it } from 'vitest';
import type { PlanProject } from '../../../src/data/schema';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { birthsOfCohort, demandAt, newCommunityPoints } from '../../../src/analysis/plan/demand-at';
import { defaultPlanSettings } from '../../../src/analysis/plan/plan-defaults';
import type { PlanSettings } from '../../../src/analysis/plan/plan-types';
import { runPlan } from '../../../src/analysis/plan/run-plan';
import { costInYear, effectiveYear, planSites, sitesAt } from '../../../src/analysis/plan/supply-at';
import { cell, community, kg, latAtM, LON0 } from '../helpers';

const P = { ...defaultAnalysisParams('2026-01-01'), decay: 'uniform' as const };

function project(p: Partial<PlanProject> & { id: string; kind: PlanProject['kind'] }): PlanProject {
  return {
    kindergarten_id: null,
    name: p.id,
    lon: LON0,
    lat: latAtM(0),
    start_year: 2026,
    finish_year: 2027,
    classes_after: 12,
    places_after: 360,
    land_area_m2: null,
    cost_10k_yuan: null,
    status: 'approved',
    type_after: 'public',
    ...p,
  };
}

/** A demand base from per-cell arrays and 街道 codes. */
function demandBase(children: number[], residents: number[], codes: string[], dataYear: number) {
  const streetCodes = [...new Set(codes)];
  return { children: Float64Array.from(children), residents: Float64Array.from(residents), streetIndex: Int32Array.from(codes.map((c) => streetCodes.indexOf(c))), streetCodes, dataYear };
}

/** Flat births: children stay at the data-year count (factor 1) unless a test changes them. */
function flat(): PlanSettings {
  const s = defaultPlanSettings();
  const b: Record<number, number> = {};
  for (let y = 2010; y <= 2030; y++) b[y] = 1000;
  s.demand.nationalBirths10k = b;
  return s;
}

describe('supply in a plan year', () => {
  it('a rebuild takes its places offline from start to finish year (包钢十七园: −240 in 2026–2027, 360 from 2028)', () => {
    const kgs = [kg({ id: 'KG17', places: 240, classes: 8 })];
    const projects = [project({ id: 'XM01', kind: 'rebuild', kindergarten_id: 'KG17', start_year: 2026, finish_year: 2027 })];
    const sites = planSites(kgs, projects);
    const placesIn = (y: number) => sitesAt(sites, projects, y, 1).rows.filter((k) => k.status === 'existing').reduce((a, k) => a + k.places, 0);
    expect([2025, 2026, 2027, 2028, 2030].map(placesIn)).toEqual([240, 0, 0, 360, 360]);
    expect(sitesAt(sites, projects, 2026, 1).events).toEqual([{ projectId: 'XM01', what: 'offline' }]);
    expect(sitesAt(sites, projects, 2028, 1).events).toEqual([{ projectId: 'XM01', what: 'opens' }]);
  });

  it('an expansion keeps its places during the works and adds at finish + lag; a closure removes from its year', () => {
    const kgs = [kg({ id: 'A', places: 270 }), kg({ id: 'B', places: 90 })];
    const projects = [
      project({ id: 'E', kind: 'expansion', kindergarten_id: 'A', start_year: 2027, finish_year: 2028, places_after: 450 }),
      project({ id: 'C', kind: 'closure', kindergarten_id: 'B', start_year: 2027, finish_year: 2027, places_after: 0 }),
    ];
    const sites = planSites(kgs, projects);
    const at = (y: number) => sitesAt(sites, projects, y, 1).rows.map((k) => (k.status === 'existing' ? k.places : 0));
    expect(at(2026)).toEqual([270, 90]);
    expect(at(2027)).toEqual([270, 0]);
    expect(at(2028)).toEqual([270, 0]);
    expect(at(2029)).toEqual([450, 0]);
    expect(effectiveYear(projects[1], 1)).toBe(2027);
  });

  it('a conversion changes the type from its finish year; a new build is a new site from finish + lag', () => {
    const kgs = [kg({ id: 'P', type: 'private', places: 180 })];
    const projects = [
      project({ id: 'V', kind: 'conversion', kindergarten_id: 'P', start_year: 2026, finish_year: 2026, places_after: 0, type_after: 'inclusive_private' }),
      project({ id: 'N', kind: 'new_build', start_year: 2026, finish_year: 2028, places_after: 270, classes_after: 9 }),
    ];
    const sites = planSites(kgs, projects);
    expect(sites.rows.map((k) => k.id)).toEqual(['P', 'N']);
    expect(sitesAt(sites, projects, 2025, 1).rows[0].type).toBe('private');
    expect(sitesAt(sites, projects, 2026, 1).rows[0]).toMatchObject({ type: 'inclusive_private', places: 180 });
    expect(sitesAt(sites, projects, 2028, 1).rows[1].status).toBe('planned');
    expect(sitesAt(sites, projects, 2029, 1).rows[1]).toMatchObject({ status: 'existing', places: 270 });
  });

  it('a project naming a missing kindergarten is reported, not applied', () => {
    const sites = planSites([kg({ id: 'A' })], [project({ id: 'X', kind: 'expansion', kindergarten_id: 'NOPE' })]);
    expect(sites.siteOfProject).toEqual([-1]);
    expect(sites.messages).toEqual([{ key: 'plan.targetMissing', values: { id: 'X', kg: 'NOPE' } }]);
  });

  it('spreads cost evenly over the construction years', () => {
    const ps = [project({ id: 'A', kind: 'new_build', start_year: 2026, finish_year: 2028, cost_10k_yuan: 2400 })];
    expect([2025, 2026, 2027, 2028, 2029].map((y) => costInYear(ps, y))).toEqual([0, 800, 800, 800, 0]);
  });
});

describe('demand in a plan year', () => {
  it('children of year t follow births of t−3…t−5 (national series scaled to the data year)', () => {
    const s = defaultPlanSettings();
    // data year 2020: births 2015–2017 = 1655 + 1786 + 1723 = 5164; 2025: 2020–2022 = 1202 + 1062 + 956 = 3220
    expect(birthsOfCohort(s.demand.nationalBirths10k, 2020)).toBe(5164);
    expect(birthsOfCohort(s.demand.nationalBirths10k, 2025)).toBe(3220);
    const base = demandBase([516.4, 1000], [10000, 20000], ['S1', 'S2'], 2020);
    const d = demandAt(base, [], s, 2025, []);
    expect(d.childrenBirths[0]).toBeCloseTo(322, 9);
    expect(d.childrenBirths[1]).toBeCloseTo((1000 * 3220) / 5164, 9);
    // 千人指标: 30 per 1,000 residents
    expect(Array.from(d.perThousand)).toEqual([300, 600]);
  });

  it('absolute local births per 街道 with survival and migration; other 街道 keep the national form', () => {
    const s = defaultPlanSettings();
    s.demand.streetBirths = { S1: { 2022: 100, 2023: 110, 2024: 120 } };
    s.demand.survivalRate = 0.99;
    s.demand.netMigrationPerYear = 0.02;
    const base = demandBase([30, 10, 50], [1, 1, 1], ['S1', 'S1', 'S2'], 2025);
    const d = demandAt(base, [], s, 2027, []);
    const total = 330 * 0.99 * 1.02 ** 2; // births 2022–2024 × survival × 2 years of migration
    expect(d.childrenBirths[0]).toBeCloseTo(total * 0.75, 9);
    expect(d.childrenBirths[1]).toBeCloseTo(total * 0.25, 9);
    const nat = s.demand.nationalBirths10k;
    const f = ((nat[2022] + nat[2023] + nat[2024]) / (nat[2020] + nat[2021] + nat[2022])) * 1.02 ** 2;
    expect(d.childrenBirths[2]).toBeCloseTo(50 * f, 9);
  });

  it('a 小区 completed after the base year adds residents × child share from its year', () => {
    const s = flat();
    s.demand.newCommunityChildShare = 0.02;
    const pts = newCommunityPoints([community({ id: 'NEW', built_year: 2027, residents: 5000 }), community({ id: 'OLD', built_year: 2024 })], s);
    expect(pts.map((p) => p.id)).toEqual(['new:NEW']);
    const base = demandBase([100], [4000], ['S1'], 2025);
    expect(Array.from(demandAt(base, pts, s, 2026, []).childrenBirths)).toEqual([100, 0]);
    expect(Array.from(demandAt(base, pts, s, 2027, []).childrenBirths)).toEqual([100, 100]);
    expect(Array.from(demandAt(base, pts, s, 2027, []).residents)).toEqual([4000, 5000]);
  });
});

describe('runPlan', () => {
  // two cells 200 m apart north of one kindergarten; a new build next to the far cell
  const input = {
    kindergartens: [kg({ id: 'K', places: 100, enrolled: 90, lat: latAtM(0) })],
    population: [cell({ id: 'near', lat: latAtM(100), children_3_5: 60 }), cell({ id: 'far', lat: latAtM(1000), children_3_5: 40 })],
    communities: [],
    admin_units: [],
  };
  const scenario = { id: 's', name: '方案', projects: [project({ id: 'N', kind: 'new_build', lat: latAtM(1050), start_year: 2026, finish_year: 2027, places_after: 60 })] };

  it('places and coverage rise when the new build opens, on pairs built once', () => {
    const r = runPlan(input, scenario, P, flat());
    const y = Object.fromEntries(r.years.map((s) => [s.year, s]));
    expect(r.years.map((s) => s.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(y[2027].places).toBe(100);
    expect(y[2028].places).toBe(160);
    expect(y[2027].coveredDemand).toBe(60);
    expect(y[2028].coveredDemand).toBe(100);
    expect(y[2027].coveredShare).toBeCloseTo(0.6, 12);
    expect(y[2028].coveredShare).toBe(1);
    expect(r.detail[2028].pairCount).toBe(r.detail[2025].pairCount);
    // 三率: r0 = 90 / 100; 2028 enrolment min(160, 100 × 0.9) = 90 → 90 %; all public → 100 %
    expect(r.baseGrossRate).toBeCloseTo(0.9, 12);
    expect(y[2028].rates.map((x) => x.valuePct)).toEqual([90, 100, 100]);
  });

  it('the gap is the sum of 街道 shortfalls, never netted', () => {
    const two = {
      ...input,
      kindergartens: [kg({ id: 'K1', places: 100, street_code: 'S1' }), kg({ id: 'K2', places: 0, street_code: 'S2' })],
      population: [cell({ id: 'a', children_3_5: 40, street_code: 'S1' }), cell({ id: 'b', children_3_5: 50, street_code: 'S2' })],
    };
    const r = runPlan(two, { id: 'e', name: '空', projects: [] }, P, flat());
    expect(r.years[0].places).toBe(100);
    expect(r.years[0].demand).toBe(90);
    expect(r.years[0].gapStreetSum).toBe(50);
    expect(r.years[0].streetsShort).toBe(1);
  });

  it('keeps per-cell detail only for the years asked for', () => {
    const r = runPlan(input, scenario, P, flat(), { detailYears: [2028] });
    expect(Object.keys(r.detail)).toEqual(['2028']);
    expect(r.years).toHaveLength(6);
  });
});

describe('infant care', () => {
  it('托位 = 托班 places of supplying kindergartens + 托育机构 open that year, against 4.5 per 1,000 residents', () => {
    const input = {
      kindergartens: [kg({ id: 'K', tuo_ban_places: 20 })],
      population: [cell({ id: 'c', residents: 10000 })],
      communities: [],
      admin_units: [],
      childcare_centres: [
        { id: 'T1', name: '托育一', lon: LON0, lat: latAtM(0), places: 40, type: null, street_code: 'S1', opened_year: null, operator: null },
        { id: 'T2', name: '托育二', lon: LON0, lat: latAtM(0), places: 50, type: null, street_code: 'S1', opened_year: 2028, operator: null },
      ],
    };
    const r = runPlan(input, { id: 's', name: 's', projects: [] }, P, flat());
    const y = Object.fromEntries(r.years.map((s) => [s.year, s]));
    expect(y[2027].tuoPlaces).toBe(60);
    expect(y[2028].tuoPlaces).toBe(110);
    expect(y[2028].tuoNeed).toBe(45); // 10,000 residents × 4.5 / 1,000
  });
});
