/**
 * SQL 查询: a dialog over the app's DuckDB tables. Read-only unless 允许修改（高级）
 * is ticked; results in a DataTable (first SHOW_ROWS rows) with CSV / Excel export.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SqlSession } from '../data/db';
import { exportTableCsv } from '../data/export/csv';
import { downloadBytes, MIME } from '../data/export/download';
import { CONSOLE_KEEP_ROWS, CONSOLE_TIMEOUT_MS, listTables, runConsoleSql, type ConsoleOutcome, type TableInfo } from '../data/sql-console';
import { sqlExamples } from '../data/sql-examples';
import type { SqlCell } from '../data/sql-result';
import { useApp } from '../state/store';
import { msg } from '../i18n';
import { DataTable, type Column } from './DataTable';
import { formatInt } from './format';
import { m, type Message } from '../i18n';
import type { GuardResult } from '../data/sql-guard';
import { useRender, useT } from './use-t';

/** Rows drawn in the result table (the export has every kept row). */
export const SHOW_ROWS = 10_000;

type Row = { i: number; cells: SqlCell[] };

/** A refusal of the statement check, explained. */
export function refusalMessage(r: Extract<GuardResult, { ok: false }>): Message {
  const keyword = r.code === 'pragma' ? (r.keyword ?? '').toLowerCase() : (r.keyword ?? '');
  return r.code === 'multiple' ? m('sql.refused.multiple', { count: r.count ?? 2 }) : m(`sql.refused.${r.code}`, { keyword });
}

/** Why a run was stopped, and what to do. */
export function cancelledMessage(o: Extract<ConsoleOutcome, { status: 'cancelled' }>): Message {
  const seconds = ((o.reason === 'user' ? o.ms : o.timeoutMs) / 1000).toFixed(1);
  return m(o.reason === 'user' ? 'sql.cancelled.user' : 'sql.cancelled.timeout', { seconds });
}

/** Ctrl+Enter / ⌘+Enter runs. */
const isRunKey = (e: React.KeyboardEvent): boolean => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

