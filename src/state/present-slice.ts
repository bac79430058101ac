/**
 * Present slice (汇报模式): the story — screens, each a saved map view (centre, zoom,
 * layers, year, scenario) with a title — and the player (which screen is shown).
 * Showing a screen sets the app's layers, plan year and scenario; closing the player
 * puts back what the user had before. The story is saved with the project (settings.present).
 */
import { render } from '../i18n';
import type { StateCreator } from 'zustand/vanilla';
import { PresentSchema, validate } from '../data/project/schemas';
import type { AppState } from './store';
import type { MapLayerKey } from './ui-slice';

/** 现状 → 问题 → 规划 → 目标年: what a screen says (its cards and chart follow from it). */
export type ScreenKind = 'status' | 'problems' | 'plan' | 'target';
export const SCREEN_KINDS: readonly ScreenKind[] = ['status', 'problems', 'plan', 'target'];

export interface ScreenView {
  /** [lon, lat]; null = frame the data */
  center: [number, number] | null;
  zoom: number | null;
  layers: Partial<Record<MapLayerKey, boolean>>;
  /** plan year; null = 现状 (the plan closed) */
  year: number | null;
  /** scenario id; null = the current one */
  scenarioId: string | null;
}

export interface PresentScreen {
  id: string;
  kind: ScreenKind;
  title: string;
  hidden: boolean;
  view: ScreenView;
  /** speaker notes (PPTX notes) */
  notes: string;
}

/** What a project file keeps of the story. */
export interface PersistedPresent {
  screens: PresentScreen[];
}

/** A request to the map: jump to a view (or frame the data); seq tells requests apart. */
export interface MapViewRequest {
  center: [number, number] | null;
  zoom: number | null;
  seq: number;
}

interface Restore {
  visible: AppState['visible'];
  planOpen: boolean;
  planYear: number;
  /** the map view before presenting (null: the whole district) */
  mapView: { center: [number, number]; zoom: number } | null;
  currentScenarioId: string;
}

export interface PresentSlice {
  screens: PresentScreen[];
  presenting: boolean;
  /** index into the shown (not hidden) screens */
  presentIndex: number;
  presentEditorOpen: boolean;
  presentVersion: number;
  mapViewRequest: MapViewRequest | null;
  /** the map's view as the map reports it (for "save the current view") */
  mapView: { center: [number, number]; zoom: number } | null;
  presentRestore: Restore | null;
  openPresent(index?: number): void;
  closePresent(): void;
  stepPresent(delta: number): void;
  setPresentEditorOpen(open: boolean): void;
  /** Show a screen on the map (layers, year, scenario, view); used by the player and the exports. */
  showScreen(id: string): void;
  updateScreen(id: string, patch: Partial<Omit<PresentScreen, 'id'>>): void;
  moveScreen(id: string, delta: number): void;
  addScreen(kind: ScreenKind): string;
  removeScreen(id: string): void;
  resetScreens(): void;
  /** The screen takes the map's current view, layers, year and scenario. */
  captureViewInto(id: string): void;
  setMapView(v: { center: [number, number]; zoom: number }): void;
  /** Ask the map to show a view (null centre: the whole district); the request's sequence number. */
  requestMapView(center: [number, number] | null, zoom: number | null): number;
  toPersistedPresent(): PersistedPresent;
  applyPersistedPresent(raw: unknown): string | null;
}


const LAYERS: Record<ScreenKind, Partial<Record<MapLayerKey, boolean>>> = {
  status: { admin_units: true, population: true, kindergartens: true, catchments: true, communities: false, plan_projects: false, uncovered: false, kg_status: false },
  problems: { admin_units: true, population: false, kindergartens: true, catchments: false, communities: true, plan_projects: false, uncovered: true, kg_status: true },
  plan: { admin_units: true, population: false, kindergartens: true, catchments: false, communities: false, plan_projects: true, uncovered: false, kg_status: false },
  target: { admin_units: true, population: false, kindergartens: true, catchments: true, communities: false, plan_projects: true, uncovered: true, kg_status: true },
};

/** A screen of a kind with its layers and year (`endYear` for plan and target); an empty title shows the kind's default (screenTitle in src/ui/messages.ts). */
export function defaultScreen(kind: ScreenKind, id: string, endYear = 2030): PresentScreen {
  return {
    id,
    kind,
    title: '',
    hidden: false,
    view: { center: null, zoom: null, layers: { ...LAYERS[kind] }, year: kind === 'plan' || kind === 'target' ? endYear : null, scenarioId: null },
    notes: '',
  };
}

/** The default story: 现状 → 问题 → 规划 → 2030. */
export function defaultScreens(endYear = 2030): PresentScreen[] {
  return SCREEN_KINDS.map((k, i) => defaultScreen(k, `P${i + 1}`, endYear));
}

/** Validate a saved story (schemas.ts): the screens, or a Chinese message naming the field (settings.present…). */
export function checkPersistedPresent(raw: unknown): { screens: PresentScreen[] } | { error: string } | null {
  if (raw === undefined || raw === null) return null;
  const r = validate(PresentSchema, raw, 'settings.present');
  if ('error' in r) return { error: `项目中的汇报：${render('zh', r.error)}` };
  return { screens: r.value.screens.map((x) => ({ id: x.id, kind: x.kind, title: x.title, hidden: x.hidden, view: { center: x.view.center, zoom: x.view.zoom, layers: x.view.layers as ScreenView['layers'], year: x.view.year, scenarioId: x.view.scenarioId }, notes: x.notes })) };
}

