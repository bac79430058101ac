import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { CampaignRow, ProgressRow } from '../../data/ledger-sql';
import { useApp } from '../../state/store';
import { DataTable, type Column } from '../DataTable';
import { formatInt, formatPct } from '../format';
import { useT } from '../use-t';

const CampaignChart = lazy(() => import('./CampaignChart'));
const ledgerSql = () => import('../../data/ledger-sql');

/** 专项统计: counts per status and problem, handed-over share, 公办 vs 委托普惠, places added, progress — per 街道 and district, in DuckDB. */
export function CampaignStats() {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const db = useApp((s) => s.db);
  const version = useApp((s) => s.ledgerTablesVersion);
  const admin = useApp((s) => s.layers.admin_units);
  const [since, setSince] = useState(() => `${new Date().getFullYear()}-01-01`);
  const [rows, setRows] = useState<CampaignRow[] | null>(null);
  const [progress, setProgress] = useState<ProgressRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const names = useMemo(() => new Map(admin.map((a) => [a.code, a.name])), [admin]);
  const streetName = useCallback((code: string) => names.get(code) ?? (code || tr('ledger.ui.stats.noStreet')), [names, tr]);
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
      { key: 'street', label: tr('ledger.ui.stats.street'), value: (r) => (r.street_code === null ? tr('ledger.ui.stats.district') : streetName(r.street_code)) },
      n('required', tr('ledger.ui.stats.required')),
      n('not_planned', tr('ledger.ui.stats.notPlanned')),
      n('not_built', tr('ledger.ui.stats.notBuilt')),
      n('not_handed_over', tr('ledger.ui.stats.notHandedOver')),
      n('not_in_use', tr('ledger.ui.stats.notInUse')),
      n('overdue', tr('ledger.ui.stats.overdue')),
      n('handed_over', tr('ledger.ui.stats.handedOver')),
      { key: 'share', label: tr('ledger.ui.stats.share'), num: true, value: (r) => (r.required > 0 ? r.handed_over / r.required : null), render: (r) => (r.required > 0 ? formatPct(r.handed_over / r.required) : '—') },
      n('public_n', tr('ledger.ui.stats.public')),
      n('inclusive_n', tr('ledger.ui.stats.inclusive')),
      n('open_places', tr('ledger.ui.stats.openPlaces')),
      n('completed', tr('ledger.ui.stats.completed')),
    ];
  }, [tr, streetName]);
  if (!db) return <p className="hint">{tr('ledger.ui.stats.loadingDb')}</p>;
  if (error) return <p className="error">{tr('ledger.ui.stats.failed', { error })}</p>;
  if (!rows) return <p className="hint">…</p>;
  const d = rows.find((r) => r.street_code === null);
  const streets = rows.filter((r) => r.street_code !== null);
  return (
    <div className="campaign" data-testid="campaign-stats">
      <div className="campaign-head">
        <label>
          {tr('ledger.ui.stats.since')} <input type="date" value={since} onChange={(e) => e.target.value && setSince(e.target.value)} data-testid="campaign-since" />
        </label>
        {d ? (
          <p className="campaign-sentence" data-testid="campaign-sentence">
            {tr('ledger.ui.stats.sentence', {
              since,
              completed: formatInt(d.completed),
              public: formatInt(d.completed_public),
              inclusive: formatInt(d.completed_inclusive),
              required: formatInt(d.required),
              handedOver: formatInt(d.handed_over),
              share: d.required > 0 ? formatPct(d.handed_over / d.required) : '—',
              overdue: formatInt(d.overdue),
              places: formatInt(d.open_places),
            })}
          </p>
        ) : null}
      </div>
      <div className="campaign-body">
      <Suspense fallback={<div className="campaign-chart" />}>
        <CampaignChart streets={streets} progress={progress} streetName={streetName} lang={lang} />
      </Suspense>
      <DataTable rows={rows} columns={cols} rowKey={(r) => r.street_code ?? '__district'} rowClass={(r) => (r.street_code === null ? 'total' : '')} testId="campaign-table" exportName={tr('ledger.ui.stats.fileName')} />
      </div>
    </div>
  );
}
