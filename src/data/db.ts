/**
 * The small interface the app, the worker and the tests share to talk to DuckDB.
 * Implementations: duckdb-browser.ts (duckdb-wasm in its worker) and
 * duckdb-node.ts (duckdb-wasm's blocking Node build, same engine as the browser).
 */
import type { SqlResult } from './sql-result';

export type SqlRow = Record<string, unknown>;

/** A connection of its own (own transactions), for user-written SQL: the SQL console. */
export interface SqlSession {
  /** Run one statement; keep at most `maxRows` rows of the result. */
  run(sql: string, maxRows: number): Promise<SqlResult>;
  /**
   * Ask DuckDB to stop the statement now running on this session (its `run` then
   * rejects). True when a statement was pending; false when none was (not started
   * yet, or already done) — callers may ask again.
   */
  cancel(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DbConnector {
  /** Run SQL and return rows as plain objects (BigInt cast to number). */
  query<T extends SqlRow = SqlRow>(sql: string): Promise<T[]>;
  /** Create/replace `table` from an Arrow IPC stream. */
  insertArrowIpc(table: string, ipc: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Open a second connection to the same database (the SQL console); absent in test doubles. */
  openSession?(): Promise<SqlSession>;
}

/** Turn Arrow rows (proxies, BigInt) into plain JSON-safe objects. */
export function toPlainRows<T extends SqlRow>(rows: Iterable<unknown>): T[] {
  const out: T[] = [];
  for (const r of rows) {
    const obj = (r as { toJSON?: () => SqlRow }).toJSON ? (r as { toJSON: () => SqlRow }).toJSON() : (r as SqlRow);
    const plain: SqlRow = {};
    for (const [k, v] of Object.entries(obj)) plain[k] = typeof v === 'bigint' ? Number(v) : v;
    out.push(plain as T);
  }
  return out;
}

const locks = new WeakMap<DbConnector, Promise<unknown>>();

/**
 * Run `fn` after every earlier locked job on the same connection: one connection has
 * one transaction at a time, and writers from different parts of the app (layers,
 * ledger) must not interleave their BEGIN … COMMIT.
 */
export function withDbLock<T>(db: DbConnector, fn: () => Promise<T>): Promise<T> {
  const prev = locks.get(db) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  locks.set(db, run.catch(() => undefined));
  return run;
}
