/**
 * DuckDB for Node (tests, CLI): duckdb-wasm's blocking Node build — the same
 * engine and offline limits as the browser.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { toPlainRows, type DbConnector } from './db';
import { lockDownDuckDb } from './duckdb-offline';
import { arrowToSqlResult } from './sql-result';

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
      return {
        run: async (sql, maxRows) => arrowToSqlResult(c.query(sql), maxRows),
        close: async () => c.close(),
      };
    },
    async close() {
      conn.close();
    },
  };
}
