import { useState } from 'react';
import { useApp } from '../state/store';
import { CommunityLedger } from './CommunityLedger';
import { StreetTable } from './StreetTable';

type Tab = 'streets' | 'ledger';

/** Tables under the map: supply/demand per 街道 and the 配套园 ledger. */
export function BottomDrawer() {
  const [tab, setTab] = useState<Tab | null>(null);
  const lang = useApp((s) => s.lang);
  const hasResult = useApp((s) => s.result !== null);
  if (!hasResult) return null;
  const zh = lang === 'zh';
  const tabs: [Tab, string][] = [
    ['streets', zh ? '街道学位供需' : 'Supply by sub-district'],
    ['ledger', zh ? '配套园台账' : '配套园 ledger'],
  ];
  return (
    <div className={tab ? 'drawer open' : 'drawer'}>
      <div className="drawer-tabs">
        {tabs.map(([k, label]) => (
          <button key={k} type="button" className={tab === k ? 'active' : ''} onClick={() => setTab(tab === k ? null : k)} data-testid={`tab-${k}`}>
            {label}
          </button>
        ))}
      </div>
      {tab === 'streets' ? <StreetTable /> : null}
      {tab === 'ledger' ? <CommunityLedger /> : null}
    </div>
  );
}
