/**
 * Siting slice (选址): parameters, candidates (grid / map clicks / reserved plots), the
 * run in its worker (instant answer, then the exact one with its bound), cancel, and
 * adding the chosen sites to the plan as new builds.
 */
import type { StateCreator } from 'zustand/vanilla';
import { gridCandidates } from '../analysis/siting/run-siting';
import type { SitingRequest, SitingResponse } from '../analysis/siting/siting-protocol';
import { defaultSitingParams, LAND_M2_BY_CLASSES, PLACES_PER_CLASS, type SitingAnswer, type SitingCandidate, type SitingParams, type SitingSummary } from '../analysis/siting/siting-types';
import { selectViewLayers } from './selectors';
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
  sitingError: string | null;
  sitingRunner: SitingRunner | null;
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
  sitingCancel: null,
  setSitingRunner: (sitingRunner) => set({ sitingRunner }),
  setSitingParams: (p) => set((s) => ({ sitingParams: { ...s.sitingParams, ...p } })),
  setCandidateMode: (candidateMode, gridSpacingM) => set((s) => ({ candidateMode, gridSpacingM: gridSpacingM ?? s.gridSpacingM })),
  setPickingCandidate: (pickingCandidate) => set({ pickingCandidate }),
  addClickCandidate(lon, lat) {
    set((s) => {
      const n = s.clickCandidates.length + 1;
      return { clickCandidates: [...s.clickCandidates, { id: `P${n}`, name: `点选 ${n}`, lon, lat, source: 'click', areaM2: null, cost10k: null }], candidateMode: 'click' };
    });
  },
  setPlotCandidates: (plotCandidates) => set({ plotCandidates, candidateMode: 'plot' }),
  clearCandidates: () => set({ clickCandidates: [], plotCandidates: [] }),
  currentCandidates() {
    const s = get();
    if (s.candidateMode === 'click') return s.clickCandidates;
    if (s.candidateMode === 'plot') return s.plotCandidates;
    return gridCandidates(s.layers.population, s.gridSpacingM);
  },
  runSiting() {
    const s = get();
    if (!s.sitingRunner) return;
    s.sitingCancel?.();
    const params = { ...s.sitingParams, radiusM: s.params.radiusM };
    const candidates = s.currentCandidates();
    if (candidates.length === 0) {
      set({ sitingState: 'error', sitingError: '没有候选点：请选择网格、在地图上点选或导入教育用地' });
      return;
    }
    const id = Date.now();
    set({ sitingState: 'running', sitingError: null, sitingHeuristic: null, sitingExact: null, sitingSummary: null, sitingProgress: null });
    const cancel = s.sitingRunner({ id, population: s.layers.population, kindergartens: selectViewLayers(s).kindergartens, candidates, params }, (m) => {
      if (m.type === 'heuristic') set({ sitingHeuristic: m.answer, sitingSummary: m.summary });
      else if (m.type === 'progress') set({ sitingProgress: { objective: m.objective, bound: m.bound, gap: m.gap, seconds: m.seconds } });
      else if (m.type === 'exact') set({ sitingExact: m.answer, sitingState: 'done', sitingCancel: null });
      else set({ sitingState: 'error', sitingError: m.messageZh, sitingCancel: null });
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
    if (!s.planOpen) s.setPlanOpen(true);
    return get().addNewBuilds(
      answer.sites.map((x, k) => ({
        name: `选址新建幼儿园 ${k + 1}（${x.name}）`,
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
