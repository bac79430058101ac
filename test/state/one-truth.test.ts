/**
 * One truth: after a 配套园 opened in the ledger, a conversion with new places and a closure,
 * the summary cards, the engine's result, the plan year and SQL over the year's rows (real
 * DuckDB, the supply rule generated from the same constants) give the same figures; 现状 and
 * the plan's base year are equal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveAsync } from '../../src/analysis/drive';
import { planSteps } from '../../src/analysis/plan/run-plan';
import type { DbConnector } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import type { PlanProject } from '../../src/data/schema';
import { buildSummarySql, buildTypeBreakdownSql } from '../../src/data/sql';
import { loadAllLayers, replaceLayerTable } from '../../src/data/tables';
import { emptyLayers } from '../../src/state/data-slice';
import type { PlanRunner } from '../../src/state/plan-slice';
import { selectCurrentResult, selectShownPlan, selectViewLayers } from '../../src/state/selectors';
import { createAppStore, type AppStore } from '../../src/state/store';
import { cell, community, kg, latAtM } from '../analysis/helpers';

const inProcess: PlanRunner = (req, onProgress, signal) => driveAsync(planSteps(req.input, req.scenario, req.params, req.settings, { onProgress, signal, detailYears: req.detailYears }));

const project = (p: Partial<PlanProject> & Pick<PlanProject, 'id' | 'kind'>): PlanProject => ({
  kindergarten_id: null, name: p.id, lon: 110, lat: 40, start_year: 2026, finish_year: 2026, classes_after: 0, places_after: 0,
  land_area_m2: null, cost_10k_yuan: null, status: 'approved', type_after: null, ...p,
});

async function store(): Promise<AppStore> {
  const s = createAppStore();
  s.getState().setPlanRunner(inProcess);
  await s.getState().setDataset({
    layers: {
      ...emptyLayers(),
      kindergartens: [
        kg({ id: 'A', places: 180, enrolled: 150 }),
        kg({ id: 'B', type: 'private', places: 90, enrolled: 80, lat: latAtM(1500) }),
        kg({ id: 'C', type: 'inclusive_private', places: 60, enrolled: 50, lat: latAtM(3000) }),
        kg({ id: 'Z', places: 0, enrolled: 0, lat: latAtM(4500) }),
      ],
      population: [0, 1500, 3000, 4500, 6000].map((m, i) => cell({ id: `c${i}`, lat: latAtM(m), children_3_5: 40 + 10 * i, year: 2020 })),
      // a 配套园 recorded as opened (公办) in 2025 without a kindergarten row: 6 classes × 30
      communities: [community({ id: 'M', lat: latAtM(6000), supporting_kg_status: 'operating_public', supporting_kg_classes: 6, opened_date: '2025-09-01' })],
      plan_projects: [
        project({ id: 'CV', kind: 'conversion', kindergarten_id: 'B', start_year: 2026, finish_year: 2026, type_after: 'inclusive_private', places_after: 120, classes_after: 4 }),
        project({ id: 'CL', kind: 'closure', kindergarten_id: 'C', start_year: 2027, finish_year: 2027 }),
      ],
    },
    district: null,
    meta: null,
  });
  await s.getState().runAnalysis();
  return s;
}

describe('one truth across screens', () => {
  let db: DbConnector;
  beforeAll(async () => {
    db = await openNodeDb();
    await loadAllLayers(db, emptyLayers());
  });
  afterAll(async () => {
    await db.close();
  });

  async function sqlTotals(s: AppStore): Promise<{ kindergartens: number; places: number; enrolled: number; types: Record<string, number> }> {
    await replaceLayerTable(db, 'kindergartens', selectViewLayers(s.getState()).kindergartens);
    const [t] = await db.query<{ kindergartens: number; places: number; enrolled: number }>(buildSummarySql());
    const types = await db.query<{ type: string; places: number }>(buildTypeBreakdownSql());
    return { ...t, types: Object.fromEntries(types.map((r) => [r.type, r.places])) };
  }

  it('现状: cards = engine = SQL; the opened 配套园 supplies, the 0-place row does not', async () => {
    const s = await store();
    const st = s.getState();
    const shown = selectShownPlan(st);
    const res = selectCurrentResult(st)!;
    expect(shown.year).toBe(2025);
    // A 180 + B 90 + C 60 + 配套园 180; Z has no places
    expect(shown.summary!.places).toBe(510);
    expect(res.district.places).toBe(510);
    expect(shown.summary!.kindergartens).toBe(4);
    expect(res.district.kindergartens).toBe(4);
    const sql = await sqlTotals(s);
    expect(sql.places).toBe(510);
    expect(sql.kindergartens).toBe(4);
    expect(sql.enrolled).toBe(shown.summary!.enrolledByType.public + shown.summary!.enrolledByType.inclusive_private + shown.summary!.enrolledByType.private);
    expect(sql.types).toEqual({ public: 360, private: 90, inclusive_private: 60 });
  });

  it('the plan at its base year shows exactly the present figures', async () => {
    const s = await store();
    const present = selectCurrentResult(s.getState())!;
    const presentSummary = selectShownPlan(s.getState()).summary!;
    s.getState().setPlanOpen(true);
    await s.getState().runPlan();
    s.getState().setPlanYear(2025);
    const plan = selectCurrentResult(s.getState())!;
    expect(plan.district).toEqual(present.district);
    expect(plan.indicators.map((f) => f.value)).toEqual(present.indicators.map((f) => f.value));
    expect(selectShownPlan(s.getState()).summary).toEqual(presentSummary);
  });

  it('2027: the conversion (120 places, 普惠) and the closure agree in cards, engine and SQL', async () => {
    const s = await store();
    s.getState().setPlanOpen(true);
    await s.getState().runPlan();
    s.getState().setPlanYear(2027);
    const st = s.getState();
    const shown = selectShownPlan(st);
    const res = selectCurrentResult(st)!;
    // A 180 + B 120 (converted) + 配套园 180; C closed in 2027
    expect(shown.summary!.places).toBe(480);
    expect(res.district.places).toBe(480);
    const sql = await sqlTotals(s);
    expect(sql.places).toBe(480);
    expect(sql.types).toEqual({ public: 360, inclusive_private: 120 });
    expect(shown.summary!.placesInclusivePrivate).toBe(120);
  });

  it('a changed plan setting re-runs 现状 and the old figures are not shown meanwhile', async () => {
    const s = await store();
    const before = selectShownPlan(s.getState()).summary!.childrenBirths;
    s.getState().setDemandSettings({ baseBasis: 'census' });
    expect(selectCurrentResult(s.getState())).toBeNull();
    await s.getState().runAnalysis();
    const after = selectShownPlan(s.getState()).summary!.childrenBirths;
    expect(after).toBe(40 + 50 + 60 + 70 + 80);
    expect(after).toBeGreaterThan(before);
  });
});
