/**
 * DuckDB for Node (tests, CLI): duckdb-wasm's blocking Node build — the same
 * engine and offline limits as the browser. A session runs its statements as
 * pending queries polled in short steps (as the browser's worker does), yielding
 * to the event loop between steps, so a timer or a cancel can stop them.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { toPlainRows, type DbConnector } from './db';
import { lockDownDuckDb } from './duckdb-offline';
import { arrowToSqlResult, type ArrowTableLike, type SqlResult } from './sql-result';

/** The Arrow reader duckdb-wasm itself uses (its own apache-arrow 17), for the result bytes of a pending query. */
type ArrowModule = { tableFromIPC(chunks: Uint8Array[]): ArrowTableLike };

/** Run `sql` on connection `conn` as a pending query, yielding between polls; rejects with "query was canceled" after cancelPendingQuery. */
async function runPending(bindings: duckdb.DuckDBBindings, conn: number, arrow: ArrowModule, sql: string, maxRows: number): Promise<SqlResult> {
  let header = bindings.startPendingQuery(conn, sql, false);
  while (header === null) {
    await new Promise((r) => setImmediate(r));
    header = bindings.pollPendingQuery(conn);
  }
  const chunks = [header];
  for (;;) {
    const buf = bindings.fetchQueryResults(conn);
    if (buf === null) continue;
    if (buf.length === 0) break;
    chunks.push(buf);
  }
  return arrowToSqlResult(arrow.tableFromIPC(chunks), maxRows);
}

export async function openNodeDb(): Promise<DbConnector> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  await lockDownDuckDb((sql) => toPlainRows(conn.query(sql).toArray()));
  return {
    async query(sql) {
      return toPlainRows(conn.query(sql).toArray());
    },
    async insertArrowIpc(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async openSession() {
      const c = db.connect();
      const arrow = createRequire(path.join(dist, 'duckdb-node-blocking.cjs'))('apache-arrow') as ArrowModule;
      return {
        run: (sql, maxRows) => c.useUnsafe((b, id) => runPending(b, id, arrow, sql, maxRows)),
        cancel: async () => c.useUnsafe((b, id) => b.cancelPendingQuery(id)),
        close: async () => c.close(),
      };
    },
    async close() {
      conn.close();
    },
  };
}
