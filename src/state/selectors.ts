/** Derived values for the map and panels; memoised so React does not re-render needlessly. */
import type { KgStatusRag } from '../analysis/types';
import type { AnalysisOverlay } from '../map/build-layers';
import type { AppState } from './store';

const NO_OVERLAY: AnalysisOverlay = {};
const RAG: Record<KgStatusRag, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  green: 'ok',
  amber: 'warn',
  red: 'bad',
  no_demand: 'neutral',
  inactive: 'neutral',
};

let lastResult: AppState['result'] = null;
let lastOverlay: AnalysisOverlay = NO_OVERLAY;

/** Map overlay from the latest analysis result, only while it matches the data on screen. */
export function selectOverlay(s: AppState): AnalysisOverlay {
  if (!s.result || s.resultVersion !== s.dataVersion) return NO_OVERLAY;
  if (s.result !== lastResult) {
    lastResult = s.result;
    lastOverlay = {
      covered: s.result.cells.covered,
      radiusM: s.result.params.radiusM,
      kgStatus: s.result.kindergartens.status.map((x) => RAG[x]),
      streetStatus: Object.fromEntries(s.result.streets.map((st) => [st.code, RAG[st.status]])),
    };
  }
  return lastOverlay;
}
