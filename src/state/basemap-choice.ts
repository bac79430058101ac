/**
 * The user's basemap choice, remembered in localStorage (a browser setting, never in the project file).
 * Offline choices (none, the generated sample, a local PMTiles file) send no request off the machine;
 * 天地图 and OpenStreetMap load tiles from the internet and are only used when picked.
 */

export interface PmtilesVectorLayer {
  id: string;
  /** 'Point' | 'LineString' | 'Polygon' when the metadata says (tippecanoe tilestats) */
  geometry?: string;
}

/** What a local PMTiles archive holds (read by src/map/pmtiles-style.ts). */
export interface PmtilesInfo {
  /** protocol key: the file name (pmtiles://KEY/{z}/{x}/{y}) */
  key: string;
  tileType: number;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  vectorLayers: PmtilesVectorLayer[];
  attribution?: string;
}

export type BasemapKind = 'none' | 'sample' | 'pmtiles' | 'tianditu-vec' | 'tianditu-img' | 'osm';

export const BASEMAP_KINDS: readonly BasemapKind[] = ['none', 'sample', 'pmtiles', 'tianditu-vec', 'tianditu-img', 'osm'];

export interface BasemapChoice {
  kind: BasemapKind;
  /** the user's own 天地图 key (tk) */
  tiandituKey?: string;
  /** the opened PMTiles file; absent after a reload (a browser cannot keep the file) */
  pmtiles?: PmtilesInfo;
}

export const DEFAULT_BASEMAP: BasemapChoice = { kind: 'sample' };

const KIND_KEY = 'xwgh.basemap';
const TK_KEY = 'xwgh.tiandituKey';

/** true for the choices that fetch tiles from the internet */
export function isOnline(kind: BasemapKind): boolean {
  return kind === 'osm' || kind === 'tianditu-vec' || kind === 'tianditu-img';
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // e.g. storage blocked by the browser's privacy settings
  }
}

/** The remembered choice (kind and 天地图 key), or the default for the sample. */
export function loadBasemapChoice(store: Storage | null = storage()): BasemapChoice {
  const kind = store?.getItem(KIND_KEY) as BasemapKind | null;
  const key = store?.getItem(TK_KEY) ?? undefined;
  const choice: BasemapChoice = { kind: kind && BASEMAP_KINDS.includes(kind) ? kind : DEFAULT_BASEMAP.kind };
  if (key) choice.tiandituKey = key;
  return choice;
}

/** Remember the kind and the 天地图 key (the PMTiles file itself cannot be kept). */
export function saveBasemapChoice(choice: BasemapChoice, store: Storage | null = storage()): void {
  if (!store) return;
  try {
    store.setItem(KIND_KEY, choice.kind);
    if (choice.tiandituKey) store.setItem(TK_KEY, choice.tiandituKey);
    else store.removeItem(TK_KEY);
  } catch {
    // quota or privacy mode: the choice still applies to this session
  }
}
