/** Loading layer rows into DuckDB tables, atomically. */
import { rowsToArrowIpc } from './arrow';
import { withDbLock, type DbConnector } from './db';
import { LAYERS, type LayerId, type LayerRows } from './schema';
import { buildCreateTableSql, quoteIdent, quoteLiteral } from './sql';

/**
 * Write `rows` into the table of `layer`: 'replace' swaps the whole table, 'append'
 * adds to it (creating it when missing). The rows are staged first and moved in one
 * transaction, so a failure leaves the previous table as it was.
 */
export function writeLayerTable<L extends LayerId>(db: DbConnector, layer: L, rows: LayerRows[L], mode: 'replace' | 'append'): Promise<void> {
  return withDbLock(db, () => writeLayerTableNow(db, layer, rows, mode));
}

async function writeLayerTableNow<L extends LayerId>(db: DbConnector, layer: L, rows: LayerRows[L], mode: 'replace' | 'append'): Promise<void> {
  const stage = `__stage_${layer}`;
  const cols = LAYERS[layer].fields.map((fd) => quoteIdent(fd.name)).join(', ');
  await db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
  if (rows.length > 0) await db.insertArrowIpc(stage, rowsToArrowIpc(layer, rows));
  const exists =
    mode === 'append'
      ? ((await db.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM information_schema.tables WHERE table_name = ${quoteLiteral(layer)}`))[0]?.n ?? 0) > 0
      : false;
  await db.query('BEGIN TRANSACTION');
  try {
    if (!exists) await db.query(buildCreateTableSql(layer));
    if (rows.length > 0) {
      await db.query(`INSERT INTO ${quoteIdent(layer)} (${cols}) SELECT ${cols} FROM ${quoteIdent(stage)}`);
    }
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
  }
}

/** Replace the table of `layer` with `rows` (atomic: see writeLayerTable). */
export function replaceLayerTable<L extends LayerId>(db: DbConnector, layer: L, rows: LayerRows[L]): Promise<void> {
  return writeLayerTable(db, layer, rows, 'replace');
}

/** Replace every layer table. */
export async function loadAllLayers(db: DbConnector, data: LayerRows): Promise<void> {
  for (const id of Object.keys(LAYERS) as LayerId[]) {
    await replaceLayerTable(db, id, data[id]);
  }
}
