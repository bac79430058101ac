import { useState } from 'react';
import { useApp } from '../state/store';
import { CommunityLedger } from './CommunityLedger';
import { CompareView } from './plan/CompareView';
import { PlanBar, PlanOpenButton } from './plan/PlanBar';
import { PlanYearView } from './plan/PlanYearView';
import { ProjectTable } from './plan/ProjectTable';
import { SitingPanel } from './siting/SitingPanel';
import { StreetTable } from './StreetTable';
import { useT } from './use-t';
import { WarningView } from './plan/warning/WarningView';

type Tab = 'streets' | 'ledger' | 'siting' | 'projects' | 'years' | 'warning' | 'compare';

/** Tables under the map: supply/demand per 街道 and the 配套园 ledger. */
export function BottomDrawer() {
  const [tab, setTab] = useState<Tab | null>(null);
  const tr = useT();
  const planOpen = useApp((s) => s.planOpen);
  const hasResult = useApp((s) => s.result !== null || s.planOpen);
  const tabs: [Tab, string][] = [
    ['streets', tr('shell.tab.streets')],
    ['ledger', tr('shell.tab.ledger')],
    ['siting', tr('shell.tab.siting')],
    ...(planOpen
      ? ([
          ['projects', tr('shell.tab.projects')],
          ['years', tr('shell.tab.years')],
          ['warning', tr('warn.tab')],
          ['compare', tr('shell.tab.compare')],
        ] as [Tab, string][])
      : []),
  ];
  const shown = tab && tabs.some(([k]) => k === tab) ? tab : null;
  return (
    <div className={shown ? 'drawer open' : 'drawer'}>
      <div className="drawer-tabs">
        {hasResult
          ? tabs.map(([k, label]) => (
              <button key={k} type="button" className={shown === k ? 'active' : ''} onClick={() => setTab(shown === k ? null : k)} data-testid={`tab-${k}`}>
                {label}
              </button>
            ))
          : null}
        {planOpen ? null : <PlanOpenButton />}
      </div>
      {shown === 'streets' ? <StreetTable /> : null}
      {shown === 'ledger' ? <CommunityLedger /> : null}
      {shown === 'siting' ? <SitingPanel /> : null}
      {shown === 'projects' ? <ProjectTable /> : null}
      {shown === 'years' ? <PlanYearView /> : null}
      {shown === 'warning' ? <WarningView /> : null}
      {shown === 'compare' ? <CompareView /> : null}
      {planOpen ? <PlanBar /> : null}
    </div>
  );
}
