/** 现状 is the plan's base year: one computation, the demand basis, real base-year enrolment, the one supply rule. */
import { render } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { defaultPlanSettings } from '../../../src/analysis/plan/plan-defaults';
import { planInputOf, runPresent } from '../../../src/analysis/plan/present';
import { runPlan } from '../../../src/analysis/plan/run-plan';
import { runAnalysis } from '../../../src/analysis/run-analysis';
import type { PlanProject } from '../../../src/data/schema';
import { cell, kg, latAtM } from '../helpers';

const P = { ...defaultAnalysisParams('2026-12-01'), decay: 'uniform' as const, radiusM: 300 };
const emptyScenario = { id: 'base', name: '基准', projects: [] as PlanProject[] };

// data year 2020: children 3–5 born 2015–2017; 2025: born 2020–2022
const B = defaultPlanSettings().demand.nationalBirths10k;
const RATIO_2025 = (B[2022] + B[2021] + B[2020]) / (B[2017] + B[2016] + B[2015]);

function city() {
  return {
    kindergartens: [
      kg({ id: 'A', places: 180, enrolled: 120, type: 'public' }),
      kg({ id: 'B', places: 90, enrolled: 60, type: 'private', lat: latAtM(2000) }),
    ],
    population: [
      cell({ id: 'c0', children_3_5: 100, year: 2020 }),
      cell({ id: 'c1', children_3_5: 60, year: 2020, lat: latAtM(2000) }),
      cell({ id: 'c2', children_3_5: 40, year: 2020, lat: latAtM(5000) }),
    ],
    communities: [],
    admin_units: [],
  };
}

describe('the present-day view is the base year of the plan', () => {
  it('equals the base year of a full plan run, figure for figure', () => {
    const input = city();
    const settings = defaultPlanSettings();
    const present = runPresent(input, emptyScenario, P, settings);
    const full = runPlan(input, emptyScenario, P, settings);
    expect(present.result.district).toEqual(full.detail[2025].district);
    expect(present.result.indicators.map((f) => f.value)).toEqual(full.detail[2025].indicators.map((f) => f.value));
    expect(present.plan.years[0]).toEqual(full.years[0]);
  });

  it('births basis: base-year children = census × B(2020–22) / B(2015–17); census basis: the census as is', () => {
    const input = city();
    const births = runPresent(input, emptyScenario, P, defaultPlanSettings());
    expect(births.plan.censusChildren).toBe(200);
    expect(births.plan.baseChildrenBirths).toBe(Math.round(200 * RATIO_2025));
    expect(births.result.district.children).toBe(Math.round(200 * RATIO_2025));
    const s = defaultPlanSettings();
    s.demand.baseBasis = 'census';
    const census = runPresent(input, emptyScenario, P, s);
    expect(census.result.district.children).toBe(200);
    expect(census.plan.demandBasis).toBe('census');
    // later years follow births from the base year under the census basis
    const plan = runPlan(input, emptyScenario, P, s);
    const r2026 = (B[2023] + B[2022] + B[2021]) / (B[2022] + B[2021] + B[2020]);
    expect(plan.years[1].childrenBirths).toBe(Math.round(200 * r2026));
  });

  it('the base year counts the real enrolment; its 三率 equal the present indicators', () => {
    const input = city();
    const { result, plan } = runPresent(input, emptyScenario, P, defaultPlanSettings());
    expect(result.district.enrolled).toBe(180);
    const y = plan.years[0];
    expect(y.enrolledByType).toEqual({ public: 120, inclusive_private: 0, private: 60 });
    const gross = y.rates.find((r) => r.key === 'gross_enrolment_rate')!;
    const fig = result.indicators.find((f) => f.key === 'gross_enrolment_rate')!;
    expect(gross.valuePct).toBeCloseTo(fig.value!, 9);
    expect(gross.valuePct).toBeCloseTo((100 * 180) / Math.round(200 * RATIO_2025), 9);
    const pub = y.rates.find((r) => r.key === 'public_share')!;
    expect(pub.valuePct).toBeCloseTo((100 * 120) / 180, 9);
    expect(result.indicators.find((f) => f.key === 'public_share')!.value).toBeCloseTo((100 * 120) / 180, 9);
  });

  it('later years spread the projected enrolment by each kindergarten\'s base fill', () => {
    const input = city();
    const plan = runPlan(input, emptyScenario, P, defaultPlanSettings());
    const y = plan.years[1];
    // E = min(places, children × r0), r0 = 180 / base children; fills A 120/180, B 60/90 → split 2:1
    const e = Math.min(270, y.childrenBirths === 0 ? 0 : (plan.detail[2026].district.children * 180) / Math.round(200 * RATIO_2025));
    expect(y.enrolledByType.public + y.enrolledByType.private).toBeCloseTo(y.enrolledProjected, 9);
    expect(y.enrolledByType.public / y.enrolledByType.private).toBeCloseTo(2, 9);
    expect(y.enrolledProjected).toBeGreaterThan(0);
    expect(Math.abs(y.enrolledProjected - e)).toBeLessThan(1);
  });

  it('the CLI and the app take the same input: the ledger\'s opened 配套园 join the kindergartens', () => {
    const input = planInputOf({ ...city(), childcare_centres: [], communities: [] }, P.ruleTable);
    expect(input.kindergartens.map((k) => k.id)).toEqual(['A', 'B']);
    expect(input.openings).toEqual([]);
  });
});

describe('the one supply rule', () => {
  it('a kindergarten with 0 places neither supplies nor covers', () => {
    const r = runAnalysis({ kindergartens: [kg({ id: 'Z', places: 0, enrolled: 0 })], population: [cell({ id: 'c' })], communities: [], admin_units: [] }, P);
    expect(r.kindergartens.active[0]).toBe(0);
    expect(r.cells.covered[0]).toBe(0);
    expect(r.district.coveredChildren).toBe(0);
    expect(r.warnings.map((w) => render('zh', w)).some((w) => w.includes('不计入服务半径覆盖'))).toBe(true);
  });

  it('a point at exactly the radius counts as inside (inclusive tolerance)', () => {
    const at = (m: number) => runAnalysis({ kindergartens: [kg({ id: 'K' })], population: [cell({ id: 'c', lat: latAtM(m) })], communities: [], admin_units: [] }, P);
    expect(at(300).cells.covered[0]).toBe(1);
    expect(at(300 * (1 + 1e-10)).cells.covered[0]).toBe(1);
    expect(at(300.001).cells.covered[0]).toBe(0);
  });
});
