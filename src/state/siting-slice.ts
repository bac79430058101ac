/**
 * Siting slice (选址): parameters, candidates (grid / map clicks / reserved plots), the
 * run in its worker (instant answer, then the exact one with its bound), cancel, and
 * adding the chosen sites to the plan as new builds.
 */
import { m, msg, type Message } from '../i18n';
import { messageOfError } from '../i18n/message-error';
import { BASE_SCENARIO_NAME, scenarioName } from '../analysis/plan/present';
import { applyNetworkEdits } from '../analysis/network/network-edits';
import { reachSpecOf } from '../analysis/reach';
import type { StateCreator } from 'zustand/vanilla';
import { gridCandidates } from '../analysis/siting/run-siting';
import type { SitingRequest, SitingResponse } from '../analysis/siting/siting-protocol';
import { defaultSitingParams, LAND_M2_BY_CLASSES, PLACES_PER_CLASS, type SitingAnswer, type SitingCandidate, type SitingParams, type SitingSummary } from '../analysis/siting/siting-types';
import { newCommunityPoints } from '../analysis/plan/demand-at';
import { demandRowsOf } from '../analysis/plan/present';
import { flagNearbySites, sitesAlreadyPlanned, type NamedPoint, type NearbyFlag } from '../analysis/siting/site-checks';
import { suppliesPlaces } from '../analysis/supply';
import type { AnalysisResult } from '../analysis/types';
import type { PopulationCell } from '../data/schema';
import { selectCurrentResult, selectCurrentScenario, selectViewLayers } from './selectors';
import type { AppState } from './store';

export type CandidateMode = 'grid' | 'click' | 'plot';

/** Runs a request, calling back with each message; returns a cancel function. */
export type SitingRunner = (req: SitingRequest, onMessage: (m: SitingResponse) => void) => () => void;

export interface SitingSlice {
  /** the 选址 panel is open (its layers are drawn) */
  sitingOpen: boolean;
  setSitingOpen(on: boolean): void;
  sitingParams: SitingParams;
  candidateMode: CandidateMode;
  /** grid spacing (m) */
  gridSpacingM: number;
  clickCandidates: SitingCandidate[];
  plotCandidates: SitingCandidate[];
  /** the map's next click adds a candidate */
  pickingCandidate: boolean;
  sitingState: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  sitingSummary: SitingSummary | null;
  sitingHeuristic: SitingAnswer | null;
  sitingExact: SitingAnswer | null;
  sitingProgress: { objective: number; bound: number; gap: number; seconds: number } | null;
  sitingError: Message | null;
  sitingRunner: SitingRunner | null;
  /** what the answer was computed for: the scenario, the year and the result they gave (stale once it changes) */
  sitingFor: { scenarioId: string; scenarioName: string; year: number; result: AnalysisResult } | null;
  /** chosen sites within the radius of an existing or planned kindergarten */
  sitingNearby: NearbyFlag[];
  sitingCancel: (() => void) | null;
  setSitingRunner(r: SitingRunner): void;
  setSitingParams(p: Partial<SitingParams>): void;
  setCandidateMode(m: CandidateMode, gridSpacingM?: number): void;
  setPickingCandidate(on: boolean): void;
  addClickCandidate(lon: number, lat: number): void;
  setPlotCandidates(c: SitingCandidate[]): void;
  clearCandidates(): void;
  /** The candidates of the current mode. */
  currentCandidates(): SitingCandidate[];
  runSiting(): void;
  cancelSiting(): void;
  /** Add the best answer's sites to the current plan scenario (opens the plan); their project ids. */
  addSitesToPlan(): string[];
}

