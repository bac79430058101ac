/** Derived values for the map and panels; memoised so React does not re-render needlessly. */
import type { KgStatusRag } from '../analysis/types';
import type { AnalysisOverlay } from './map-overlay';
import type { PlanResult, PlanScenario, PlanYearSummary } from '../analysis/plan/plan-types';
import { kindergartensAt } from '../analysis/plan/supply-at';
import { ledgerSupply, planKindergartens, type LedgerSupply } from '../analysis/ledger/supply';
import type { AnalysisInput } from '../analysis/types';
import { planInputOf } from '../analysis/plan/present';
import { presentResultCurrent } from './analysis-slice';
import type { LayerRows } from '../data/schema';
import { BASE_SCENARIO_ID } from './plan-slice';
import type { AppState } from './store';

const NO_OVERLAY: AnalysisOverlay = {};
const RAG: Record<KgStatusRag, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  green: 'ok',
  amber: 'warn',
  red: 'bad',
  no_demand: 'neutral',
  inactive: 'neutral',
};

// caches are keyed by objects of one store (results, layers), so stores never share or evict each other's entries
const overlays = new WeakMap<object, AnalysisOverlay>();

/** Map overlay from the latest analysis result, only while it matches the data on screen. */
export function selectOverlay(s: AppState): AnalysisOverlay {
  const r = selectCurrentResult(s);
  if (!r) return NO_OVERLAY;
  let o = overlays.get(r);
  if (!o) {
    o = {
      covered: r.cells.covered,
      // walking runs draw isochrone polygons (map/walk-layers.ts) instead of circles
      radiusM: r.walking ? undefined : r.params.radiusM,
      kgStatus: r.kindergartens.status.map((x) => RAG[x]),
      streetStatus: Object.fromEntries(r.streets.map((st) => [st.code, RAG[st.status]])),
    };
    overlays.set(r, o);
  }
  return o;
}

const sameKey = (a: unknown[], b: unknown[]): boolean => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * THE result every panel and the map show: with the plan open, the detail of
 * (current scenario, plan year) — null while it is not computed, never an older
 * one; otherwise the present-day result (基准 scenario, base year) while its inputs
 * are those on screen.
 */
export function selectCurrentResult(s: AppState): AppState['result'] {
  if (s.planOpen) return s.planResults[s.currentScenarioId]?.detail[s.planYear] ?? null;
  return selectPresentResult(s);
}

/** The present-day result (现状 = base year of the 基准 scenario) while current, else null. */
export function selectPresentResult(s: AppState): AppState['result'] {
  return presentResultCurrent(s) ? s.result : null;
}

/** The year, the plan run (data year, demand basis) and that year's summary behind the figures on screen. */
export function selectShownPlan(s: AppState): { year: number; plan: PlanResult | null; summary: PlanYearSummary | null } {
  const year = s.planOpen ? s.planYear : s.planSettings.baseYear;
  const plan = s.planOpen ? (s.planStale[s.currentScenarioId] ? null : (s.planResults[s.currentScenarioId] ?? null)) : presentResultCurrent(s) ? s.presentPlan : null;
  return { year, plan, summary: plan?.years.find((y) => y.year === year) ?? null };
}

const presentKgs = new WeakMap<object, { key: unknown[]; value: LayerRows['kindergartens'] }>();

/** The kindergartens of 现状 (基准 scenario, base year) whatever the map shows; cached per layers object. */
export function selectPresentKindergartens(s: AppState): LayerRows['kindergartens'] {
  const sc = s.scenarios.find((x) => x.id === BASE_SCENARIO_ID);
  const key = [sc, s.planSettings.baseYear, s.planSettings.openingLagYears, s.params.ruleTable];
  const hit = presentKgs.get(s.layers);
  if (hit && sameKey(hit.key, key)) return hit.value;
  const projects = sc?.projects ?? s.layers.plan_projects;
  const { kindergartens, openings } = selectPlanKindergartens(s);
  const value = kindergartensAt(kindergartens, projects, openings, s.planSettings.baseYear, s.planSettings.openingLagYears);
  presentKgs.set(s.layers, { key, value });
  return value;
}

/** The current scenario. */
export function selectCurrentScenario(s: AppState): PlanScenario | undefined {
  return s.scenarios.find((x) => x.id === s.currentScenarioId);
}

