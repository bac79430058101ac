/** Derived values for the map and panels; stable references so React does not re-render needlessly. */
import type { AnalysisOverlay } from '../map/build-layers';
import type { AppState } from './store';

const NO_OVERLAY: AnalysisOverlay = {};

export function selectOverlay(_s: AppState): AnalysisOverlay {
  return NO_OVERLAY;
}
