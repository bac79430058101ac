/**
 * 学位预警 thresholds (utilisation for yellow, years ahead). Remembered per browser in
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