const supplies = new WeakMap<object, { key: unknown[]; value: LedgerSupply }>();

/** The kindergartens the ledger opened (配套园 公办 / 委托普惠 without a kindergarten row). */
export function selectLedgerSupply(s: AppState): LedgerSupply {
  const key = [s.layers.communities, s.layers.kindergartens, s.params.ruleTable];
  const hit = supplies.get(s.layers);
  if (hit && sameKey(hit.key, key)) return hit.value;
  const value = ledgerSupply(s.layers.communities, s.layers.kindergartens, s.params.ruleTable);
  supplies.set(s.layers, { key, value });
  return value;
}

/** Kindergartens and their opening years for the plan engine. */
export function selectPlanKindergartens(s: AppState): ReturnType<typeof planKindergartens> {
  return planKindergartens(s.layers.kindergartens, selectLedgerSupply(s));
}

const views = new WeakMap<object, { key: unknown[]; value: LayerRows }>();

/** The plan engine's input (the present-day view runs it too): layers plus the ledger's opened 配套园. */
export function selectPlanInput(s: AppState): AnalysisInput {
  const input = planInputOf(s.layers, s.params.ruleTable);
  // the walking network goes along (typed arrays) only when it is the distance in use
  return s.params.distanceMode === 'walking' && s.walkNetwork ? { ...input, walkGraph: s.walkNetwork.graph } : input;
}

/**
 * Layers as they stand in the shown year: the kindergartens are the scenario's sites
 * in that year (sitesAt: the same rule the engine used) and the plan projects are the
 * scenario's. With the plan closed the year is the base year and the scenario 基准 —
 * the present-day view is the plan's first year.
 */
export function selectViewLayers(s: AppState): LayerRows {
  const sc = s.planOpen ? selectCurrentScenario(s) : s.scenarios.find((x) => x.id === BASE_SCENARIO_ID);
  const year = s.planOpen ? s.planYear : s.planSettings.baseYear;
  const key = [s.layers, s.planOpen, sc, year, s.planSettings.openingLagYears, s.params.ruleTable];
  const hit = views.get(s.layers);
  if (hit && sameKey(hit.key, key)) return hit.value;
  const projects = sc?.projects ?? s.layers.plan_projects;
  const { kindergartens, openings } = selectPlanKindergartens(s);
  const value: LayerRows = { ...s.layers, kindergartens: kindergartensAt(kindergartens, projects, openings, year, s.planSettings.openingLagYears), plan_projects: projects };
  views.set(s.layers, { key, value });
  return value;
}

/** The plan result of the current scenario (all years), or null. */
export function selectCurrentPlan(s: AppState): PlanResult | null {
  return s.planResults[s.currentScenarioId] ?? null;
}

const diffs = new WeakMap<object, { key: unknown[]; value: { lon: number; lat: number; side: 'a' | 'b' }[] }>();
const projectKey = (p: PlanScenario['projects'][number]) => `${p.id}|${p.kind}|${p.start_year}|${p.finish_year}|${p.places_after}|${p.lon}|${p.lat}|${p.type_after}`;

/** Projects that differ between the shown scenario (a) and the compared one (b), for the map. */
export function selectCompareDiff(s: AppState): { lon: number; lat: number; side: 'a' | 'b' }[] {
  if (!s.planOpen || !s.compareScenarioId) return NO_DIFF;
  const a = selectCurrentScenario(s);
  const b = s.scenarios.find((x) => x.id === s.compareScenarioId);
  if (!a || !b) return NO_DIFF;
  const key = [a, b];
  const hit = diffs.get(a);
  if (hit && sameKey(hit.key, key)) return hit.value;
  const inA = new Set(a.projects.map(projectKey));
  const inB = new Set(b.projects.map(projectKey));
  const value = [
    ...a.projects.filter((p) => !inB.has(projectKey(p))).map((p) => ({ lon: p.lon, lat: p.lat, side: 'a' as const })),
    ...b.projects.filter((p) => !inA.has(projectKey(p))).map((p) => ({ lon: p.lon, lat: p.lat, side: 'b' as const })),
  ];
  diffs.set(a, { key, value });
  return value;
}
const NO_DIFF: { lon: number; lat: number; side: 'a' | 'b' }[] = [];
