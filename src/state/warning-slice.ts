/**
 * What leadership and the 督导 receive, view settings: the 学位预警 thresholds (utilisation
 * for yellow, years ahead) and the split 方案对比 map. Thresholds are remembered per browser in
 * localStorage (like the basemap), not in the project file; defaults and sources in
 * src/analysis/plan/place-warning.ts.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_WARNING_PARAMS, normaliseWarningParams, type WarningParams } from '../analysis/plan/place-warning';
import type { AppState } from './store';

const KEY = 'xwgh.warningParams';

export interface WarningSlice {
  warningParams: WarningParams;
  setWarningParams(patch: Partial<WarningParams>): void;
  /** 方案对比 as two synchronised maps (A left, B right) — a view setting, not saved */
  compareSplit: boolean;
  setCompareSplit(on: boolean): void;
}

function loadParams(): WarningParams {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? normaliseWarningParams({ ...DEFAULT_WARNING_PARAMS, ...(JSON.parse(raw) as Partial<WarningParams>) }) : { ...DEFAULT_WARNING_PARAMS };
  } catch {
    return { ...DEFAULT_WARNING_PARAMS };
  }
}

export const createWarningSlice: StateCreator<AppState, [], [], WarningSlice> = (set, get) => ({
  warningParams: loadParams(),
  compareSplit: false,
  setCompareSplit(on) {
    set({ compareSplit: on });
  },
  setWarningParams(patch) {
    const next = normaliseWarningParams({ ...get().warningParams, ...patch });
    set({ warningParams: next });
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
    } catch {
      // storage full or disabled: the value still applies for this session
    }
  },
});
