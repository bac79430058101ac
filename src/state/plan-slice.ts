/**
 * Plan slice: scenarios (基准 + any number), the plan year, the plan settings,
 * and results keyed by (scenario, year). Edits are undoable; a run is cancelled
 * by the next one (AbortController); a failed run removes the figures it would
 * have replaced, so nothing stale is ever shown as current.
 */
import { m, msg, render } from '../i18n';
import { messageOfError } from '../i18n/message-error';
import type { StateCreator } from 'zustand/vanilla';
import type { Message } from '../i18n';
import { BASE_SCENARIO_NAME, scenarioName } from '../analysis/plan/present';
import { defaultPlanSettings } from '../analysis/plan/plan-defaults';
import type { PlanResult, PlanScenario, PlanSettings } from '../analysis/plan/plan-types';
import { planYears } from '../analysis/plan/run-plan';
import type { AnalysisInput, AnalysisParams } from '../analysis/types';
import { checkPlanSettings, checkScenario, parseScenarioText, scenarioToText } from '../data/project/scenario-file';
import { PersistedPlanShapeSchema, validate } from '../data/project/schemas';
import type { PlanProject } from '../data/schema';
import { selectPlanInput } from './selectors';
import type { AppState } from './store';

export interface PlanRunRequest {
  input: AnalysisInput;
  params: AnalysisParams;
  scenario: PlanScenario;
  settings: PlanSettings;
  detailYears?: number[];
}
/** Runs the plan engine (worker in the app, in-process in tests); rejects with name 'AbortError' on cancel. */
export type PlanRunner = (req: PlanRunRequest, onProgress: (fraction: number, stage: Message) => void, signal: { aborted: boolean }) => Promise<PlanResult>;

/** What a project file keeps of the plan (settings.plan). */
export interface PersistedPlan {
  scenarios: PlanScenario[];
  currentScenarioId: string;
  settings: PlanSettings;
  year: number;
  open: boolean;
}

export const BASE_SCENARIO_ID = 'base';
/** Above this many population rows only the shown year keeps per-cell detail. */
const DETAIL_ALL_YEARS_MAX_CELLS = 200_000;
const UNDO_MAX = 50;

export interface PlanSlice {
  planOpen: boolean;
  planYear: number;
  scenarios: PlanScenario[];
  currentScenarioId: string;
  compareScenarioId: string | null;
  planSettings: PlanSettings;
  /** results keyed by scenario id; years (summary) and detail years inside */
  planResults: Record<string, PlanResult>;
  /** scenario ids whose result is being recomputed (shown dimmed) */
  planStale: Record<string, true>;
  planState: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  planProgress: number;
  planError: Message | null;
  planRunner: PlanRunner | null;
  planAbort: AbortController | null;
  planUndo: { label: Message; scenarios: PlanScenario[] }[];
  /** increments on every change that should be saved */
  planVersion: number;
  /** the map adds a new build where the user clicks */
  addingSite: boolean;
  setPlanRunner(r: PlanRunner): void;
  setPlanOpen(open: boolean): void;
  setPlanYear(year: number): void;
  selectScenario(id: string): void;
  setCompareScenario(id: string | null): void;
  addProject(p: PlanProject): void;
  updateProject(id: string, patch: Partial<PlanProject>): void;
  deleteProject(id: string): void;
  duplicateProject(id: string): void;
  undoPlan(): void;
  duplicateScenario(id: string, name?: string): string;
  renameScenario(id: string, name: string): void;
  deleteScenario(id: string): void;
  setPlanSettings(patch: Partial<PlanSettings>): void;
  setDemandSettings(patch: Partial<PlanSettings['demand']>): void;
  setAddingSite(on: boolean): void;
  /** Add a new build at a clicked point (defaults: 12 classes, 360 places, 5,400 ㎡, opens two years on) and select it. */
  addNewBuildAt(lon: number, lat: number): string;
  /** Add chosen sites (e.g. from 选址) to the current scenario as new builds, in one undo step; their ids. */
  addNewBuilds(sites: { name: string; lon: number; lat: number; classes: number; places: number; landM2: number | null; cost10k: number | null }[]): string[];
  /** Base scenario := the plan_projects layer (after an import or a new dataset). */
  syncBaseScenario(): void;
  runPlan(): Promise<void>;
  cancelPlan(): void;
  exportScenarioText(id: string): string;
  /** Add a scenario from a file; false (message set) when invalid, nothing changed. */
  importScenarioText(text: string, fileName: string): boolean;
  toPersistedPlan(): PersistedPlan;
  /** Restore from a project file; returns an error message when invalid (nothing changed). */
  applyPersistedPlan(raw: unknown): string | null;
}

