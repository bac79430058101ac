/** One zustand store, one slice per concern. createAppStore() gives each test a fresh store. */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice';
import { createDataSlice, type DataSlice } from './data-slice';
import { createExportSlice, type ExportSlice } from './export-slice';
import { createLedgerSlice, type LedgerSlice } from './ledger-slice';
import { createNetworkSlice, type NetworkSlice } from './network-slice';
import { createSitingSlice, type SitingSlice } from './siting-slice';
import { BASE_SCENARIO_ID, createPlanSlice, type PlanSlice } from './plan-slice';
import { createPresentSlice, type PresentSlice } from './present-slice';
import { createProjectSlice, type ProjectSlice } from './project-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWarningSlice, type WarningSlice } from './warning-slice';

export type AppState = DataSlice & UiSlice & AnalysisSlice & ProjectSlice & ExportSlice & PlanSlice & LedgerSlice & SitingSlice & PresentSlice & WarningSlice & NetworkSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createDataSlice(...a),
    ...createUiSlice(...a),
    ...createAnalysisSlice(...a),
    ...createProjectSlice(...a),
    ...createExportSlice(...a),
    ...createPlanSlice(...a),
    ...createLedgerSlice(...a),
    ...createSitingSlice(...a),
    ...createPresentSlice(...a),
    ...createWarningSlice(...a),
    ...createNetworkSlice(...a),
  }));
  // the base scenario follows the plan_projects layer (new dataset, import)
  store.subscribe((s, prev) => {
    if (s.layers.plan_projects !== prev.layers.plan_projects) s.syncBaseScenario();
    else if (s.dataVersion !== prev.dataVersion && s.planOpen) void s.runPlan();
    if (s.layers.communities !== prev.layers.communities) s.reconcileLedger();
    // a network belongs to its dataset: the sample's generated one goes when other data come in
    if (s.meta !== prev.meta && s.walkNetwork?.generated && !s.meta?.name?.includes('示例')) s.setWalkNetwork(null);
    // walking distance from saved settings without a network: load it (sample) or fall back (once the dataset is known)
    const changed = s.dataVersion !== prev.dataVersion || s.meta !== prev.meta || s.params.distanceMode !== prev.params.distanceMode;
    const cur = store.getState();
    if (changed && cur.meta && cur.params.distanceMode === 'walking' && !cur.walkNetwork && !cur.networkLoading) void cur.ensureWalkNetwork();
    // the present-day view is the 基准 scenario's base year: it follows the plan settings and 基准's projects
    const baseChanged = s.scenarios.find((x) => x.id === BASE_SCENARIO_ID) !== prev.scenarios.find((x) => x.id === BASE_SCENARIO_ID);
    if ((s.planSettings !== prev.planSettings || baseChanged) && s.dataVersion === prev.dataVersion && (s.result || s.analysisState === 'running')) void s.runAnalysis();
    // DuckDB's ledger tables follow the analysis' verdicts and a new connection
    if ((s.result !== prev.result && s.result) || (s.db && !prev.db)) void s.syncLedgerTables().catch(() => {});
  });
  return store;
}

/** The app's store (tests make their own with createAppStore). */
export const appStore = createAppStore();

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
