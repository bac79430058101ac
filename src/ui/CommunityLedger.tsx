import { useMemo, useRef, useState } from 'react';
import { analyseCommunities } from '../analysis/communities';
import { render } from '../i18n';
import { ledgerAt, lastUndoableChange } from '../analysis/ledger/events';
import { escalationLevel } from '../analysis/ledger/escalation';
import type { CommunityGapRow } from '../analysis/types';
import { downloadBytes, MIME } from '../data/export/download';
import { enumLabel, type Community } from '../data/schema';
import { todayIso } from '../state/analysis-slice';
import { selectCurrentResult, selectViewLayers } from '../state/selectors';
import { appStore, useApp } from '../state/store';
import { msgOf } from './messages';
import { DataTable, type Column } from './DataTable';
import { formatDateZh, formatInt } from './format';
import { CampaignStats } from './ledger/CampaignStats';
import { LedgerFieldsForm } from './ledger/LedgerFieldsForm';
import { LedgerHistory } from './ledger/LedgerHistory';
import { StatusDialog } from './ledger/StatusDialog';

const PROBLEM_CLASS: Record<string, string> = {
  not_planned: 'red',
  not_built: 'amber',
  not_handed_over: 'red',
  not_in_use: 'red',
  ok: 'green',
  not_required: 'no_demand',
  unknown: 'no_demand',
};