/** Validate a saved plan without applying it: null when fine (or absent), else the message naming the field. */
export function checkPersistedPlan(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  const where = '项目中的规划方案';
  const shape = validate(PersistedPlanShapeSchema, raw, 'settings.plan');
  if ('error' in shape) return `${where}：${render('zh', shape.error)}`;
  for (const [k, x] of shape.value.scenarios.entries()) {
    const c = checkScenario(x, where, `settings.plan.scenarios[${k}]`);
    if ('error' in c) return render('zh', c.error);
  }
  const st = checkPlanSettings(shape.value.settings, where, 'settings.plan.settings');
  return 'error' in st ? render('zh', st.error) : null;
}

const baseScenario = (projects: PlanProject[]): PlanScenario => ({ id: BASE_SCENARIO_ID, name: BASE_SCENARIO_NAME, projects });

/**
 * Years of a new build added on the map or from 选址: two years of works that supply by the year
 * on screen when the plan allows it, always within the plan (start ≥ baseYear + 1) and supplying
 * by its last year (finish + lag ≤ endYear) where the period leaves room for it.
 */
export function newBuildYears(settings: PlanSettings, shownYear: number): { start: number; finish: number } {
  const latest = settings.endYear - settings.openingLagYears - 1;
  const start = Math.max(settings.baseYear + 1, Math.min(shownYear - settings.openingLagYears - 1, latest));
  return { start, finish: start + 1 };
}

/** A new id not used by any scenario or project of `taken`. */
function freshId(prefix: string, taken: Set<string>): string {
  for (let k = 1; ; k++) {
    const id = `${prefix}${String(k).padStart(2, '0')}`;
    if (!taken.has(id)) return id;
  }
}

