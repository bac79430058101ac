/**
 * Walking network slice: the network the reach provider uses when 距离 = 步行路网 — the
 * sample's generated one (data/walk-network.geojson, loaded on first use) or one the user
 * imports (GeoJSON / Shapefile). The graph is built here once (typed arrays) and sent to
 * the analysis worker with each run. A failed import keeps the network already loaded.
 */
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
  notesZh: string[];
}

export interface NetworkSlice {
  walkNetwork: WalkNetwork | null;
  networkLoading: boolean;
  networkError: string | null;
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
  const notesZh: string[] = [];
  if (read.notWalkable > 0) notesZh.push(`${read.notWalkable} 条不可步行的道路（高速、快速路、禁止行人）已排除`);
  if (read.skipped > 0) notesZh.push(`${read.skipped} 个非线要素已忽略`);
  if (read.badFeatures.length > 0) notesZh.push(`要素 ${read.badFeatures.join('、')} 含无效坐标，已在该处断开`);
  if (graph.stats.components > 1) {
    notesZh.push(`路网有 ${graph.stats.components} 个互不连通的部分：主体之外 ${(graph.stats.detachedLengthM / 1000).toFixed(1)} 公里（地图上以红色显示），请核对是否漏接`);
  }
  return { nameZh, generated, graph, notesZh };
}

const isSample = (s: AppState): boolean => !!s.meta?.name && s.meta.name.includes('示例');

/** Change the current scenario's network edits with an undo step, then re-run (plan, and 现状 for 基准). */
function changeEdits(set: (p: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void, get: () => AppState, label: string, change: (e: NetworkEdit[]) => NetworkEdit[]): void {
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
      changeEdits(set, get, `关闭路段 ${n}`, (e) => [...e, { id, kind: 'close', nameZh: `关闭路段 ${n}`, lon, lat }]);
      return;
    }
    if (!s.networkPathStart) {
      set({ networkPathStart: [lon, lat] });
      return;
    }
    const start = s.networkPathStart;
    set({ networkTool: 'none', networkPathStart: null });
    changeEdits(set, get, `新建步行道 ${n}`, (e) => [...e, { id, kind: 'add', nameZh: `新建步行道/桥 ${n}`, coords: [start, [lon, lat]] }]);
  },
  removeNetworkEdit(id) {
    changeEdits(set, get, '删除路网修改', (e) => e.filter((x) => x.id !== id));
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
          throw new Error(`${name}：不是有效的 JSON（${(e as Error).message}）`);
        }
        read = walkLinesFromGeoJson(json, name);
      } else if (lower.endsWith('.zip') || lower.endsWith('.shp')) {
        const { walkLinesFromShapefile } = await import('../data/network/shapefile-lines');
        read = await walkLinesFromShapefile(file);
      } else {
        throw new Error(`${name}：不支持的路网格式（请用 GeoJSON 或 Shapefile；OSM .pbf 请先转为 GeoJSON）`);
      }
      const n = walkNetworkOf(read, name, false);
      if (n.graph.edgeA.length === 0) throw new Error(`${name}：没有可用的路段`);
      get().setWalkNetwork(n);
      return true;
    } catch (e) {
      set({ networkError: (e as Error).message });
      return false;
    } finally {
      set({ networkLoading: false });
    }
  },
  async setDistanceMode(mode) {
    if (mode === 'walking' && !get().walkNetwork) {
      if (!isSample(get())) {
        set({ networkError: '请先导入步行路网（数据 ▾ → 导入步行路网，或本栏的“导入步行路网…”）' });
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
    set({ networkError: '项目使用步行路网距离，但路网未随项目保存：已改为直线距离，请重新导入步行路网后再选择“步行路网”' });
  },
});

/** Fetch and build the sample's generated network; false (message set) on failure. */
async function loadSampleNetwork(set: (p: Partial<AppState>) => void): Promise<boolean> {
  set({ networkLoading: true, networkError: null });
  try {
    const { default: url } = await import('../../data/walk-network.geojson?url');
    const res = await fetch(url);
    if (!res.ok) throw new Error(`无法读取示例步行路网（HTTP ${res.status}）`);
    const read = walkLinesFromGeoJson(await res.json(), 'walk-network.geojson');
    set({ walkNetwork: walkNetworkOf(read, '示例步行路网（生成数据，非真实道路）', true), networkLoading: false });
    return true;
  } catch (e) {
    set({ networkError: (e as Error).message, networkLoading: false });
    return false;
  }
}
