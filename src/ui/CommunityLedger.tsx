import { useMemo } from 'react';
import { PROBLEM_EN } from '../analysis/communities';
import type { CommunityGapRow } from '../analysis/types';
import { fieldOf, labelOfEnum } from '../data/schema';
import { selectCurrentResult } from '../state/selectors';
import { useApp } from '../state/store';
import { DataTable, type Column } from './DataTable';
import { formatDateZh, formatInt } from './format';

const STATUS_FIELD = fieldOf('communities', 'supporting_kg_status');
const PROBLEM_CLASS: Record<string, string> = {
  not_planned: 'red',
  not_built: 'amber',
  not_handed_over: 'red',
  not_in_use: 'red',
  ok: 'green',
  not_required: 'no_demand',
  unknown: 'no_demand',
};

/** 配套园台账: the communities that must have one, their ledger state, problem kind and overdue days. */
export function CommunityLedger() {
  const result = useApp(selectCurrentResult);
  const layers = useApp((s) => s.layers);
  const lang = useApp((s) => s.lang);
  const select = useApp((s) => s.select);
  const zh = lang === 'zh';
  const extra = useMemo(() => new Map(layers.communities.map((c) => [c.id, c])), [layers.communities]);
  const streetName = useMemo(() => new Map(layers.admin_units.map((a) => [a.code, a.name])), [layers.admin_units]);
  const cols = useMemo<Column<CommunityGapRow>[]>(
    () => [
      { key: 'name', label: zh ? '小区名称' : 'Community', value: (r) => r.name },
      { key: 'street', label: zh ? '所属街道' : 'Sub-district', value: (r) => streetName.get(r.streetCode) ?? r.streetCode },
      { key: 'developer', label: zh ? '开发单位' : 'Developer', value: (r) => extra.get(r.communityId)?.developer ?? null },
      { key: 'households', label: zh ? '户数' : 'Households', num: true, value: (r) => r.households, render: (r) => formatInt(r.households) },
      { key: 'residents', label: zh ? '常住人口' : 'Residents', num: true, value: (r) => r.residents, render: (r) => formatInt(r.residents) },
      { key: 'requiredClasses', label: zh ? '应配建班数' : 'Classes req.', num: true, value: (r) => r.requiredClasses },
      {
        key: 'status',
        label: zh ? '配套园状态' : 'Status',
        value: (r) => labelOfEnum(STATUS_FIELD, r.status, lang) || '—',
      },
      {
        key: 'problem',
        label: zh ? '问题类型' : 'Problem',
        value: (r) => (zh ? r.problemZh : PROBLEM_EN[r.problem]),
        render: (r) => <span className={`rag ${PROBLEM_CLASS[r.problem]}`}>{zh ? r.problemZh : PROBLEM_EN[r.problem]}</span>,
      },
      { key: 'handoverDue', label: zh ? '应移交日期' : 'Handover due', value: (r) => r.handoverDue, render: (r) => (zh ? formatDateZh(r.handoverDue) : (r.handoverDue ?? '—')) },
      {
        key: 'daysOverdue',
        label: zh ? '逾期天数' : 'Days overdue',
        num: true,
        value: (r) => (r.overdue ? r.daysOverdue : null),
        render: (r) => (r.overdue ? <b className="overdue">{formatInt(r.daysOverdue)}</b> : '—'),
      },
      { key: 'responsible', label: zh ? '责任单位' : 'Responsible', value: (r) => extra.get(r.communityId)?.responsible_unit ?? null },
    ],
    [zh, lang, extra, streetName],
  );
  if (!result) return null;
  const rows = result.communities.filter((c) => c.required);
  const s = result.communitySummary;
  return (
    <div className="ledger-wrap">
      <div className="ledger-summary" data-testid="ledger-summary">
        {zh ? '应配建' : 'Required'} <b>{s.required}</b> ｜ {zh ? '规划不到位' : 'not planned'} <b className="bad">{s.byProblem.not_planned}</b> ｜{' '}
        {zh ? '配建不到位' : 'not built'} <b className="warn">{s.byProblem.not_built}</b> ｜ {zh ? '移交不到位' : 'not handed over'}{' '}
        <b className="bad">{s.byProblem.not_handed_over}</b> ｜ {zh ? '使用不到位' : 'not in use'} <b className="bad">{s.byProblem.not_in_use}</b> ｜{' '}
        {zh ? '逾期' : 'overdue'} <b className="bad">{s.overdue}</b>
      </div>
      <DataTable
        rows={rows}
        columns={cols}
        rowKey={(r) => r.communityId}
        testId="ledger-table"
        exportName={zh ? '配套园台账' : 'supporting-kg-ledger'}
        onRowClick={(r) => select({ layer: 'communities', id: r.communityId })}
      />
    </div>
  );
}