export function SqlConsole({ onClose }: { onClose: () => void }) {
  const lang = useApp((s) => s.lang);
  const db = useApp((s) => s.db);
  const tr = useT();
  const [sql, setSql] = useState(() => sqlExamples(lang)[0].sql);
  const [allowWrite, setAllowWrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ConsoleOutcome | null>(null);
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [session, setSession] = useState<SqlSession | null>(null);
  const [limitS, setLimitS] = useState(CONSOLE_TIMEOUT_MS / 1000);
  const editor = useRef<HTMLTextAreaElement>(null);
  /** stops the running statement (取消, closing the dialog) */
  const running = useRef<AbortController | null>(null);

  // a connection of its own, closed with the dialog
  useEffect(() => {
    if (!db?.openSession) return;
    let live = true;
    let opened: SqlSession | null = null;
    void db.openSession().then(async (s) => {
      opened = s;
      if (!live) return void s.close();
      setSession(s);
      setTables(await listTables(s));
    });
    return () => {
      live = false;
      // a statement still running is stopped before its connection closes
      running.current?.abort();
      void opened?.close();
    };
  }, [db]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const run = useCallback(async () => {
    if (!session || busy) return;
    setBusy(true);
    setOutcome(null);
    const stop = new AbortController();
    running.current = stop;
    const timeoutMs = Math.round(Math.min(600, Math.max(1, limitS || CONSOLE_TIMEOUT_MS / 1000)) * 1000);
    const out = await runConsoleSql(session, sql, { allowWrite, timeoutMs, signal: stop.signal });
    running.current = null;
    setOutcome(out);
    setBusy(false);
    // a change may add or drop tables
    if (allowWrite && out.status === 'done') setTables(await listTables(session));
  }, [session, busy, sql, allowWrite, limitS]);

  /** Put `text` at the cursor of the editor. */
  const insert = (text: string) => {
    const el = editor.current;
    const at = el ? el.selectionStart : sql.length;
    const end = el ? el.selectionEnd : sql.length;
    setSql(sql.slice(0, at) + text + sql.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + text.length, at + text.length);
    });
  };

  // on document.body: the data menu sits in the title bar, whose styles (white text) must not apply
  return createPortal(
    <div className="modal-back" role="dialog" aria-modal="true" aria-label={tr('sql.title')} data-testid="sql-console">
      <div className="modal sql-console">
        <header>
          <h3>{tr('sql.title')}</h3>
          <button type="button" className="link" onClick={onClose}>
            {tr('close')}
          </button>
        </header>
        <div className="sql-body">
          <aside className="sql-tables" data-testid="sql-tables">
            <h4>{tr('sql.tables')}</h4>
            {tables.map((t) => (
              <details key={t.name}>
                <summary>
                  <button type="button" className="link" onClick={() => insert(t.name)} data-testid={`sql-table-${t.name}`}>
                    {t.name}
                  </button>
                </summary>
                <ul>
                  {t.columns.map((c) => (
                    <li key={c.name}>
                      <button type="button" className="link" onClick={() => insert(c.name)}>
                        {c.name}
                      </button>{' '}
                      <small>{c.type}</small>
                    </li>
                  ))}
                </ul>
              </details>
            ))}
          </aside>
          <section className="sql-main">
            <div className="sql-examples">
              <span>{tr('sql.examples')}</span>
              {sqlExamples(lang).map((ex) => (
                <button key={ex.title} type="button" className="link" onClick={() => setSql(ex.sql)}>
                  {msg(lang, ex.title)}
                </button>
              ))}
            </div>
            <textarea
              ref={editor}
              className="sql-editor"
              spellCheck={false}
              value={sql}
              onChange={(e) => setSql(e.target.value)}
              onKeyDown={(e) => {
                if (isRunKey(e)) {
                  e.preventDefault();
                  void run();
                }
              }}
              data-testid="sql-editor"
              aria-label="SQL"
            />
            <div className="sql-actions">
              <button type="button" onClick={() => void run()} disabled={!session || busy} data-testid="sql-run">
                {busy ? tr('sql.running') : tr('sql.run')}
              </button>
              {busy ? (
                <button type="button" onClick={() => running.current?.abort()} data-testid="sql-cancel">
                  {tr('shell.cancel')}
                </button>
              ) : null}
              <label title={tr('sql.limitTitle')}>
                {tr('sql.limit')}{' '}
                <input
                  type="number"
                  min={1}
                  max={600}
                  step={1}
                  value={limitS}
                  onChange={(e) => setLimitS(Number(e.target.value))}
                  className="sql-limit"
                  data-testid="sql-limit"
                />{' '}
                {tr('sql.seconds')}
              </label>
              <label>
                <input type="checkbox" checked={allowWrite} onChange={(e) => setAllowWrite(e.target.checked)} data-testid="sql-allow-write" />
                {tr('sql.allowWrite')}
              </label>
            </div>
            <p className={allowWrite ? 'sql-warning' : 'sql-note'}>{tr(allowWrite ? 'sql.writeWarning' : 'sql.readOnlyNote')}</p>
            {!session ? <p className="sql-note">{tr('sql.noDb')}</p> : null}
            <Outcome outcome={outcome} />
          </section>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The refusal, the error or the result table of the last run. */
function Outcome({ outcome }: { outcome: ConsoleOutcome | null }) {
  const tr = useT();
  const show = useRender();
  const result = outcome?.status === 'done' ? outcome.result : null;
  const columns = useMemo<Column<Row>[]>(
    () =>
      (result?.columns ?? []).map((name, k) => ({
        key: String(k),
        label: name,
        value: (r: Row) => {
          const v = r.cells[k];
          return typeof v === 'boolean' ? String(v) : v;
        },
        num: result?.rows.some((r) => typeof r[k] === 'number') ?? false,
      })),
    [result],
  );
  const rows = useMemo<Row[]>(() => (result?.rows ?? []).slice(0, SHOW_ROWS).map((cells, i) => ({ i, cells })), [result]);
  if (!outcome) return null;
  if (outcome.status === 'refused') {
    return (
      <p className="sql-refused" role="alert" data-testid="sql-refused">
        {show(refusalMessage(outcome.refusal))}
      </p>
    );
  }
  if (outcome.status === 'cancelled') {
    return (
      <p className="sql-refused" role="alert" data-testid="sql-cancelled">
        {show(cancelledMessage(outcome))}
      </p>
    );
  }
  if (outcome.status === 'error') {
    return (
      <p className="sql-error" role="alert" data-testid="sql-error">
        {tr('sql.duckdbError')}
        <code>{outcome.message}</code>
      </p>
    );
  }
  const r = outcome.result;
  const ms = Math.round(outcome.ms);
  const base = tr('sql.fileBase');
  return (
    <div className="sql-result">
      <div className="table-tools" data-testid="sql-status">
        <span>
          {tr('sql.status', { rows: formatInt(r.totalRows), ms: formatInt(ms) })}
          {r.totalRows > SHOW_ROWS ? tr('sql.statusShown', { n: formatInt(SHOW_ROWS) }) : ''}
          {r.totalRows > r.rows.length ? tr('sql.statusExportKept', { n: formatInt(CONSOLE_KEEP_ROWS) }) : ''}
        </span>
        {r.columns.length > 0 ? (
          <>
            <button
              type="button"
              onClick={async () => {
                const { exportTableXlsx } = await import('../data/export/xlsx');
                downloadBytes(`${base}.xlsx`, exportTableXlsx(base, r.columns, r.rows), MIME.xlsx);
              }}
            >
              {tr('shell.table.exportXlsx')}
            </button>
            <button type="button" onClick={() => downloadBytes(`${base}.csv`, exportTableCsv(r.columns, r.rows), MIME.csv)}>
              {tr('shell.table.exportCsv')}
            </button>
          </>
        ) : null}
      </div>
      {r.totalRows === 0 ? <p className="sql-note">{tr('sql.noRows')}</p> : null}
      {r.columns.length > 0 ? <DataTable rows={rows} columns={columns} rowKey={(row) => String(row.i)} testId="sql-result-table" /> : null}
    </div>
  );
}
