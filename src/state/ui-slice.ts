/** UI slice: language, layer visibility, hover and selection, settings. */
import type { StateCreator } from 'zustand/vanilla';
import type { LayerId } from '../data/schema';
import { loadBasemapChoice, saveBasemapChoice, type BasemapChoice } from './basemap-choice';
import type { AppState } from './store';

/** Map layers the layer list can toggle (data layers plus analysis overlays). */
export type MapLayerKey =
  | 'admin_units'
  | 'population'
  | 'communities'
  | 'kindergartens'
  | 'plan_projects'
  | 'childcare_centres'
  | 'catchments'
  | 'uncovered'
  | 'kg_status'
  | 'ledger_overdue'
  | 'walk_network'
  | 'walk_nearest';

export interface Picked {
  layer: LayerId;
  /** key value of the row (id / code) */
  id: string;
}

/** Totals of a square of a very large population layer (drawn summed, see map/aggregate.ts). */
export interface HoveredBin {
  binM: number;
  rows: number;
  residents: number;
  children: number;
  /** children 3–5 outside every catchment; null without an analysis result */
  uncovered: number | null;
}

export interface Hovered extends Picked {
  x: number;
  y: number;
  /** set when the pointer is over a summed square rather than a row */
  bin?: HoveredBin;
}

/** How imported rows go into a layer: replace it, add/replace by key, or update by key (the ledger, with history). */
export type ImportMode = 'replace' | 'append' | 'update';

/** Files waiting for the import dialog, with the layer and mode it should start with. */
export interface ImportRequest {
  files: File[];
  layer?: LayerId;
  mode?: ImportMode;
}

export interface UiSlice {
  importRequest: ImportRequest | null;
  /** Open the import dialog for files (null closes it). */
  requestImport(r: ImportRequest | null): void;
  lang: 'zh' | 'en';
  visible: Record<MapLayerKey, boolean>;
  hovered: Hovered | null;
  selected: Picked | null;
  /** bumps on every focus() call: the map moves to `selected` when it changes */
  focusSeq: number;
  /** the basemap (remembered in localStorage, not in the project file) */
  basemap: BasemapChoice;
  setLang(lang: 'zh' | 'en'): void;
  toggleLayer(key: MapLayerKey, on?: boolean): void;
  setHovered(h: Hovered | null): void;
  select(p: Picked | null): void;
  /** Select a feature and ask the map to zoom to it (e.g. a click on a ledger row). */
  focus(p: Picked): void;
  setBasemap(choice: BasemapChoice): void;
}

/** The language chosen last in this browser (a second tab and a reload open in it); Chinese by default. */
const LANG_KEY = 'xwgh.lang';
function savedLang(): 'zh' | 'en' {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: savedLang(),
  visible: {
    admin_units: true,
    population: true,
    communities: true,
    kindergartens: true,
    plan_projects: true,
    childcare_centres: true,
    catchments: false,
    uncovered: false,
    kg_status: false,
    ledger_overdue: true,
    walk_network: true,
    walk_nearest: false,
  },
  importRequest: null,
  requestImport: (importRequest) => set({ importRequest: importRequest && importRequest.files.length > 0 ? importRequest : null }),
  hovered: null,
  selected: null,
  focusSeq: 0,
  basemap: loadBasemapChoice(),
  setLang: (lang) => {
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // storage off (private mode): the choice lasts for this page only
    }
    set({ lang });
  },
  toggleLayer: (key, on) => set((s) => ({ visible: { ...s.visible, [key]: on ?? !s.visible[key] } })),
  setHovered: (hovered) => set({ hovered }),
  select: (selected) => set({ selected }),
  focus: (selected) => set((s) => ({ selected, focusSeq: s.focusSeq + 1 })),
  setBasemap: (basemap) => {
    saveBasemapChoice(basemap);
    set({ basemap });
  },
});
