/**
 * The SQL console's runner: one statement on its own connection (SqlSession).
 * Read-only mode checks the statement (sql-guard.ts) and runs it inside a
 * READ ONLY transaction that is always rolled back, so even a statement the
 * guard let through cannot change a table. With `allowWrite` it runs as typed
 * (auto-commit) — changes stay in DuckDB and are not written back to the project.
 * Every run has a time limit (CONSOLE_TIMEOUT_MS by default) and can be stopped
 * (an AbortSignal): DuckDB is asked to cancel the statement, the read-only
 * transaction is rolled back, and the session stays usable.
 */
import type { SqlSession } from './db';
import { checkStatement, type GuardResult } from './sql-guard';
import { buildTableColumnsSql } from './sql';
import type { SqlResult } from './sql-result';

export type ConsoleOutcome =
  | { status: 'done'; result: SqlResult; ms: number; kind: string }
  | { status: 'refused'; refusal: Extract<GuardResult, { ok: false }> }
  | { status: 'error'; message: string; ms: number }
  /** stopped by the user (`signal`) or by the time limit; nothing kept */
  | { status: 'cancelled'; reason: 'user' | 'timeout'; ms: number; timeoutMs: number };

export interface ConsoleOptions {
  allowWrite?: boolean;
  /** rows kept of the result (default 100,000) */
  maxRows?: number;
  /** clock in ms (tests may pass their own) */
  now?: () => number;
  /** stop the statement after this many ms (default CONSOLE_TIMEOUT_MS; 0 = no limit) */
  timeoutMs?: number;
  /** aborting stops the statement (the 取消 button) */
  signal?: AbortSignal;
}

/** Default time limit of a console run. */
export const CONSOLE_TIMEOUT_MS = 30_000;

/** How often a cancel is asked again while the statement has not stopped (it may not have reached DuckDB yet). */
const CANCEL_RETRY_MS = 200;

type Stopped = { stopped: 'user' | 'timeout' };

/**
 * Run one statement on `session`, stopping it on `signal` or after `timeoutMs`.
 * Resolves with the result, or with why it was stopped; rejects with DuckDB's error.
 */
async function runStoppable(session: SqlSession, sql: string, maxRows: number, timeoutMs: number, signal?: AbortSignal): Promise<SqlResult | Stopped> {
  let stopped: Stopped['stopped'] | null = null;
  let retry: ReturnType<typeof setInterval> | undefined;
  const stop = (why: Stopped['stopped']) => {
    if (stopped) return;
    stopped = why;
    const ask = () => void session.cancel().catch(() => false);
    ask();
    retry = setInterval(ask, CANCEL_RETRY_MS);
  };
  const timer = timeoutMs > 0 ? setTimeout(() => stop('timeout'), timeoutMs) : undefined;
  const onAbort = () => stop('user');
  signal?.addEventListener('abort', onAbort);
  try {
    if (signal?.aborted) stop('user');
    const result = await session.run(sql, maxRows);
    // a statement that finished before the cancel reached DuckDB keeps its result
    return result;
  } catch (e) {
    if (stopped) return { stopped };
    throw e;
  } finally {
    clearTimeout(timer);
    clearInterval(retry);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Rows kept of a result for display and export. */
export const CONSOLE_KEEP_ROWS = 100_000;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Check and run `sql`; never throws. */
export async function runConsoleSql(session: SqlSession, sql: string, opts: ConsoleOptions = {}): Promise<ConsoleOutcome> {
  const check = checkStatement(sql, opts.allowWrite);
  if (!check.ok) return { status: 'refused', refusal: check };
  const now = opts.now ?? (() => performance.now());
  const maxRows = opts.maxRows ?? CONSOLE_KEEP_ROWS;
  const timeoutMs = opts.timeoutMs ?? CONSOLE_TIMEOUT_MS;
  const t0 = now();
  const finish = (out: SqlResult | Stopped): ConsoleOutcome =>
    'stopped' in out
      ? { status: 'cancelled', reason: out.stopped, ms: now() - t0, timeoutMs }
      : { status: 'done', result: out, ms: now() - t0, kind: check.kind };
  if (opts.allowWrite) {
    try {
      return finish(await runStoppable(session, check.statement, maxRows, timeoutMs, opts.signal));
    } catch (e) {
      return { status: 'error', message: errorText(e), ms: now() - t0 };
    }
  }
  try {
    // a transaction left open in 允许修改 mode makes this fail: reported, nothing run
    await session.run('BEGIN TRANSACTION READ ONLY', 0);
  } catch (e) {
    return { status: 'error', message: errorText(e), ms: now() - t0 };
  }
  try {
    return finish(await runStoppable(session, check.statement, maxRows, timeoutMs, opts.signal));
  } catch (e) {
    return { status: 'error', message: errorText(e), ms: now() - t0 };
  } finally {
    await session.run('ROLLBACK', 0);
  }
}

export interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
}

/** Every table of the database with its columns (from information_schema). */
export async function listTables(session: SqlSession): Promise<TableInfo[]> {
  const res = await session.run(buildTableColumnsSql(), CONSOLE_KEEP_ROWS);
  const out: TableInfo[] = [];
  for (const [table, column, type] of res.rows) {
    const name = String(table);
    if (out.at(-1)?.name !== name) out.push({ name, columns: [] });
    out.at(-1)!.columns.push({ name: String(column), type: String(type) });
  }
  return out;
}
