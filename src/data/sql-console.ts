/**
 * The SQL console's runner: one statement on its own connection (SqlSession).
 * Read-only mode checks the statement (sql-guard.ts) and runs it inside a
 * READ ONLY transaction that is always rolled back, so even a statement the
 * guard let through cannot change a table. With `allowWrite` it runs as typed
 * (auto-commit) — changes stay in DuckDB and are not written back to the project.
 */
import type { SqlSession } from './db';
import { checkStatement, type GuardResult } from './sql-guard';
import { buildTableColumnsSql } from './sql';
import type { SqlResult } from './sql-result';

export type ConsoleOutcome =
  | { status: 'done'; result: SqlResult; ms: number; kind: string }
  | { status: 'refused'; refusal: Extract<GuardResult, { ok: false }> }
  | { status: 'error'; message: string; ms: number };

export interface ConsoleOptions {
  allowWrite?: boolean;
  /** rows kept of the result (default 100,000) */
  maxRows?: number;
  /** clock in ms (tests may pass their own) */
  now?: () => number;
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
  const t0 = now();
  if (opts.allowWrite) {
    try {
      const result = await session.run(check.statement, maxRows);
      return { status: 'done', result, ms: now() - t0, kind: check.kind };
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
    const result = await session.run(check.statement, maxRows);
    return { status: 'done', result, ms: now() - t0, kind: check.kind };
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
