/** From the store to what a screen needs (content input, readiness), shared by the player and the exports. */
import { selectPresentKindergartens, selectPresentResult } from '../../state/selectors';
import type { AppState } from '../../state/store';
import type { PresentScreen } from '../../state/present-slice';
import { buildScreenContent, type ContentInput, type ScreenContent } from './screen-content';

/** The scenario a screen shows: its own, or the current one. */
export const screenScenarioId = (s: AppState, screen: PresentScreen): string =>
  screen.view.scenarioId && s.scenarios.some((x) => x.id === screen.view.scenarioId) ? screen.view.scenarioId : s.currentScenarioId;

export function contentInputOf(s: AppState, screen: PresentScreen): ContentInput {
  const id = screenScenarioId(s, screen);
  return {
    kind: screen.kind,
    lang: s.lang,
    result: selectPresentResult(s),
    presentPlan: selectPresentResult(s) ? s.presentPlan : null,
    plan: s.planStale[id] ? null : (s.planResults[id] ?? null),
    scenario: s.scenarios.find((x) => x.id === id) ?? null,
    kindergartens: selectPresentKindergartens(s),
    year: s.planOpen ? s.planYear : screen.view.year,
  };
}

export function screenContentOf(s: AppState, screen: PresentScreen): ScreenContent | null {
  return buildScreenContent(contentInputOf(s, screen));
}

/** The screen is on the map and its figures are computed (nothing is being recomputed). */
export function screenReady(s: AppState, screen: PresentScreen): boolean {
  if (s.analysisState === 'running' || !selectPresentResult(s)) return false;
  if (s.planOpen && (s.planState === 'running' || Object.keys(s.planStale).length > 0 || !s.planResults[s.currentScenarioId]?.detail[s.planYear])) return false;
  return screenContentOf(s, screen) !== null;
}
