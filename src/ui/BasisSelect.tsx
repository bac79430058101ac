import { useShallow } from 'zustand/react/shallow';
import type { DemandBasis } from '../analysis/plan/plan-types';
import { selectShownPlan } from '../state/selectors';
import { useApp } from '../state/store';
import { formatInt } from './format';
import { useT } from './use-t';

/**
 * Which children the base year (现状) counts: carried from the census by births, or the census
 * as is. Both counts are shown; the choice drives 现状 and the plan and is saved with the project.
 */
export function BasisSelect({ testId = 'basis-select' }: { testId?: string }) {
  const basis = useApp((s) => s.planSettings.demand.baseBasis);
  const setDemand = useApp((s) => s.setDemandSettings);
  const shown = useApp(useShallow(selectShownPlan));
  const tr = useT();
  const p = shown.plan;
  const n = (v: number | undefined) => (p && v !== undefined ? tr('shell.basis.count', { n: formatInt(v) }) : '');
  return (
    <label className="basis-select">
      {tr('shell.basis.label')}{' '}
      <select value={basis} onChange={(e) => setDemand({ baseBasis: e.target.value as DemandBasis })} data-testid={testId}>
        <option value="births">{tr('shell.basis.births', { count: n(p?.baseChildrenBirths) })}</option>
        <option value="census">{tr('shell.basis.census', { year: p?.dataYear ?? '', count: n(p?.censusChildren) })}</option>
      </select>
    </label>
  );
}
