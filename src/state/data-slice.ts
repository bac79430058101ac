/** Data slice: the loaded layers and the DuckDB connection (district totals come from the engine: selectors). */
import type { StateCreator } from 'zustand/vanilla';
import type { DbConnector } from '../data/db';
import type { RowIssue } from '../data/issues';
import { LAYERS, LAYER_IDS, type LayerId, type LayerRows } from '../data/schema';
import type { AppState } from './store';

// DuckDB writers (and Apache Arrow) load with DuckDB itself, after the first draw
const tables = () => import('../data/tables');

export interface DatasetMeta {
  name: string;
  adcode?: string;
  note_zh?: string;
  note_en?: string;
  generated?: string[];
  real?: string[];
}

export type GeoJsonFC = { type: 'FeatureCollection'; features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> | null }[] };

export const emptyLayers = (): LayerRows => ({
  kindergartens: [],
  communities: [],
  population: [],
  admin_units: [],
  plan_projects: [],
  childcare_centres: [],
});

export interface DataSlice {
  layers: LayerRows;
  district: GeoJsonFC | null;
  meta: DatasetMeta | null;
  db: DbConnector | null;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  loadIssues: RowIssue[];
  /** bumps on every change of layer data, so derived work can key on it */
  dataVersion: number;
  /** Put a full dataset in place (memory and DuckDB). */
  setDataset(d: { layers: LayerRows; district: GeoJsonFC | null; meta: DatasetMeta | null; issues?: RowIssue[] }): Promise<void>;
  /** Replace one layer (memory and DuckDB, atomically): nothing changes if DuckDB refuses. */
  replaceLayer<L extends LayerId>(layer: L, rows: LayerRows[L]): Promise<void>;
  /** Connect DuckDB: the layers already in memory are loaded into it. */
  attachDb(db: DbConnector): Promise<void>;
  /**
   * Put imported rows in a layer: 'replace' the layer, or 'append' (rows whose key exists
   * are replaced, others added). The layer stops counting as generated sample data.
   */
  importLayer<L extends LayerId>(layer: L, rows: LayerRows[L], mode: 'replace' | 'append'): Promise<void>;
  setLoadState(s: DataSlice['loadState'], error?: string | null): void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  layers: emptyLayers(),
  district: null,
  meta: null,
  db: null,
  loadState: 'idle',
  loadError: null,
  loadIssues: [],
  dataVersion: 0,
  async attachDb(db) {
    // layers may change while they load: load until the tables match what is in memory
    for (;;) {
      const layers = get().layers;
      await (await tables()).loadAllLayers(db, layers);
      if (get().layers === layers) break;
    }
    set({ db });
  },
  setLoadState: (loadState, error = null) => set({ loadState, loadError: error }),
  async setDataset({ layers, district, meta, issues = [] }) {
    const db = get().db;
    if (db) await (await tables()).loadAllLayers(db, layers);
    set((s) => ({ layers, district, meta, loadIssues: issues, dataVersion: s.dataVersion + 1 }));
  },
  async replaceLayer(layer, rows) {
    const db = get().db;
    if (db) await (await tables()).replaceLayerTable(db, layer, rows);
    set((s) => ({ layers: { ...s.layers, [layer]: rows }, dataVersion: s.dataVersion + 1 }));
  },
  async importLayer(layer, rows, mode) {
    let next = rows;
    if (mode === 'append') {
      const key = LAYERS[layer].key;
      const incoming = new Set((rows as unknown as Record<string, unknown>[]).map((r) => String(r[key])));
      const kept = (get().layers[layer] as unknown as Record<string, unknown>[]).filter((r) => !incoming.has(String(r[key])));
      next = [...kept, ...(rows as unknown as Record<string, unknown>[])] as unknown as typeof rows;
    }
    await get().replaceLayer(layer, next);
    const meta = get().meta;
    if (meta?.generated?.includes(layer)) set({ meta: { ...meta, generated: meta.generated.filter((g) => g !== layer) } });
  },
});

export const layerIds = LAYER_IDS;