export const createSitingSlice: StateCreator<AppState, [], [], SitingSlice> = (set, get) => ({
  sitingOpen: false,
  setSitingOpen: (sitingOpen) => set(sitingOpen ? { sitingOpen } : { sitingOpen, pickingCandidate: false }),
  sitingParams: defaultSitingParams(),
  candidateMode: 'grid',
  gridSpacingM: 300,
  clickCandidates: [],
  plotCandidates: [],
  pickingCandidate: false,
  sitingState: 'idle',
  sitingSummary: null,
  sitingHeuristic: null,
  sitingExact: null,
  sitingProgress: null,
  sitingError: null,
  sitingRunner: null,
  sitingFor: null,
  sitingNearby: [],
  sitingCancel: null,
  setSitingRunner: (sitingRunner) => set({ sitingRunner }),
  setSitingParams: (p) => set((s) => ({ sitingParams: { ...s.sitingParams, ...p } })),
  setCandidateMode: (candidateMode, gridSpacingM) => set((s) => ({ candidateMode, gridSpacingM: gridSpacingM ?? s.gridSpacingM })),
  setPickingCandidate: (pickingCandidate) => set({ pickingCandidate }),
  addClickCandidate(lon, lat) {
    set((s) => {
      const n = s.clickCandidates.length + 1;
      return { clickCandidates: [...s.clickCandidates, { id: `P${n}`, name: msg(s.lang, 'engine.siting.clickName', { n }), lon, lat, source: 'click', areaM2: null, cost10k: null }], candidateMode: 'click' };
    });
  },
  setPlotCandidates: (plotCandidates) => set({ plotCandidates, candidateMode: 'plot' }),
  clearCandidates: () => set({ clickCandidates: [], plotCandidates: [] }),
  currentCandidates() {
    const s = get();
    if (s.candidateMode === 'click') return s.clickCandidates;
    if (s.candidateMode === 'plot') return s.plotCandidates;
    return gridCandidates(s.layers.population, s.gridSpacingM, (col, row) => msg(s.lang, 'engine.siting.gridName', { col, row }));
  },
  runSiting() {
    const s = get();
    if (!s.sitingRunner) return;
    s.sitingCancel?.();
    let reach: SitingParams['reach'];
    try {
      // on foot: the network of the scenario on screen (its new paths and closures applied)
      const edits = (s.planOpen ? selectCurrentScenario(s) : s.scenarios.find((x) => x.id === 'base'))?.networkEdits ?? [];
      const graph = s.walkNetwork && edits.length ? applyNetworkEdits(s.walkNetwork.graph, edits).graph : s.walkNetwork?.graph;
      reach = s.params.distanceMode === 'walking' ? reachSpecOf({ walkGraph: graph }, s.params) : undefined;
    } catch (e) {
      set({ sitingState: 'error', sitingError: messageOfError(e) });
      return;
    }
    const params = { ...s.sitingParams, radiusM: s.params.radiusM, reach };
    const candidates = s.currentCandidates();
    if (candidates.length === 0) {
      set({ sitingState: 'error', sitingError: m('state.siting.noCandidates') });
      return;
    }
    // 选址 works on the year on screen: 现状 (基准, base year) or the plan's (scenario, year)
    const result = selectCurrentResult(s);
    if (!result || result.cells.ids.length === 0) {
      set({ sitingState: 'error', sitingError: m('state.siting.notReady') });
      return;
    }
    const sc = s.planOpen ? selectCurrentScenario(s) : s.scenarios.find((x) => x.id === 'base');
    const year = s.planOpen ? s.planYear : s.planSettings.baseYear;
    const id = Date.now();
    set({ sitingState: 'running', sitingError: null, sitingHeuristic: null, sitingExact: null, sitingSummary: null, sitingProgress: null, sitingNearby: [], sitingFor: { scenarioId: sc?.id ?? 'base', scenarioName: sc?.name ?? BASE_SCENARIO_NAME, year, result } });
    const kindergartens = selectViewLayers(s).kindergartens;
    const flag = (answer: { sites: { id: string; lon: number; lat: number }[] }): NearbyFlag[] => flagNearbySites(answer.sites, nearbyPoints(s), params.radiusM);
    const cancel = s.sitingRunner({ id, population: yearDemandRows(s, result), kindergartens, candidates, params }, (r) => {
      if (r.type === 'heuristic') set({ sitingHeuristic: r.answer, sitingSummary: r.summary, sitingNearby: flag(r.answer) });
      else if (r.type === 'progress') set({ sitingProgress: { objective: r.objective, bound: r.bound, gap: r.gap, seconds: r.seconds } });
      else if (r.type === 'exact') set({ sitingExact: r.answer, sitingState: 'done', sitingCancel: null, sitingNearby: flag(r.answer) });
      else set({ sitingState: 'error', sitingError: r.message, sitingCancel: null });
    });
    set({ sitingCancel: cancel });
  },
  cancelSiting() {
    get().sitingCancel?.();
    set((s) => ({ sitingCancel: null, sitingState: s.sitingState === 'running' ? 'cancelled' : s.sitingState }));
  },
  addSitesToPlan() {
    const s = get();
    const answer = s.sitingExact ?? s.sitingHeuristic;
    if (!answer || answer.sites.length === 0) return [];
    const classes = s.sitingParams.classes;
    const byId = new Map(s.currentCandidates().map((c) => [c.id, c]));
    const current = s.scenarios.find((x) => x.id === s.currentScenarioId);
    const twice = sitesAlreadyPlanned(answer.sites, (current?.projects ?? []).filter((p) => p.kind === 'new_build'));
    if (twice.length > 0) {
      set({ sitingError: m('state.siting.alreadyPlanned', { scenario: scenarioName(current), names: twice.map((k) => answer.sites[k].name).join('、') }) });
      return [];
    }
    if (!s.planOpen) s.setPlanOpen(true);
    return get().addNewBuilds(
      answer.sites.map((x, k) => ({
        name: msg(s.lang, 'state.sitingBuildName', { n: k + 1, site: x.name }),
        lon: x.lon,
        lat: x.lat,
        classes,
        places: classes * PLACES_PER_CLASS,
        landM2: byId.get(x.id)?.areaM2 ?? LAND_M2_BY_CLASSES[classes],
        cost10k: byId.get(x.id)?.cost10k ?? s.sitingParams.cost10kPerSite,
      })),
    );
  },
});

