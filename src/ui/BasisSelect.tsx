import { useShallow } from 'zustand/react/shallow';
import type { DemandBasis } from '../analysis/plan/plan-types';
import { selectShownPlan } from '../state/selectors';
import { useApp } from '../state/store';
import { formatInt } from './format';

/**
 * Which children the base year (现状) counts: carried from the census by births, or the census
 * as is. Both counts are shown; the choice drives 现状 and the plan and is saved with the project.
 */
export function BasisSelect({ testId = 'basis-select' }: { testId?: string }) {
  const basis = useApp((s) => s.planSettings.demand.baseBasis);
  const setDemand = useApp((s) => s.setDemandSettings);
  const lang = useApp((s) => s.lang);
  const shown = useApp(useShallow(selectShownPlan));
  const zh = lang === 'zh';
  const p = shown.plan;
  const n = (v: number | undefined) => (p && v !== undefined ? `：${formatInt(v)}${zh ? ' 人' : ''}` : '');
  return (
    <label className="basis-select">
      {zh ? '基准年幼儿' : 'Base-year children'}{' '}
      <select value={basis} onChange={(e) => setDemand({ baseBasis: e.target.value as DemandBasis })} data-testid={testId}>
        <option value="births">{zh ? `按出生人口推算${n(p?.baseChildrenBirths)}` : `carried by births${n(p?.baseChildrenBirths)}`}</option>
        <option value="census">{zh ? `采用${p?.dataYear ?? ''}年普查数${n(p?.censusChildren)}` : `census ${p?.dataYear ?? ''} as is${n(p?.censusChildren)}`}</option>
      </select>
    </label>
  );
}
