/** Rows of a layer → Arrow IPC stream bytes, typed by the layer schema. */
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { LAYERS, type FieldDef, type LayerId, type LayerRows } from './schema';

function arrowTypeOf(field: FieldDef): DataType {
  switch (field.type) {
    case 'number':
      return new Float64();
    case 'integer':
      return new Int32();
    case 'boolean':
      return new Bool();
    default:
      return new Utf8();
  }
}

function normalise(field: FieldDef, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (field.type === 'number' || field.type === 'integer') return typeof v === 'number' && Number.isFinite(v) ? v : null;
  if (field.type === 'boolean') return Boolean(v);
  return String(v);
}

export function rowsToArrowIpc<L extends LayerId>(layer: L, rows: LayerRows[L]): Uint8Array {
  const cols: Record<string, Vector> = {};
  for (const fd of LAYERS[layer].fields) {
    const values = (rows as unknown as Record<string, unknown>[]).map((r) => normalise(fd, r[fd.name]));
    cols[fd.name] = vectorFromArray(values, arrowTypeOf(fd));
  }
  return tableToIPC(new Table(cols), 'stream');
}
