import { useMemo } from 'react';
import type { StreetRow, SupplyDemandRow } from '../analysis/types';
import { selectCurrentResult } from '../state/selectors';
import { BasisLine } from './BasisLine';
import { useApp } from '../state/store';
import { DataTable, type Column } from './DataTable';
import { formatInt, formatPct, formatRag } from './format';

export function streetColumns(zh: boolean): Column<SupplyDemandRow>[] {
  const n = (key: keyof SupplyDemandRow, label: string): Column<SupplyDemandRow> => ({
    key,
    label,
    num: true,
    value: (r) => r[key] as number,
    render: (r) => formatInt(r[key] as number),
  });
  return [
    { key: 'nameZh', label: zh ? '街道/镇' : 'Sub-district', value: (r) => r.nameZh },
    n('kindergartens', zh ? '幼儿园' : 'Kindergartens'),
    n('places', zh ? '学位数' : 'Places'),
    n('children', zh ? '3–5岁幼儿' : 'Children 3–5'),
    n('placesBalance', zh ? '学位余缺' : 'Balance'),
    {
      key: 'coveredChildrenShare',
      label: zh ? '覆盖率' : 'Covered',
      num: true,
      value: (r) => r.coveredChildrenShare,
      render: (r) => formatPct(r.coveredChildrenShare),
    },
    n('served', zh ? '就近可入园' : 'Served'),
    n('overCapacity', zh ? '半径内超容' : 'Over capacity'),
    n('outside', zh ? '半径外' : 'Outside'),
    {
      key: 'meanAccess',
      label: zh ? '可达性 A' : 'Access A',
      num: true,
      value: (r) => r.meanAccess,
      render: (r) => (Number.isFinite(r.meanAccess) ? r.meanAccess.toFixed(2) : '—'),
    },
    {
      key: 'status',
      label: zh ? '预警' : 'Status',
      value: (r) => r.status,
      render: (r) => <span className={`rag ${r.status}`}>{formatRag(r.status, zh ? 'zh' : 'en')}</span>,
    },
  ];
}

/** Supply vs demand per 街道, with the district total as the last row. */
export function StreetTable() {
  const result = useApp(selectCurrentResult);
  const lang = useApp((s) => s.lang);
  const select = useApp((s) => s.select);
  const cols = useMemo(() => streetColumns(lang === 'zh'), [lang]);
  if (!result) return null;
  const rows: SupplyDemandRow[] = [...result.streets.filter((s: StreetRow) => s.children > 0 || s.places > 0), { ...result.district, nameZh: lang === 'zh' ? '全区合计' : 'District' }];
  return (
    <>
      <BasisLine testId="street-basis" />
      <DataTable rows={rows} columns={cols} rowKey={(r) => r.code || r.nameZh} testId="street-table" exportName={lang === 'zh' ? '街道学位供需' : 'supply-by-subdistrict'} rowClass={(r) => (r === rows[rows.length - 1] ? 'total' : '')}
        onRowClick={(r) => r.code && select({ layer: 'admin_units', id: r.code })}
      />
    </>
  );
}