/** The screens the player shows, in order. */
export const shownScreens = (s: Pick<PresentSlice, 'screens'>): PresentScreen[] => s.screens.filter((x) => !x.hidden);

export const createPresentSlice: StateCreator<AppState, [], [], PresentSlice> = (set, get) => {
  const bump = () => set((s) => ({ presentVersion: s.presentVersion + 1 }));
  const edit = (change: (screens: PresentScreen[]) => PresentScreen[]) => {
    set((s) => ({ screens: change(s.screens), presentVersion: s.presentVersion + 1 }));
  };
  let seq = 0;
  return {
    screens: defaultScreens(),
    presenting: false,
    presentIndex: 0,
    presentEditorOpen: false,
    presentVersion: 0,
    mapViewRequest: null,
    mapView: null,
    presentRestore: null,
    openPresent(index = 0) {
      const s = get();
      const shown = shownScreens(s);
      const restore = s.presentRestore ?? { visible: s.visible, planOpen: s.planOpen, planYear: s.planYear, currentScenarioId: s.currentScenarioId, mapView: s.mapView };
      if (shown.length === 0) {
        // nothing to show: open on the editor (the player keeps Esc and 退出)
        set({ presenting: true, presentIndex: 0, presentRestore: restore, presentEditorOpen: true });
        return;
      }
      const i = Math.min(shown.length - 1, Math.max(0, index));
      set({ presenting: true, presentIndex: i, presentRestore: restore, presentEditorOpen: false });
      get().showScreen(shown[i].id);
    },
    closePresent() {
      const r = get().presentRestore;
      set({ presenting: false, presentRestore: null });
      if (!r) return;
      set({ visible: r.visible });
      if (get().scenarios.some((x) => x.id === r.currentScenarioId) && get().currentScenarioId !== r.currentScenarioId) get().selectScenario(r.currentScenarioId);
      if (get().planYear !== r.planYear) get().setPlanYear(r.planYear);
      if (get().planOpen !== r.planOpen) get().setPlanOpen(r.planOpen);
      // back to the map view the user had before presenting (else the whole district)
      set({ mapViewRequest: { center: r.mapView?.center ?? null, zoom: r.mapView?.zoom ?? null, seq: ++seq } });
    },
    stepPresent(delta) {
      const s = get();
      const shown = shownScreens(s);
      const i = Math.min(shown.length - 1, Math.max(0, s.presentIndex + delta));
      if (i === s.presentIndex || !shown[i]) return;
      set({ presentIndex: i });
      get().showScreen(shown[i].id);
    },
    setPresentEditorOpen: (presentEditorOpen) => set({ presentEditorOpen }),
    showScreen(id) {
      const s = get();
      const sc = s.screens.find((x) => x.id === id);
      if (!sc) return;
      const v = sc.view;
      set({ visible: { ...s.visible, ...v.layers }, mapViewRequest: { center: v.center, zoom: v.zoom, seq: ++seq } });
      if (v.scenarioId && v.scenarioId !== get().currentScenarioId && get().scenarios.some((x) => x.id === v.scenarioId)) get().selectScenario(v.scenarioId);
      // 规划 and target-year screens need the plan's years even when saved without a year
      const year = v.year ?? (sc.kind === 'plan' || sc.kind === 'target' ? get().planSettings.endYear : null);
      if (year !== null) {
        if (get().planYear !== year) get().setPlanYear(year);
        if (!get().planOpen) get().setPlanOpen(true);
      } else if (get().planOpen) get().setPlanOpen(false);
    },
    updateScreen(id, patch) {
      edit((xs) => xs.map((x) => (x.id === id ? { ...x, ...patch, id } : x)));
    },
    moveScreen(id, delta) {
      edit((xs) => {
        const i = xs.findIndex((x) => x.id === id);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= xs.length) return xs;
        const next = [...xs];
        [next[i], next[j]] = [next[j], next[i]];
        return next;
      });
    },
    addScreen(kind) {
      const taken = new Set(get().screens.map((x) => x.id));
      let k = 1;
      while (taken.has(`P${k}`)) k++;
      const id = `P${k}`;
      edit((xs) => [...xs, defaultScreen(kind, id, get().planSettings.endYear)]);
      return id;
    },
    removeScreen(id) {
      edit((xs) => xs.filter((x) => x.id !== id));
    },
    resetScreens() {
      set((s) => ({ screens: defaultScreens(s.planSettings.endYear), presentVersion: s.presentVersion + 1 }));
    },
    captureViewInto(id) {
      const s = get();
      const layers = { ...s.visible };
      const view: ScreenView = {
        center: s.mapView ? s.mapView.center : null,
        zoom: s.mapView ? s.mapView.zoom : null,
        layers,
        year: s.planOpen ? s.planYear : null,
        scenarioId: s.planOpen ? s.currentScenarioId : null,
      };
      edit((xs) => xs.map((x) => (x.id === id ? { ...x, view } : x)));
    },
    setMapView: (mapView) => set({ mapView }),
    requestMapView(center, zoom) {
      set({ mapViewRequest: { center, zoom, seq: ++seq } });
      return seq;
    },
    toPersistedPresent: () => ({ screens: get().screens }),
    applyPersistedPresent(raw) {
      const c = checkPersistedPresent(raw);
      if (c === null) return null;
      if ('error' in c) return c.error;
      set({ screens: c.screens });
      bump();
      return null;
    },
  };
};
