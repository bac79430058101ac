/** Loading layer rows into DuckDB tables, atomically. */
import { rowsToArrowIpc } from './arrow';
import type { DbConnector } from './db';
import { LAYERS, type LayerId, type LayerRows } from './schema';
import { buildCreateTableSql, quoteIdent } from './sql';

/**
 * Replace the table of `layer` with `rows`. The rows are staged first, so a
 * failure leaves the previous table as it was.
 */
export async function replaceLayerTable<L extends LayerId>(db: DbConnector, layer: L, rows: LayerRows[L]): Promise<void> {
  const stage = `__stage_${layer}`;
  const ipc = rowsToArrowIpc(layer, rows);
  const cols = LAYERS[layer].fields.map((fd) => quoteIdent(fd.name)).join(', ');
  await db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
  if (rows.length > 0) await db.insertArrowIpc(stage, ipc);
  await db.query('BEGIN TRANSACTION');
  try {
    await db.query(buildCreateTableSql(layer));
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

/** Replace every layer table. */
export async function loadAllLayers(db: DbConnector, data: LayerRows): Promise<void> {
  for (const id of Object.keys(LAYERS) as LayerId[]) {
    await replaceLayerTable(db, id, data[id]);
  }
}
