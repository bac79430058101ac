import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { CampaignRow, ProgressRow } from '../../data/ledger-sql';
import { useApp } from '../../state/store';
import { DataTable, type Column } from '../DataTable';
import { formatInt, formatPct } from '../format';

const CampaignChart = lazy(() => import('./CampaignChart'));
const ledgerSql = () => import('../../data/ledger-sql');

/** 专项统计: counts per status and problem, handed-over share, 公办 vs 委托普惠, places added, progress — per 街道 and district, in DuckDB. */
export function CampaignStats() {
  const lang = useApp((s) => s.lang);
  const zh = lang === 'zh';
  const db = useApp((s) => s.db);
  const version = useApp((s) => s.ledgerTablesVersion);
  const admin = useApp((s) => s.layers.admin_units);
  const [since, setSince] = useState(() => `${new Date().getFullYear()}-01-01`);
  const [rows, setRows] = useState<CampaignRow[] | null>(null);
  const [progress, setProgress] = useState<ProgressRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const names = useMemo(() => new Map(admin.map((a) => [a.code, a.name])), [admin]);
  const streetName = useCallback((code: string) => names.get(code) ?? (code || (zh ? '未标注街道' : 'no sub-district')), [names, zh]);
  useEffect(() => {
    if (!db || version === 0) return;
    let live = true;
    void (async () => {
      try {
        const sql = await ledgerSql();
        const r = await db.query<CampaignRow & Record<string, unknown>>(sql.buildCampaignSql(since));
        const p = await db.query<ProgressRow & Record<string, unknown>>(sql.buildProgressSql());
        if (live) {
          setRows(r);
          setProgress(p);
          setError(null);
        }
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    })();
    return () => {
      live = false;
    };
  }, [db, version, since]);
  const cols = useMemo<Column<CampaignRow>[]>(() => {
    const n = (key: keyof CampaignRow, label: string): Column<CampaignRow> => ({ key, label, num: true, value: (r) => r[key] as number, render: (r) => formatInt(r[key] as number) });
    return [
      { key: 'street', label: zh ? '街道' : 'Sub-district', value: (r) => (r.street_code === null ? (zh ? '全区' : 'District') : streetName(r.street_code)) },
      n('required', zh ? '应配建' : 'Required'),
      n('not_planned', zh ? '规划不到位' : 'Not planned'),
      n('not_built', zh ? '配建不到位' : 'Not built'),
      n('not_handed_over', zh ? '移交不到位' : 'Not handed over'),
      n('not_in_use', zh ? '使用不到位' : 'Not in use'),
      n('overdue', zh ? '逾期' : 'Overdue'),
      n('handed_over', zh ? '已移交' : 'Handed over'),
      { key: 'share', label: zh ? '移交率' : 'Handed-over share', num: true, value: (r) => (r.required > 0 ? r.handed_over / r.required : null), render: (r) => (r.required > 0 ? formatPct(r.handed_over / r.required) : '—') },
      n('public_n', zh ? '办成公办' : 'Public'),
      n('inclusive_n', zh ? '委托普惠' : 'Inclusive'),
      n('open_places', zh ? '开园学位' : 'Places open'),
      n('completed', zh ? '期内整治完成' : 'Completed in campaign'),
    ];
  }, [zh, streetName]);
  if (!db) return <p className="hint">{zh ? '数据库加载中…' : 'Loading the database…'}</p>;
  if (error) return <p className="error">{zh ? `统计失败：${error}` : `Statistics failed: ${error}`}</p>;
  if (!rows) return <p className="hint">…</p>;
  const d = rows.find((r) => r.street_code === null);
  const streets = rows.filter((r) => r.street_code !== null);
  return (
    <div className="campaign" data-testid="campaign-stats">
      <div className="campaign-head">
        <label>
          {zh ? '专项整治起始日期' : 'Campaign start'} <input type="date" value={since} onChange={(e) => e.target.value && setSince(e.target.value)} data-testid="campaign-since" />
        </label>
        {d ? (
          <p className="campaign-sentence" data-testid="campaign-sentence">
            {zh
              ? `自 ${since} 起整治完成 ${formatInt(d.completed)} 处，其中公办 ${formatInt(d.completed_public)} 处、委托普惠 ${formatInt(d.completed_inclusive)} 处；应配建 ${formatInt(d.required)} 处，已移交 ${formatInt(d.handed_over)} 处（${d.required > 0 ? formatPct(d.handed_over / d.required) : '—'}），逾期 ${formatInt(d.overdue)} 处；已开园配套园提供学位 ${formatInt(d.open_places)} 个。`
              : `Since ${since}: ${d.completed} completed (${d.completed_public} public, ${d.completed_inclusive} inclusive); ${d.handed_over} of ${d.required} handed over, ${d.overdue} overdue; ${formatInt(d.open_places)} places open.`}
          </p>
        ) : null}
      </div>
      <div className="campaign-body">
      <Suspense fallback={<div className="campaign-chart" />}>
        <CampaignChart streets={streets} progress={progress} streetName={streetName} lang={lang} />
      </Suspense>
      <DataTable rows={rows} columns={cols} rowKey={(r) => r.street_code ?? '__district'} rowClass={(r) => (r.street_code === null ? 'total' : '')} testId="campaign-table" exportName={zh ? '配套园专项统计' : 'supporting-kg-campaign'} />
      </div>
    </div>
  );
}
