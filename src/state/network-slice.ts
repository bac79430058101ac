/**
 * Walking network slice: the network the reach provider uses when 距离 = 步行路网 — the
 * sample's generated one (data/walk-network.geojson, loaded on first use) or one the user
 * imports (GeoJSON / Shapefile). The graph is built here once (typed arrays) and sent to
 * the analysis worker with each run. A failed import keeps the network already loaded.
 */
import { m, msg, type Message } from '../i18n';
import { MessageError, messageOfError } from '../i18n/message-error';
import type { StateCreator } from 'zustand/vanilla';
import { buildWalkGraph, type WalkGraph } from '../analysis/network/walk-graph';
import type { NetworkEdit } from '../analysis/network/network-edits';
import type { DistanceMode } from '../analysis/reach';
import { walkLinesFromGeoJson, type WalkLinesResult } from '../data/network/walk-lines';
import type { AppState } from './store';

export interface WalkNetwork {
  /** shown in the panel: file name, or the sample's label */
  nameZh: string;
  /** true for the sample's generated network (labelled as generated everywhere it shows) */
  generated: boolean;
  graph: WalkGraph;
  /** notes from reading the file (ways left out, bad coordinates) */
  notes: Message[];
}

export interface NetworkSlice {
  walkNetwork: WalkNetwork | null;
  networkLoading: boolean;
  networkError: Message | null;
  setWalkNetwork(n: WalkNetwork | null): void;
  /** Read a network file (GeoJSON; Shapefile zip or .shp); on error nothing changes but the message. */
  importWalkNetwork(file: File): Promise<boolean>;
  /** 直线 / 步行路网; walking loads the sample network when none is loaded and the data are the sample. */
  setDistanceMode(mode: DistanceMode): Promise<void>;
  /** map tool for network edits of the current scenario: a new path (two clicks) or closing a segment (one click) */
  networkTool: 'none' | 'add' | 'close';
  /** first click of a new path */
  networkPathStart: [number, number] | null;
  setNetworkTool(tool: 'none' | 'add' | 'close'): void;
  /** a map click while a network tool is on: records the edit in the current scenario (one undo step) */
  networkMapClick(lon: number, lat: number): void;
  removeNetworkEdit(id: string): void;
  /**
   * Settings say walking but no network is loaded (a restored or opened project): load the sample's
   * network when the data are the sample, else go back to straight line and say why.
   */
  ensureWalkNetwork(): Promise<void>;
}

/** Build the app's network from read lines. */
export function walkNetworkOf(read: WalkLinesResult, nameZh: string, generated: boolean): WalkNetwork {
  const graph = buildWalkGraph(read.lines);
  const notes: Message[] = [];
  if (read.notWalkable > 0) notes.push(m('state.network.notWalkable', { n: read.notWalkable }));
  if (read.skipped > 0) notes.push(m('state.network.skipped', { n: read.skipped }));
  if (read.badFeatures.length > 0) notes.push(m('state.network.badFeatures', { ids: read.badFeatures.join('、') }));
  if (graph.stats.components > 1) {
    notes.push(m('state.network.components', { n: graph.stats.components, km: (graph.stats.detachedLengthM / 1000).toFixed(1) }));
  }
  return { nameZh, generated, graph, notes };
}

const isSample = (s: AppState): boolean => !!s.meta?.name && s.meta.name.includes('示例');

