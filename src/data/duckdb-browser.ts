/** DuckDB-WASM in the browser, bundled by Vite (no CDN), running in its own worker. */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { toPlainRows, type DbConnector } from './db';
import { lockDownDuckDb } from './duckdb-offline';
import { arrowBatchesToSqlResult } from './sql-result';

export async function openBrowserDb(): Promise<DbConnector> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  // before any other connection exists: no network, no files, no extension downloads — locked
  await lockDownDuckDb(async (sql) => toPlainRows((await conn.query(sql)).toArray()));
  return {
    async query(sql) {
      const t = await conn.query(sql);
      return toPlainRows(t.toArray());
    },
    async insertArrowIpc(table, ipc) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async openSession() {
      const c = await db.connect();
      return {
        // send(): a pending query the worker polls in short steps, so cancelSent() can stop it between two
        async run(sql, maxRows) {
          const reader = await c.send(sql);
          // the schema is read with the first message and gone once the stream is closed
          const { schema } = await reader.open();
          const batches = await reader.readAll();
          return arrowBatchesToSqlResult(schema, batches, maxRows);
        },
        cancel: () => c.cancelSent(),
        close: () => c.close(),
      };
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
}