/**
 * The population rows 选址 evaluates: the shown year's demand per cell (served + over capacity +
 * outside = the demand the engine split), on the cells and the plan's new-小区 points, so 选址 sees
 * the same children as the map and the tables of that year.
 */
function yearDemandRows(s: AppState, r: AnalysisResult): PopulationCell[] {
  const cells = s.layers.population;
  const points = new Map(newCommunityPoints(s.layers.communities, s.planSettings).map((p) => [p.id, p]));
  // the rows of the result's cells: the population layer, then the plan's new-小区 points
  const rows: PopulationCell[] = cells.slice();
  for (let i = cells.length; i < r.cells.ids.length; i++) {
    const p = points.get(r.cells.ids[i]);
    if (!p) break;
    rows.push({ id: p.id, lon: p.lon, lat: p.lat, cell_size_m: 0, residents: p.residents, children_0_2: 0, children_3_5: 0, year: s.planYear, street_code: p.streetCode });
  }
  return demandRowsOf(r, rows);
}

/** Existing kindergartens of the shown year and every planned one (rows not yet open, the scenario's new builds). */
function nearbyPoints(s: AppState): NamedPoint[] {
  const out: NamedPoint[] = [];
  for (const k of selectViewLayers(s).kindergartens) {
    if (k.status === 'closed') continue;
    out.push({ id: k.id, name: k.name, lon: k.lon, lat: k.lat, kind: suppliesPlaces(k) ? 'existing' : 'planned' });
  }
  const sc = s.planOpen ? selectCurrentScenario(s) : undefined;
  const seen = new Set(out.map((p) => p.id));
  for (const p of sc?.projects ?? s.layers.plan_projects) if (p.kind === 'new_build' && !seen.has(p.id)) out.push({ id: p.id, name: p.name, lon: p.lon, lat: p.lat, kind: 'planned' });
  return out;
}