/** Change the current scenario's network edits with an undo step, then re-run (plan, and 现状 for 基准). */
function changeEdits(set: (p: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void, get: () => AppState, label: Message, change: (e: NetworkEdit[]) => NetworkEdit[]): void {
  set((s) => ({
    scenarios: s.scenarios.map((x) => (x.id === s.currentScenarioId ? { ...x, networkEdits: change(x.networkEdits ?? []) } : x)),
    planUndo: [...s.planUndo.slice(-49), { label, scenarios: s.scenarios }],
    planVersion: s.planVersion + 1,
  }));
  void get().runPlan();
  void get().runAnalysis();
}

export const createNetworkSlice: StateCreator<AppState, [], [], NetworkSlice> = (set, get) => ({
  networkTool: 'none',
  networkPathStart: null,
  setNetworkTool: (networkTool) => set({ networkTool, networkPathStart: null }),
  networkMapClick(lon, lat) {
    const s = get();
    const cur = s.scenarios.find((x) => x.id === s.currentScenarioId);
    if (!cur || s.networkTool === 'none') return;
    const n = (cur.networkEdits ?? []).length + 1;
    const id = `NE${Date.now().toString(36)}${n}`;
    if (s.networkTool === 'close') {
      set({ networkTool: 'none' });
      changeEdits(set, get, m('state.undo.closeSegment', { n }), (e) => [...e, { id, kind: 'close', nameZh: msg(get().lang, 'state.edit.closeSegment', { n }), lon, lat }]);
      return;
    }
    if (!s.networkPathStart) {
      set({ networkPathStart: [lon, lat] });
      return;
    }
    const start = s.networkPathStart;
    set({ networkTool: 'none', networkPathStart: null });
    changeEdits(set, get, m('state.undo.addPath', { n }), (e) => [...e, { id, kind: 'add', nameZh: msg(get().lang, 'state.edit.addPath', { n }), coords: [start, [lon, lat]] }]);
  },
  removeNetworkEdit(id) {
    changeEdits(set, get, m('state.undo.deleteEdit'), (e) => e.filter((x) => x.id !== id));
  },
  walkNetwork: null,
  networkLoading: false,
  networkError: null,
  setWalkNetwork(walkNetwork) {
    set({ walkNetwork, networkError: null });
    if (get().params.distanceMode === 'walking') {
      void get().runAnalysis();
      void get().runPlan();
    }
  },
  async importWalkNetwork(file) {
    set({ networkLoading: true, networkError: null });
    try {
      const name = file.name;
      const lower = name.toLowerCase();
      let read: WalkLinesResult;
      if (lower.endsWith('.geojson') || lower.endsWith('.json')) {
        let json: unknown;
        try {
          json = JSON.parse(await file.text());
        } catch (e) {
          throw new MessageError('state.network.badJson', { name, error: (e as Error).message });
        }
        read = walkLinesFromGeoJson(json, name);
      } else if (lower.endsWith('.zip') || lower.endsWith('.shp')) {
        const { walkLinesFromShapefile } = await import('../data/network/shapefile-lines');
        read = await walkLinesFromShapefile(file);
      } else {
        throw new MessageError('state.network.badFormat', { name });
      }
      const n = walkNetworkOf(read, name, false);
      if (n.graph.edgeA.length === 0) throw new MessageError('state.network.empty', { name });
      get().setWalkNetwork(n);
      return true;
    } catch (e) {
      set({ networkError: messageOfError(e) });
      return false;
    } finally {
      set({ networkLoading: false });
    }
  },
  async setDistanceMode(mode) {
    if (mode === 'walking' && !get().walkNetwork) {
      if (!isSample(get())) {
        set({ networkError: m('state.network.importFirst') });
        return;
      }
      if (!(await loadSampleNetwork(set))) return;
    }
    set({ networkError: null });
    get().setParams({ distanceMode: mode });
  },
  async ensureWalkNetwork() {
    const s = get();
    if (s.params.distanceMode !== 'walking' || s.walkNetwork || s.networkLoading) return;
    if (isSample(s) && (await loadSampleNetwork(set))) {
      void get().runAnalysis();
      void get().runPlan();
      return;
    }
    get().setParams({ distanceMode: 'straight' });
    set({ networkError: m('state.network.notSaved') });
  },
});

/** Fetch and build the sample's generated network; false (message set) on failure. */
async function loadSampleNetwork(set: (p: Partial<AppState>) => void): Promise<boolean> {
  set({ networkLoading: true, networkError: null });
  try {
    const { default: url } = await import('../../data/walk-network.geojson?url');
    const res = await fetch(url);
    if (!res.ok) throw new MessageError('state.network.sampleFailed', { status: res.status });
    const read = walkLinesFromGeoJson(await res.json(), 'walk-network.geojson');
    set({ walkNetwork: walkNetworkOf(read, '示例步行路网（生成数据，非真实道路）', true), networkLoading: false });
    return true;
  } catch (e) {
    set({ networkError: messageOfError(e), networkLoading: false });
    return false;
  }
}
