import { selectCurrentPlan, selectCurrentScenario } from '../../state/selectors';
import { useApp } from '../../state/store';

/** What every plan panel shows: language, the current scenario and its result, the year, and whether it is being recomputed. */
export function usePlanView() {
  const lang = useApp((s) => s.lang);
  const plan = useApp(selectCurrentPlan);
  const scenario = useApp(selectCurrentScenario);
  const year = useApp((s) => s.planYear);
  const stale = useApp((s) => Boolean(s.planStale[s.currentScenarioId]));
  return { lang, plan, scenario, year, stale };
}
