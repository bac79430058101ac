import { useState } from 'react';
import { useApp } from '../state/store';
import { CommunityLedger } from './CommunityLedger';
import { CompareView } from './plan/CompareView';
import { PlanBar, PlanOpenButton } from './plan/PlanBar';
import { PlanYearView } from './plan/PlanYearView';
import { ProjectTable } from './plan/ProjectTable';
import { SitingPanel } from './siting/SitingPanel';
import { StreetTable } from './StreetTable';
import { msg } from './messages';
import { WarningView } from './plan/warning/WarningView';

type Tab = 'streets' | 'ledger' | 'siting' | 'projects' | 'years' | 'warning' | 'compare';

/** Tables under the map: supply/demand per 街道 and the 配套园 ledger. */
export function BottomDrawer() {
  const [tab, setTab] = useState<Tab | null>(null);
  const lang = useApp((s) => s.lang);
  const planOpen = useApp((s) => s.planOpen);
  const hasResult = useApp((s) => s.result !== null || s.planOpen);
  const zh = lang === 'zh';
  const tabs: [Tab, string][] = [
    ['streets', zh ? '街道学位供需' : 'Supply by sub-district'],
    ['ledger', zh ? '配套园台账' : '配套园 ledger'],
    ['siting', zh ? '选址' : 'Site selection'],
    ...(planOpen
      ? ([
          ['projects', zh ? '规划项目' : 'Plan projects'],
          ['years', zh ? '逐年供需' : 'Year by year'],
          ['warning', msg(lang, 'warn.tab')],
          ['compare', zh ? '方案对比' : 'Compare'],
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
