/** Derived values for the map and panels; memoised so React does not re-render needlessly. */
import type { KgStatusRag } from '../analysis/types';
import type { AnalysisOverlay } from '../map/build-layers';
import type { PlanResult, PlanScenario } from '../analysis/plan/plan-types';
import { planSites, sitesAt } from '../analysis/plan/supply-at';
import { kindergartensAsOf, ledgerSupply, planKindergartens, type LedgerSupply } from '../analysis/ledger/supply';
import type { LayerRows } from '../data/schema';
import type { AppState } from './store';

const NO_OVERLAY: AnalysisOverlay = {};
const RAG: Record<KgStatusRag, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  green: 'ok',
  amber: 'warn',
  red: 'bad',
  no_demand: 'neutral',
  inactive: 'neutral',
};

let lastResult: AppState['result'] = null;
let lastOverlay: AnalysisOverlay = NO_OVERLAY;

/** Map overlay from the latest analysis result, only while it matches the data on screen. */
export function selectOverlay(s: AppState): AnalysisOverlay {
  const r = selectCurrentResult(s);
  if (!r) return NO_OVERLAY;
  if (r !== lastResult) {
    lastResult = r;
    lastOverlay = {
      covered: r.cells.covered,
      radiusM: r.params.radiusM,
      kgStatus: r.kindergartens.status.map((x) => RAG[x]),
      streetStatus: Object.fromEntries(r.streets.map((st) => [st.code, RAG[st.status]])),
    };
  }
  return lastOverlay;
}

const sameKey = (a: unknown[], b: unknown[]): boolean => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * THE result every panel and the map show: with the plan open, the detail of
 * (current scenario, plan year) — null while it is not computed, never an older
 * one; otherwise the latest analysis while it matches the data on screen.
 */
export function selectCurrentResult(s: AppState): AppState['result'] {
  if (s.planOpen) return s.planResults[s.currentScenarioId]?.detail[s.planYear] ?? null;
  return s.resultVersion === s.dataVersion ? s.result : null;
}

/** The current scenario. */
export function selectCurrentScenario(s: AppState): PlanScenario | undefined {
  return s.scenarios.find((x) => x.id === s.currentScenarioId);
}

let lastSupply: { key: unknown[]; value: LedgerSupply } | null = null;

/** The kindergartens the ledger opened (配套园 公办 / 委托普惠 without a kindergarten row). */
export function selectLedgerSupply(s: AppState): LedgerSupply {
  const key = [s.layers.communities, s.layers.kindergartens, s.params.ruleTable];
  if (lastSupply && sameKey(lastSupply.key, key)) return lastSupply.value;
  lastSupply = { key, value: ledgerSupply(s.layers.communities, s.layers.kindergartens, s.params.ruleTable) };
  return lastSupply.value;
}

/** Kindergartens of the present-day analysis: the layer plus the ledger's opened by the 统计日期. */
export function selectAnalysisKindergartens(s: AppState): LayerRows['kindergartens'] {
  return kindergartensAsOf(s.layers.kindergartens, selectLedgerSupply(s), s.params.asOfDate);
}

/** Kindergartens and their opening years for the plan engine. */
export function selectPlanKindergartens(s: AppState): ReturnType<typeof planKindergartens> {
  return planKindergartens(s.layers.kindergartens, selectLedgerSupply(s));
}

let lastView: { key: unknown[]; value: LayerRows } | null = null;

/**
 * Layers as they stand in the shown year: with the plan open, the kindergartens are
 * the scenario's sites in the plan year (sitesAt: the same rule the engine used) and
 * the plan projects are the scenario's; otherwise the data layers (kindergartens with
 * the ledger's opened 配套园, as the analysis counts them).
 */
export function selectViewLayers(s: AppState): LayerRows {
  const sc = s.planOpen ? selectCurrentScenario(s) : undefined;
  const key = [s.layers, s.planOpen, sc, s.planYear, s.planSettings.openingLagYears, s.params.asOfDate, s.params.ruleTable];
  if (lastView && sameKey(lastView.key, key)) return lastView.value;
  let value: LayerRows;
  if (!s.planOpen) {
    const kgs = selectAnalysisKindergartens(s);
    value = kgs === s.layers.kindergartens ? s.layers : { ...s.layers, kindergartens: kgs };
  } else {
    const projects = sc?.projects ?? [];
    const { kindergartens, openings } = selectPlanKindergartens(s);
    const sites = planSites(kindergartens, projects, openings);
    value = { ...s.layers, kindergartens: sitesAt(sites, projects, s.planYear, s.planSettings.openingLagYears).rows, plan_projects: projects };
  }
  lastView = { key, value };
  return value;
}

/** The plan result of the current scenario (all years), or null. */
export function selectCurrentPlan(s: AppState): PlanResult | null {
  return s.planResults[s.currentScenarioId] ?? null;
}

let lastDiff: { key: unknown[]; value: { lon: number; lat: number; side: 'a' | 'b' }[] } | null = null;
const projectKey = (p: PlanScenario['projects'][number]) => `${p.id}|${p.kind}|${p.start_year}|${p.finish_year}|${p.places_after}|${p.lon}|${p.lat}|${p.type_after}`;

/** Projects that differ between the shown scenario (a) and the compared one (b), for the map. */
export function selectCompareDiff(s: AppState): { lon: number; lat: number; side: 'a' | 'b' }[] {
  if (!s.planOpen || !s.compareScenarioId) return NO_DIFF;
  const a = selectCurrentScenario(s);
  const b = s.scenarios.find((x) => x.id === s.compareScenarioId);
  if (!a || !b) return NO_DIFF;
  const key = [a, b];
  if (lastDiff && sameKey(lastDiff.key, key)) return lastDiff.value;
  const inA = new Set(a.projects.map(projectKey));
  const inB = new Set(b.projects.map(projectKey));
  const value = [
    ...a.projects.filter((p) => !inB.has(projectKey(p))).map((p) => ({ lon: p.lon, lat: p.lat, side: 'a' as const })),
    ...b.projects.filter((p) => !inA.has(projectKey(p))).map((p) => ({ lon: p.lon, lat: p.lat, side: 'b' as const })),
  ];
  lastDiff = { key, value };
  return value;
}
const NO_DIFF: { lon: number; lat: number; side: 'a' | 'b' }[] = [];
