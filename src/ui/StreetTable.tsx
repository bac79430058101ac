import { useMemo } from 'react';
import type { StreetRow, SupplyDemandRow } from '../analysis/types';
import { selectCurrentResult } from '../state/selectors';
import { BasisLine } from './BasisLine';
import { useApp } from '../state/store';
import { DataTable, type Column } from './DataTable';
import { formatInt, formatPct, formatRag } from './format';
import { msg, type Lang, type MessageKey } from '../i18n';

export function streetColumns(lang: Lang): Column<SupplyDemandRow>[] {
  const tr = (key: MessageKey): string => msg(lang, key);
  const n = (key: keyof SupplyDemandRow, label: string): Column<SupplyDemandRow> => ({
    key,
    label,
    num: true,
    value: (r) => r[key] as number,
    render: (r) => formatInt(r[key] as number),
  });
  return [
    { key: 'nameZh', label: tr('shell.street.name'), value: (r) => r.nameZh },
    n('kindergartens', tr('shell.street.kindergartens')),
    n('places', tr('shell.street.places')),
    n('children', tr('shell.street.children')),
    n('placesBalance', tr('shell.street.balance')),
    {
      key: 'coveredChildrenShare',
      label: tr('shell.street.covered'),
      num: true,
      value: (r) => r.coveredChildrenShare,
      render: (r) => formatPct(r.coveredChildrenShare),
    },
    n('served', tr('shell.street.served')),
    n('overCapacity', tr('shell.street.overCapacity')),
    n('outside', tr('shell.street.outside')),
    {
      key: 'meanAccess',
      label: tr('shell.street.access'),
      num: true,
      value: (r) => r.meanAccess,
      render: (r) => (Number.isFinite(r.meanAccess) ? r.meanAccess.toFixed(2) : '—'),
    },
    {
      key: 'status',
      label: tr('shell.street.status'),
      value: (r) => r.status,
      render: (r) => <span className={`rag ${r.status}`}>{formatRag(r.status, lang)}</span>,
    },
  ];
}

/** Supply vs demand per 街道, with the district total as the last row. */
export function StreetTable() {
  const result = useApp(selectCurrentResult);
  const lang = useApp((s) => s.lang);
  const select = useApp((s) => s.select);
  const cols = useMemo(() => streetColumns(lang), [lang]);
  if (!result) return null;
  const rows: SupplyDemandRow[] = [...result.streets.filter((s: StreetRow) => s.children > 0 || s.places > 0), { ...result.district, nameZh: msg(lang, 'shell.street.total') }];
  return (
    <>
      <BasisLine testId="street-basis" />
      <DataTable rows={rows} columns={cols} rowKey={(r) => r.code || r.nameZh} testId="street-table" exportName={msg(lang, 'shell.street.exportName')} rowClass={(r) => (r === rows[rows.length - 1] ? 'total' : '')}
        onRowClick={(r) => r.code && select({ layer: 'admin_units', id: r.code })}
      />
    </>
  );
}