export const createPlanSlice: StateCreator<AppState, [], [], PlanSlice> = (set, get) => {
  /** Change the current scenario's projects, keeping an undo step. */
  const editProjects = (label: Message, change: (ps: PlanProject[]) => PlanProject[]): void => {
    const s = get();
    const cur = s.scenarios.find((x) => x.id === s.currentScenarioId);
    if (!cur) return;
    const next = s.scenarios.map((x) => (x.id === cur.id ? { ...x, projects: change(x.projects) } : x));
    set({ scenarios: next, planUndo: [...s.planUndo.slice(-UNDO_MAX + 1), { label, scenarios: s.scenarios }], planVersion: s.planVersion + 1 });
    void get().runPlan();
  };
  return {
    planOpen: false,
    planYear: 2025,
    scenarios: [baseScenario([])],
    currentScenarioId: BASE_SCENARIO_ID,
    compareScenarioId: null,
    planSettings: defaultPlanSettings(),
    planResults: {},
    planStale: {},
    planState: 'idle',
    planProgress: 0,
    planError: null,
    planRunner: null,
    planAbort: null,
    planUndo: [],
    planVersion: 0,
    addingSite: false,
    setPlanRunner: (planRunner) => set({ planRunner }),
    setPlanOpen(open) {
      set((s) => ({ planOpen: open, planVersion: s.planVersion + 1, addingSite: open ? s.addingSite : false }));
      if (open) void get().runPlan();
    },
    setPlanYear(year) {
      const s = get();
      const y = Math.min(s.planSettings.endYear, Math.max(s.planSettings.baseYear, Math.round(year)));
      set({ planYear: y, planVersion: s.planVersion + 1 });
      const r = s.planResults[s.currentScenarioId];
      if (s.planOpen && r && !r.detail[y]) void get().runPlan();
    },
    selectScenario(id) {
      if (!get().scenarios.some((x) => x.id === id)) return;
      set((s) => ({ currentScenarioId: id, planVersion: s.planVersion + 1, compareScenarioId: s.compareScenarioId === id ? null : s.compareScenarioId }));
      void get().runPlan();
    },
    setCompareScenario(id) {
      set({ compareScenarioId: id && id !== get().currentScenarioId ? id : null });
      void get().runPlan();
    },
    addProject(p) {
      const taken = new Set(get().scenarios.flatMap((x) => x.projects.map((q) => q.id)));
      const id = p.id && !taken.has(p.id) ? p.id : freshId('XM', taken);
      editProjects(m('state.undo.addProject'), (ps) => [...ps, { ...p, id }]);
    },
    updateProject(id, patch) {
      editProjects(m('state.undo.editProject'), (ps) => ps.map((p) => (p.id === id ? { ...p, ...patch, id } : p)));
    },
    deleteProject(id) {
      editProjects(m('state.undo.deleteProject'), (ps) => ps.filter((p) => p.id !== id));
    },
    duplicateProject(id) {
      const cur = get().scenarios.find((x) => x.id === get().currentScenarioId);
      const src = cur?.projects.find((p) => p.id === id);
      if (!src) return;
      const taken = new Set(get().scenarios.flatMap((x) => x.projects.map((q) => q.id)));
      editProjects(m('state.undo.copyProject'), (ps) => [...ps, { ...src, id: freshId('XM', taken), name: msg(get().lang, 'state.scenarioCopy', { name: src.name }) }]);
    },
    undoPlan() {
      const s = get();
      const last = s.planUndo[s.planUndo.length - 1];
      if (!last) return;
      const ids = new Set(last.scenarios.map((x) => x.id));
      set({
        scenarios: last.scenarios,
        planUndo: s.planUndo.slice(0, -1),
        currentScenarioId: ids.has(s.currentScenarioId) ? s.currentScenarioId : BASE_SCENARIO_ID,
        planVersion: s.planVersion + 1,
      });
      void get().runPlan();
    },
    duplicateScenario(id, name) {
      const s = get();
      const src = s.scenarios.find((x) => x.id === id);
      if (!src) return s.currentScenarioId;
      const newId = freshId('S', new Set(s.scenarios.map((x) => x.id)));
      const copy: PlanScenario = { id: newId, name: name ?? msg(s.lang, 'state.scenarioCopy', { name: scenarioName(src) }), projects: structuredClone(src.projects) };
      set({ scenarios: [...s.scenarios, copy], currentScenarioId: newId, planUndo: [...s.planUndo, { label: m('state.undo.copyScenario'), scenarios: s.scenarios }], planVersion: s.planVersion + 1 });
      void get().runPlan();
      return newId;
    },
    renameScenario(id, name) {
      const s = get();
      const clean = name.trim().slice(0, 60);
      if (!clean) return;
      set({ scenarios: s.scenarios.map((x) => (x.id === id ? { ...x, name: clean } : x)), planUndo: [...s.planUndo, { label: m('state.undo.renameScenario'), scenarios: s.scenarios }], planVersion: s.planVersion + 1 });
    },
    deleteScenario(id) {
      const s = get();
      if (id === BASE_SCENARIO_ID) return;
      const rest = s.scenarios.filter((x) => x.id !== id);
      const results = { ...s.planResults };
      delete results[id];
      set({
        scenarios: rest,
        planResults: results,
        currentScenarioId: s.currentScenarioId === id ? BASE_SCENARIO_ID : s.currentScenarioId,
        compareScenarioId: s.compareScenarioId === id ? null : s.compareScenarioId,
        planUndo: [...s.planUndo, { label: m('state.undo.deleteScenario'), scenarios: s.scenarios }],
        planVersion: s.planVersion + 1,
      });
      void get().runPlan();
    },
    setPlanSettings(patch) {
      // the same ranges as on load: a refused edit changes nothing and says which field
      const st = checkPlanSettings({ ...get().planSettings, ...patch }, '规划参数', 'plan');
      if ('error' in st) return set({ projectMessage: m('state.unchanged', { error: st.error }) });
      set((s) => ({ planSettings: st.settings, planVersion: s.planVersion + 1 }));
      void get().runPlan();
    },
    setDemandSettings(patch) {
      get().setPlanSettings({ demand: { ...get().planSettings.demand, ...patch } });
    },
    setAddingSite: (addingSite) => set({ addingSite }),
    addNewBuilds(sites) {
      const s = get();
      const taken = new Set(s.scenarios.flatMap((x) => x.projects.map((q) => q.id)));
      const { start, finish } = newBuildYears(s.planSettings, s.planYear);
      const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
      const projects: PlanProject[] = sites.map((x) => {
        const id = freshId('XZ', taken);
        taken.add(id);
        return {
          id,
          kind: 'new_build',
          kindergarten_id: null,
          name: x.name,
          lon: round6(x.lon),
          lat: round6(x.lat),
          start_year: start,
          finish_year: finish,
          classes_after: x.classes,
          places_after: x.places,
          tuo_ban_places_after: 0,
          land_area_m2: x.landM2,
          building_area_m2: null,
          cost_10k_yuan: x.cost10k,
          status: 'proposed',
          type_after: 'public',
          responsible_unit: null,
        };
      });
      editProjects(m('state.undo.addSites'), (ps) => [...ps, ...projects]);
      return projects.map((p) => p.id);
    },
    addNewBuildAt(lon, lat) {
      const s = get();
      const taken = new Set(s.scenarios.flatMap((x) => x.projects.map((q) => q.id)));
      const id = freshId('XM', taken);
      const { start, finish } = newBuildYears(s.planSettings, s.planYear);
      const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
      get().addProject({
        id,
        kind: 'new_build',
        kindergarten_id: null,
        name: msg(s.lang, 'state.newBuildName', { id }),
        lon: round6(lon),
        lat: round6(lat),
        start_year: start,
        finish_year: finish,
        classes_after: 12,
        places_after: 360,
        tuo_ban_places_after: 0,
        land_area_m2: 5400,
        building_area_m2: 4200,
        cost_10k_yuan: 12 * s.planSettings.newBuildCost10kPerClass,
        status: 'proposed',
        type_after: 'public',
        responsible_unit: null,
      });
      set({ addingSite: false, selected: { layer: 'plan_projects', id } });
      return id;
    },
    syncBaseScenario() {
      const projects = get().layers.plan_projects;
      set((s) => ({ scenarios: s.scenarios.map((x) => (x.id === BASE_SCENARIO_ID ? { ...x, projects } : x)), planResults: {}, planVersion: s.planVersion + 1 }));
      if (get().planOpen) void get().runPlan();
    },
    async runPlan() {
      const s = get();
      if (!s.planRunner || !s.planOpen) return;
      s.planAbort?.abort();
      const abort = new AbortController();
      const ids = [s.currentScenarioId, ...(s.compareScenarioId ? [s.compareScenarioId] : [])];
      set({ planAbort: abort, planState: 'running', planProgress: 0, planError: null, planStale: Object.fromEntries(ids.map((id) => [id, true])) });
      const input = selectPlanInput(s);
      const all = planYears(s.planSettings);
      const detailYears = s.layers.population.length <= DETAIL_ALL_YEARS_MAX_CELLS ? all : [s.planYear];
      try {
        for (const [k, id] of ids.entries()) {
          const scenario = get().scenarios.find((x) => x.id === id);
          if (!scenario) continue;
          const result = await s.planRunner(
            { input, params: s.params, scenario, settings: s.planSettings, detailYears: k === 0 ? detailYears : [s.planYear] },
            (f) => {
              if (!abort.signal.aborted) set({ planProgress: (k + f) / ids.length });
            },
            abort.signal,
          );
          if (abort.signal.aborted) return;
          set((st) => {
            const stale = { ...st.planStale };
            delete stale[id];
            return { planResults: { ...st.planResults, [id]: result }, planStale: stale };
          });
        }
        set({ planState: 'done', planProgress: 1, planAbort: null });
      } catch (e) {
        if (abort.signal.aborted || (e as Error).name === 'AbortError') {
          if (get().planAbort === abort) set({ planState: 'cancelled', planAbort: null });
          return;
        }
        // never leave the old figures shown as current
        set((st) => {
          const results = { ...st.planResults };
          for (const id of ids) delete results[id];
          return { planResults: results, planStale: {}, planState: 'error', planError: messageOfError(e), planAbort: null };
        });
      }
    },
    cancelPlan() {
      get().planAbort?.abort();
      set({ planState: 'cancelled', planAbort: null });
    },
    exportScenarioText(id) {
      const s = get();
      const sc = s.scenarios.find((x) => x.id === id);
      if (!sc) throw new Error(`没有方案 ${id}`);
      return scenarioToText(sc, s.planSettings);
    },
    importScenarioText(text, fileName) {
      const res = parseScenarioText(text, fileName);
      if ('error' in res) {
        set({ projectMessage: res.error });
        return false;
      }
      const s = get();
      const newId = freshId('S', new Set(s.scenarios.map((x) => x.id)));
      set({
        scenarios: [...s.scenarios, { ...res.scenario, id: newId }],
        currentScenarioId: newId,
        planUndo: [...s.planUndo, { label: m('state.undo.importScenario'), scenarios: s.scenarios }],
        planVersion: s.planVersion + 1,
        projectMessage: m('state.plan.imported', { name: res.scenario.name, n: res.scenario.projects.length }),
        ...(res.settings ? { planSettings: res.settings } : {}),
      });
      void get().runPlan();
      return true;
    },
    toPersistedPlan() {
      const s = get();
      return { scenarios: s.scenarios, currentScenarioId: s.currentScenarioId, settings: s.planSettings, year: s.planYear, open: s.planOpen };
    },
    applyPersistedPlan(raw) {
      if (raw === undefined || raw === null) return null;
      const where = '项目中的规划方案';
      const bad = checkPersistedPlan(raw);
      if (bad) return bad;
      const r = raw as PersistedPlan;
      const scenarios: PlanScenario[] = [];
      for (const [k, x] of r.scenarios.entries()) {
        const c = checkScenario(x, where, `settings.plan.scenarios[${k}]`);
        if ('error' in c) return render(get().lang, c.error);
        scenarios.push(c.scenario);
      }
      if (!scenarios.some((x) => x.id === BASE_SCENARIO_ID)) scenarios.unshift(baseScenario(get().layers.plan_projects));
      const st = checkPlanSettings(r.settings, where, 'settings.plan.settings');
      if ('error' in st) return render(get().lang, st.error);
      const current = scenarios.some((x) => x.id === r.currentScenarioId) ? r.currentScenarioId : BASE_SCENARIO_ID;
      const year = typeof r.year === 'number' ? Math.min(st.settings.endYear, Math.max(st.settings.baseYear, r.year)) : st.settings.baseYear;
      set({ scenarios, currentScenarioId: current, planSettings: st.settings, planYear: year, planOpen: r.open === true, planResults: {}, planUndo: [], compareScenarioId: null });
      if (r.open) void get().runPlan();
      return null;
    },
  };
};
