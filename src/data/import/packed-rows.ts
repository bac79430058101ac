/**
 * Layer rows in columns, for sending a large import from the worker to the page:
 * numbers in Float64Arrays (NaN = null), text joined into one string per column
 * with lengths (-1 = null), booleans as 0/1/2 (2 = null). Cloning a million row
 * objects costs seconds; this costs a few hundred milliseconds and the buffers
 * are transferred, not copied.
 */
import { LAYERS, type LayerId, type LayerRows } from '../schema';
import { LayerColumns } from './layer-columns';

export type PackedColumn =
  | { kind: 'num'; values: Float64Array }
  | { kind: 'bool'; values: Uint8Array }
  | { kind: 'text'; joined: string; lengths: Int32Array }
  /** text with few distinct values (街道代码): each row an index into `values`, -1 = null; the page shares one string per value */
  | { kind: 'dict'; values: string[]; codes: Int32Array };

export interface PackedRows {
  layer: LayerId;
  length: number;
  columns: Record<string, PackedColumn>;
}

/**
 * Packed columns already made for a rows array (by an import, or by an earlier
 * packRows): the DuckDB load, the autosave and the analysis worker reuse them
 * instead of walking a million row objects again. Rows arrays are never mutated
 * in place (the store replaces them), so an array's packing stays valid.
 */
const packedCache = new WeakMap<object, PackedRows>();

/** The packed columns of `rows`: cached when known, else packed now (and cached). */
export function packedOf<L extends LayerId>(layer: L, rows: LayerRows[L]): PackedRows {
  const hit = packedCache.get(rows);
  if (hit && hit.layer === layer && hit.length === (rows as unknown[]).length) return hit;
  const packed = packRows(layer, rows);
  packedCache.set(rows, packed);
  return packed;
}

/** Rows → columns. */
export function packRows<L extends LayerId>(layer: L, rows: LayerRows[L]): PackedRows {
  const list = rows as unknown as Record<string, unknown>[];
  const n = list.length;
  const columns: Record<string, PackedColumn> = {};
  for (const fd of LAYERS[layer].fields) {
    const k = fd.name;
    if (fd.type === 'number' || fd.type === 'integer') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = list[i][k];
        values[i] = typeof v === 'number' ? v : Number.NaN;
      }
      columns[k] = { kind: 'num', values };
    } else if (fd.type === 'boolean') {
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = list[i][k];
        values[i] = v === null || v === undefined ? 2 : v ? 1 : 0;
      }
      columns[k] = { kind: 'bool', values };
    } else {
      const lengths = new Int32Array(n);
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        const v = list[i][k];
        if (v === null || v === undefined) lengths[i] = -1;
        else {
          const s = String(v);
          lengths[i] = s.length;
          parts.push(s);
        }
      }
      columns[k] = { kind: 'text', joined: parts.join(''), lengths };
    }
  }
  return { layer, length: n, columns };
}

/** Columns → rows (fields in schema order, as coerceRecords makes them). */
export function unpackRows<L extends LayerId>(packed: PackedRows): LayerRows[L] {
  const rows = LayerColumns.fromPacked(packed).toRows<L>();
  packedCache.set(rows, packed);
  return rows;
}

/** unpackRows in chunks, pausing between them: for the page's main thread. */
export async function unpackRowsChunked<L extends LayerId>(packed: PackedRows): Promise<LayerRows[L]> {
  const rows = await LayerColumns.fromPacked(packed).toRowsChunked<L>();
  packedCache.set(rows, packed);
  return rows;
}

/** Buffers of a packed table, for postMessage's transfer list. */
export function packedTransfer(p: PackedRows): ArrayBuffer[] {
  return Object.values(p.columns).map((c) => (c.kind === 'text' ? c.lengths.buffer : c.kind === 'dict' ? c.codes.buffer : c.values.buffer) as ArrayBuffer);
}

/** Only the named columns of `p` (unpacking fills the others with nulls): less to send to a worker. */
export function pickColumns(p: PackedRows, names: string[]): PackedRows {
  return { ...p, columns: Object.fromEntries(names.filter((k) => k in p.columns).map((k) => [k, p.columns[k]])) };
}
