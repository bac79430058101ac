/**
 * Committing an import into DuckDB: replace or append, both through
 * writeLayerTable (staged and atomic): a failure leaves the loaded table as it was.
 */
import type { DbConnector } from '../db';
import type { LayerId, LayerRows } from '../schema';
import { writeLayerTable } from '../tables';

/** Commit imported rows: 'replace' swaps the whole table, 'append' adds to it. */
export async function commitImport<L extends LayerId>(db: DbConnector, layer: L, rows: LayerRows[L], mode: 'replace' | 'append'): Promise<void> {
  if (mode === 'append' && rows.length === 0) return;
  await writeLayerTable(db, layer, rows, mode);
}
