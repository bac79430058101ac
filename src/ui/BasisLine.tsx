import { useShallow } from 'zustand/react/shallow';
import { selectShownPlan } from '../state/selectors';
import { useApp } from '../state/store';
import { describeBasis } from './messages';

/** The data year and method of the figures on screen: "2025 年（由 2020 年普查按出生人口推算）". */
export function BasisLine({ testId }: { testId?: string }) {
  const shown = useApp(useShallow(selectShownPlan));
  const lang = useApp((s) => s.lang);
  if (!shown.plan) return null;
  return (
    <div className="basis-line" data-testid={testId}>
      {describeBasis(lang, shown.plan, shown.year)}
    </div>
  );
}