/** 配套园台账: the communities that must have one, their state, problem, deadline and overdue days; status changes with history; 专项统计. */
export function CommunityLedger() {
  const result = useApp(selectCurrentResult);
  const layers = useApp(selectViewLayers);
  const params = useApp((s) => s.params);
  const events = useApp((s) => s.ledgerEvents);
  const viewDate = useApp((s) => s.ledgerViewDate);
  const setViewDate = useApp((s) => s.setLedgerViewDate);
  const undo = useApp((s) => s.undoLedgerChange);
  const user = useApp((s) => s.ledgerUser);
  const setUser = useApp((s) => s.setLedgerUser);
  const requestImport = useApp((s) => s.requestImport);
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const focus = useApp((s) => s.focus);
  const zh = lang === 'zh';
  const [view, setView] = useState<'table' | 'stats'>('table');
  const [editing, setEditing] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const past = viewDate !== null && viewDate < todayIso();
  // as of a past date: the rows rewound by the history, judged on that date
  const asOf = useMemo(() => {
    if (!past || !viewDate) return null;
    const rows = ledgerAt(layers.communities, events, viewDate);
    const res = analyseCommunities(rows, layers.kindergartens, { ruleTable: params.ruleTable, handoverMonths: params.handoverMonths, asOfDate: viewDate });
    return { rows, gaps: res.rows, summary: res.summary };
  }, [past, viewDate, layers.communities, layers.kindergartens, events, params.ruleTable, params.handoverMonths]);
  const communities = asOf?.rows ?? layers.communities;
  const byId = useMemo(() => new Map<string, Community>(communities.map((c) => [c.id, c])), [communities]);
  const streetName = useMemo(() => new Map(layers.admin_units.map((a) => [a.code, a.name])), [layers.admin_units]);
  const canUndo = lastUndoableChange(events) !== null;
  const cols = useMemo<Column<CommunityGapRow>[]>(
    () => [
      { key: 'id', label: zh ? '小区编号' : 'ID', value: (r) => r.communityId },
      { key: 'name', label: zh ? '小区名称' : 'Community', value: (r) => r.name },
      { key: 'street', label: zh ? '所属街道' : 'Sub-district', value: (r) => streetName.get(r.streetCode) ?? r.streetCode },
      { key: 'developer', label: zh ? '开发单位' : 'Developer', value: (r) => byId.get(r.communityId)?.developer ?? null },
      { key: 'households', label: zh ? '户数' : 'Households', num: true, value: (r) => r.households, render: (r) => formatInt(r.households) },
      { key: 'requiredClasses', label: zh ? '应配建班数' : 'Classes req.', num: true, value: (r) => r.requiredClasses },
      {
        key: 'status',
        label: zh ? '配套园状态' : 'Status',
        value: (r) => enumLabel(lang, 'communities', 'supporting_kg_status', r.status) || '—',
        render: (r) => (
          <span className="status-cell">
            {enumLabel(lang, 'communities', 'supporting_kg_status', r.status) || '—'}
            {!past ? (
              <button type="button" className="link" data-testid={`change-${r.communityId}`} onClick={(e) => { e.stopPropagation(); setEditing(r.communityId); }}>
                {zh ? '变更' : 'change'}
              </button>
            ) : null}
          </span>
        ),
      },
      { key: 'statusDate', label: zh ? '状态日期' : 'Since', value: (r) => byId.get(r.communityId)?.status_date ?? null },
      {
        key: 'problem',
        label: zh ? '问题类型' : 'Problem',
        value: (r) => render(lang, r.problemLabel),
        render: (r) => <span className={`rag ${PROBLEM_CLASS[r.problem]}`}>{render(lang, r.problemLabel)}</span>,
      },
      { key: 'line', label: zh ? '责任条线' : 'Line', value: (r) => enumLabel(lang, 'communities', 'responsible_line', byId.get(r.communityId)?.responsible_line) || null },
      { key: 'responsible', label: zh ? '责任单位' : 'Responsible', value: (r) => byId.get(r.communityId)?.responsible_unit ?? null },
      { key: 'dueDate', label: zh ? '办结期限' : 'Due', value: (r) => r.dueDate, render: (r) => (zh ? formatDateZh(r.dueDate) : (r.dueDate ?? '—')) },
      {
        key: 'daysOverdue',
        label: zh ? '逾期天数' : 'Days overdue',
        num: true,
        value: (r) => (r.overdue ? r.daysOverdue : null),
        render: (r) => (r.overdue ? <b className={`overdue esc-${escalationLevel(r.daysOverdue, { orangeDays: params.escalationOrangeDays, redDays: params.escalationRedDays })}`}>{formatInt(r.daysOverdue)}</b> : '—'),
      },
      { key: 'opened', label: zh ? '开园日期' : 'Opened', value: (r) => byId.get(r.communityId)?.opened_date ?? null },
    ],
    [zh, lang, byId, streetName, past, params.escalationOrangeDays, params.escalationRedDays],
  );
  if (!result) return null;
  const all = asOf?.gaps ?? result.communities;
  const rows = all.filter((c) => c.required);
  const s = asOf?.summary ?? result.communitySummary;
  const selectedId = selected?.layer === 'communities' ? selected.id : null;
  const exportXlsx = async (shown: CommunityGapRow[]) => {
    const { exportLedgerXlsx } = await import('../data/export/ledger-xlsx');
    const picked = shown.map((g) => byId.get(g.communityId)).filter((c): c is Community => !!c);
    const gapOf = new Map(shown.map((g) => [g.communityId, g]));
    const bytes = await exportLedgerXlsx(picked, [
      { header: zh ? '问题类型（系统判定）' : 'Problem (computed)', values: picked.map((c) => (gapOf.has(c.id) ? render(lang, gapOf.get(c.id)!.problemLabel) : null)) },
      { header: zh ? '逾期天数（系统计算）' : 'Days overdue (computed)', values: picked.map((c) => (gapOf.get(c.id)?.overdue ? gapOf.get(c.id)!.daysOverdue : null)) },
    ]);
    downloadBytes(`${zh ? '配套园台账' : 'supporting-kg-ledger'}_${viewDate ?? todayIso()}.xlsx`, bytes, MIME.xlsx);
  };
  return (
    <div className="ledger-wrap">
      <div className="ledger-bar">
        <button type="button" className={view === 'table' ? 'active' : ''} onClick={() => setView('table')} data-testid="ledger-view-table">{zh ? '台账' : 'Ledger'}</button>
        <button type="button" className={view === 'stats' ? 'active' : ''} onClick={() => setView('stats')} data-testid="ledger-view-stats">{zh ? '专项统计' : 'Campaign'}</button>
        <label>
          {zh ? '台账截至' : 'As of'}{' '}
          <input type="date" value={viewDate ?? todayIso()} max={todayIso()} onChange={(e) => setViewDate(e.target.value && e.target.value < todayIso() ? e.target.value : null)} data-testid="ledger-as-of" />
        </label>
        {past ? <span className="badge">{zh ? '历史台账（只读）' : 'past ledger (read only)'}</span> : null}
        <label>
          {zh ? '记录人' : 'By'} <input className="short" defaultValue={user} onBlur={(e) => setUser(e.target.value)} placeholder={zh ? '姓名' : 'name'} data-testid="ledger-user" />
        </label>
        <button type="button" disabled={!canUndo || past} onClick={async () => {
          // refused when the rows no longer hold what the history says (the reason is shown)
          const r = await undo();
          if (typeof r === 'object') appStore.getState().setProjectMessage(msgOf(lang, r));
        }} data-testid="ledger-undo">{zh ? '撤销上一次变更' : 'Undo last change'}</button>
        <button type="button" disabled={past} onClick={() => fileRef.current?.click()} data-testid="ledger-import">{zh ? '导入台账…' : 'Import ledger…'}</button>
        <input
          ref={fileRef}
          type="file"
          hidden
          accept=".xlsx,.xls,.csv,.txt"
          data-testid="ledger-import-file"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            requestImport({ files, layer: 'communities', mode: 'update' });
          }}
        />
      </div>
      {view === 'stats' ? (
        <CampaignStats />
      ) : (
        <>
          <div className="ledger-summary" data-testid="ledger-summary">
            {zh ? '应配建' : 'Required'} <b>{s.required}</b> ｜ {zh ? '规划不到位' : 'not planned'} <b className="bad">{s.byProblem.not_planned}</b> ｜{' '}
            {zh ? '配建不到位' : 'not built'} <b className="warn">{s.byProblem.not_built}</b> ｜ {zh ? '移交不到位' : 'not handed over'}{' '}
            <b className="bad">{s.byProblem.not_handed_over}</b> ｜ {zh ? '使用不到位' : 'not in use'} <b className="bad">{s.byProblem.not_in_use}</b> ｜{' '}
            {zh ? '逾期' : 'overdue'} <b className="bad">{s.overdue}</b>
          </div>
          <div className="ledger-body">
            <DataTable
              rows={rows}
              columns={cols}
              rowKey={(r) => r.communityId}
              testId="ledger-table"
              exportName={zh ? '配套园台账' : 'supporting-kg-ledger'}
              onExportXlsx={(shown) => void exportXlsx(shown)}
              selectedKey={selectedId}
              onRowClick={(r) => focus({ layer: 'communities', id: r.communityId })}
            />
            {selectedId ? (
              <aside className="ledger-side">
                <h4>
                  {zh ? '变更记录：' : 'History: '}
                  {byId.get(selectedId)?.name ?? selectedId}
                </h4>
                {!past && byId.get(selectedId) ? <LedgerFieldsForm key={`${selectedId}-${events.length}`} row={byId.get(selectedId)!} /> : null}
                <LedgerHistory communityId={selectedId} />
              </aside>
            ) : null}
          </div>
        </>
      )}
      {editing ? <StatusDialog communityId={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
