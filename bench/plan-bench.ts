/**
 * Plan benchmark: all six years (2025–2030) of a scenario on one set of pairs,
 * against the naive way — six independent runAnalysis calls, each rebuilding the
 * pairs (supply of the year as supplyPlaces over the same sites).
 */
import type { PlanProject } from '../src/data/schema';
import { suppliesPlaces } from '../src/analysis/supply';
import { defaultPlanSettings } from '../src/analysis/plan/plan-defaults';
import type { PlanScenario } from '../src/analysis/plan/plan-types';
import { planYears, runPlan } from '../src/analysis/plan/run-plan';
import { planSites, sitesAt } from '../src/analysis/plan/supply-at';
import { runAnalysis } from '../src/analysis/run-analysis';
import type { AnalysisInput, AnalysisParams } from '../src/analysis/types';

export interface PlanBenchResult {
  planMs: number[];
  naiveMs: number[];
  years: number;
  pairsMs: number;
}

const now = () => performance.now();

/** Six years of `scenario` (detail only for `detailYears`) vs six runAnalysis calls. */
export function benchPlan(input: AnalysisInput, scenario: PlanScenario, params: AnalysisParams, runs: number, detailYears?: number[]): PlanBenchResult {
  const settings = defaultPlanSettings();
  const years = planYears(settings);
  runPlan(input, scenario, params, settings, { detailYears }); // warm-up
  const planMs: number[] = [];
  let pairsMs = 0;
  for (let r = 0; r < runs; r++) {
    // one edit before each run (the app's case): a project's places change
    const edited: PlanScenario = { ...scenario, projects: scenario.projects.map((p, k) => (k === 0 ? { ...p, places_after: p.places_after + 30 * (r % 2) } : p)) };
    const t = now();
    const res = runPlan(input, edited, params, settings, { detailYears });
    planMs.push(now() - t);
    pairsMs = res.timings.pairsMs;
  }
  const sites = planSites(input.kindergartens, scenario.projects);
  const naiveMs: number[] = [];
  for (let r = 0; r < Math.max(1, Math.min(runs, 3)); r++) {
    const t = now();
    for (const y of years) {
      const rows = sitesAt(sites, scenario.projects, y, settings.openingLagYears).rows;
      runAnalysis({ ...input, kindergartens: rows, supplyPlaces: rows.map((k) => (suppliesPlaces(k) ? k.places : 0)) }, params);
    }
    naiveMs.push(now() - t);
  }
  return { planMs, naiveMs, years: years.length, pairsMs };
}

/** `n` new builds at seeded positions near existing kindergartens (for the province case). */
export function syntheticNewBuilds(input: AnalysisInput, n: number): PlanProject[] {
  const out: PlanProject[] = [];
  const kgs = input.kindergartens;
  for (let k = 0; k < n && kgs.length > 0; k++) {
    const base = kgs[(k * 7919) % kgs.length];
    out.push({
      id: `NB${k}`,
      kind: 'new_build',
      kindergarten_id: null,
      name: `新建 ${k}`,
      lon: base.lon + 0.004,
      lat: base.lat + 0.003,
      start_year: 2026 + (k % 3),
      finish_year: 2027 + (k % 3),
      classes_after: 12,
      places_after: 360,
      land_area_m2: 5400,
      cost_10k_yuan: 2400,
      status: 'proposed',
      type_after: 'public',
    });
  }
  return out;
}
