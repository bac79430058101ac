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
import { SQL_EXAMPLES } from '../data/sql-examples';
import type { SqlCell } from '../data/sql-result';
import { useApp } from '../state/store';
import { msg } from '../i18n';
import { DataTable, type Column } from './DataTable';
import { formatInt } from './format';
import { cancelledText, refusalText, sq } from './sql-console-strings';

/** Rows drawn in the result table (the export has every kept row). */
export const SHOW_ROWS = 10_000;

type Row = { i: number; cells: SqlCell[] };

/** Ctrl+Enter / ⌘+Enter runs. */
const isRunKey = (e: React.KeyboardEvent): boolean => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

export function SqlConsole({ onClose }: { onClose: () => void }) {
  const lang = useApp((s) => s.lang);
  const db = useApp((s) => s.db);
  const zh = lang === 'zh';
  const [sql, setSql] = useState(SQL_EXAMPLES[0].sql);
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
    <div className="modal-back" role="dialog" aria-modal="true" aria-label={sq('title', lang)} data-testid="sql-console">
      <div className="modal sql-console">
        <header>
          <h3>{sq('title', lang)}</h3>
          <button type="button" className="link" onClick={onClose}>
            {zh ? '关闭' : 'Close'}
          </button>
        </header>
        <div className="sql-body">
          <aside className="sql-tables" data-testid="sql-tables">
            <h4>{sq('tables', lang)}</h4>
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
              <span>{sq('examples', lang)}：</span>
              {SQL_EXAMPLES.map((ex) => (
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
                {busy ? sq('running', lang) : sq('run', lang)}
              </button>
              {busy ? (
                <button type="button" onClick={() => running.current?.abort()} data-testid="sql-cancel">
                  {sq('cancel', lang)}
                </button>
              ) : null}
              <label title={sq('limitTitle', lang)}>
                {sq('limit', lang)}{' '}
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
                {sq('seconds', lang)}
              </label>
              <label>
                <input type="checkbox" checked={allowWrite} onChange={(e) => setAllowWrite(e.target.checked)} data-testid="sql-allow-write" />
                {sq('allowWrite', lang)}
              </label>
            </div>
            <p className={allowWrite ? 'sql-warning' : 'sql-note'}>{sq(allowWrite ? 'writeWarning' : 'readOnlyNote', lang)}</p>
            {!session ? <p className="sql-note">{sq('noDb', lang)}</p> : null}
            <Outcome outcome={outcome} lang={lang} />
          </section>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The refusal, the error or the result table of the last run. */
function Outcome({ outcome, lang }: { outcome: ConsoleOutcome | null; lang: 'zh' | 'en' }) {
  const zh = lang === 'zh';
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
        {refusalText(outcome.refusal, lang)}
      </p>
    );
  }
  if (outcome.status === 'cancelled') {
    return (
      <p className="sql-refused" role="alert" data-testid="sql-cancelled">
        {cancelledText(outcome, lang)}
      </p>
    );
  }
  if (outcome.status === 'error') {
    return (
      <p className="sql-error" role="alert" data-testid="sql-error">
        {sq('duckdbError', lang)}
        <code>{outcome.message}</code>
      </p>
    );
  }
  const r = outcome.result;
  const ms = Math.round(outcome.ms);
  const base = zh ? `查询结果` : 'query';
  return (
    <div className="sql-result">
      <div className="table-tools" data-testid="sql-status">
        <span>
          {zh ? `共 ${formatInt(r.totalRows)} 行，用时 ${formatInt(ms)} 毫秒` : `${formatInt(r.totalRows)} rows in ${formatInt(ms)} ms`}
          {r.totalRows > SHOW_ROWS ? (zh ? `；表中只显示前 ${formatInt(SHOW_ROWS)} 行` : `; first ${formatInt(SHOW_ROWS)} shown`) : ''}
          {r.totalRows > r.rows.length ? (zh ? `，导出含前 ${formatInt(CONSOLE_KEEP_ROWS)} 行` : `, export has the first ${formatInt(CONSOLE_KEEP_ROWS)}`) : ''}
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
              {sq('exportXlsx', lang)}
            </button>
            <button type="button" onClick={() => downloadBytes(`${base}.csv`, exportTableCsv(r.columns, r.rows), MIME.csv)}>
              {sq('exportCsv', lang)}
            </button>
          </>
        ) : null}
      </div>
      {r.totalRows === 0 ? <p className="sql-note">{sq('noRows', lang)}</p> : null}
      {r.columns.length > 0 ? <DataTable rows={rows} columns={columns} rowKey={(row) => String(row.i)} testId="sql-result-table" /> : null}
    </div>
  );
}
