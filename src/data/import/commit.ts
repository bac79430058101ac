/**
 * Committing an import into DuckDB: replace (replaceLayerTable, staged and
 * atomic) or append. Either way a failure leaves the loaded table as it was.
 */
import { rowsToArrowIpc } from '../arrow';
import type { DbConnector } from '../db';
import { LAYERS, type LayerId, type LayerRows } from '../schema';
import { buildCreateTableSql, quoteIdent, quoteLiteral } from '../sql';
import { replaceLayerTable } from '../tables';

/** Append `rows` to the table of `layer` (created when missing) in one transaction. */
export async function appendLayerRows<L extends LayerId>(db: DbConnector, layer: L, rows: LayerRows[L]): Promise<void> {
  if (rows.length === 0) return;
  const stage = `__append_${layer}`;
  const cols = LAYERS[layer].fields.map((fd) => quoteIdent(fd.name)).join(', ');
  await db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
  await db.insertArrowIpc(stage, rowsToArrowIpc(layer, rows));
  const exists = await db.query<{ n: number }>(
    `SELECT count(*)::DOUBLE AS n FROM information_schema.tables WHERE table_name = ${quoteLiteral(layer)}`,
  );
  await db.query('BEGIN TRANSACTION');
  try {
    if (!exists[0] || exists[0].n === 0) await db.query(buildCreateTableSql(layer));
    await db.query(`INSERT INTO ${quoteIdent(layer)} (${cols}) SELECT ${cols} FROM ${quoteIdent(stage)}`);
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
  }
}

/** Commit imported rows: 'replace' swaps the whole table, 'append' adds to it. */
export async function commitImport<L extends LayerId>(db: DbConnector, layer: L, rows: LayerRows[L], mode: 'replace' | 'append'): Promise<void> {
  if (mode === 'append') await appendLayerRows(db, layer, rows);
  else await replaceLayerTable(db, layer, rows);
}
