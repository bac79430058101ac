/**
 * Rows of a layer held as columns while an import is built: numbers in
 * Float64Arrays (NaN = null), booleans in Uint8Arrays (2 = null), text as string
 * arrays. A million imported rows then cost a handful of arrays instead of a million
 * objects; row objects are made once at the end (toRows) or never, when the columns
 * go straight to the page (pack → packed-rows.ts).
 */
import { LAYERS, type LayerId, type LayerRows } from '../schema';
import type { PackedColumn, PackedRows } from './packed-rows';

export type ColumnKind = 'num' | 'bool' | 'text';

/** How a field is held in columns and in a PackedRows. */
export function columnKind(type: string): ColumnKind {
  return type === 'number' || type === 'integer' ? 'num' : type === 'boolean' ? 'bool' : 'text';
}

type RowMaker = (num: (Float64Array | null)[], bool: (Uint8Array | null)[], text: ((string | null)[] | null)[], i: number) => Record<string, unknown>;

const makers = new Map<LayerId, RowMaker>();

/**
 * A function building one row object as a literal with the layer's fields in schema
 * order (the same shape coerceRecords gives): about twice as fast as assigning the
 * fields one by one, which matters for a million rows made on the page's main thread.
 * Falls back to the generic loop where code generation is not allowed (a strict CSP).
 */
function rowMaker(layer: LayerId): RowMaker {
  const cached = makers.get(layer);
  if (cached) return cached;
  const fields = LAYERS[layer].fields;
  let maker: RowMaker;
  try {
    const props = fields.map((fd, c) => {
      const k = JSON.stringify(fd.name);
      const kind = columnKind(fd.type);
      if (kind === 'num') return `${k}: (v = num[${c}][i]) !== v ? null : v`;
      if (kind === 'bool') return `${k}: (b = bool[${c}][i]) === 2 ? null : b === 1`;
      return `${k}: text[${c}][i]`;
    });
    maker = new Function('num', 'bool', 'text', 'i', `let v = 0; let b = 0; return { ${props.join(', ')} };`) as RowMaker;
  } catch {
    maker = (num, bool, text, i) => {
      const row: Record<string, unknown> = {};
      for (let c = 0; c < fields.length; c++) {
        const nc = num[c];
        const bc = bool[c];
        if (nc) {
          const v = nc[i];
          row[fields[c].name] = v !== v ? null : v;
        } else if (bc) {
          const v = bc[i];
          row[fields[c].name] = v === 2 ? null : v === 1;
        } else row[fields[c].name] = text[c]![i];
      }
      return row;
    };
  }
  makers.set(layer, maker);
  return maker;
}

/** Distinct values a text column may have to be sent as a dictionary. */
const DICT_MAX = 4096;

/** `list` as a dictionary column when it has few distinct values (null otherwise). */
function dictionary(list: (string | null)[], n: number): PackedColumn | null {
  if (n < 2 * DICT_MAX) return null; // small tables: the joined form is as cheap
  const index = new Map<string, number>();
  const values: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = list[i];
    if (s === null || s === undefined) {
      codes[i] = -1;
      continue;
    }
    let k = index.get(s);
    if (k === undefined) {
      if (values.length >= DICT_MAX) return null;
      k = values.length;
      values.push(s);
      index.set(s, k);
    }
    codes[i] = k;
  }
  return { kind: 'dict', values, codes };
}

/** Typed columns of one layer, filled row by row (pushRow) or column-wise by a fast reader. */
export class LayerColumns {
  readonly names: string[];
  readonly kinds: ColumnKind[];
  readonly num: (Float64Array | null)[];
  readonly bool: (Uint8Array | null)[];
  readonly text: ((string | null)[] | null)[];
  /** rows held */
  length = 0;

  /** `capacity`: the most rows that will be pushed (typed arrays are allocated once). */
  constructor(
    readonly layer: LayerId,
    capacity: number,
  ) {
    const fields = LAYERS[layer].fields;
    this.names = fields.map((fd) => fd.name);
    this.kinds = fields.map((fd) => columnKind(fd.type));
    this.num = this.kinds.map((k) => (k === 'num' ? new Float64Array(capacity) : null));
    this.bool = this.kinds.map((k) => (k === 'bool' ? new Uint8Array(capacity) : null));
    this.text = this.kinds.map((k) => (k === 'text' ? [] : null));
  }

  /** Columns of a packed table (text split back into strings). */
  static fromPacked(packed: PackedRows): LayerColumns {
    const cols = new LayerColumns(packed.layer, 0);
    const n = packed.length;
    cols.length = n;
    cols.names.forEach((name, c) => {
      const p = packed.columns[name];
      // a column left out (see pickColumns) is empty
      if (!p) {
        if (cols.kinds[c] === 'num') cols.num[c] = new Float64Array(n).fill(Number.NaN);
        else if (cols.kinds[c] === 'bool') cols.bool[c] = new Uint8Array(n).fill(2);
        else cols.text[c] = new Array<string | null>(n).fill(null);
      } else if (p.kind === 'num') cols.num[c] = p.values;
      else if (p.kind === 'bool') cols.bool[c] = p.values;
      else if (p.kind === 'dict') {
        const out: (string | null)[] = [];
        const { values, codes } = p;
        for (let i = 0; i < n; i++) {
          const k = codes[i];
          out.push(k < 0 ? null : values[k]);
        }
        cols.text[c] = out;
      } else {
        const out: (string | null)[] = [];
        const { joined, lengths } = p;
        let off = 0;
        for (let i = 0; i < n; i++) {
          const len = lengths[i];
          if (len < 0) out.push(null);
          else {
            out.push(joined.slice(off, off + len));
            off += len;
          }
        }
        cols.text[c] = out;
      }
    });
    return cols;
  }

  /** Append a coerced row (values as coerceRecords makes them: number, boolean, string or null). */
  pushRow(row: Record<string, unknown>): void {
    const j = this.length++;
    for (let c = 0; c < this.names.length; c++) {
      const v = row[this.names[c]];
      const kind = this.kinds[c];
      if (kind === 'num') this.num[c]![j] = typeof v === 'number' ? v : Number.NaN;
      else if (kind === 'bool') this.bool[c]![j] = v === null || v === undefined ? 2 : v ? 1 : 0;
      else this.text[c]![j] = v === null || v === undefined ? null : (v as string);
    }
  }

  /** Value of column `c` in row `j` (null where empty). */
  valueAt(c: number, j: number): unknown {
    const kind = this.kinds[c];
    if (kind === 'num') {
      const v = this.num[c]![j];
      return v !== v ? null : v;
    }
    if (kind === 'bool') {
      const v = this.bool[c]![j];
      return v === 2 ? null : v === 1;
    }
    return this.text[c]![j];
  }

  /** Row objects, fields in schema order. */
  toRows<L extends LayerId>(): LayerRows[L] {
    const out: Record<string, unknown>[] = [];
    this.makeRows(0, this.length, out);
    return out as unknown as LayerRows[L];
  }

  /** Row objects like toRows, made `chunk` rows at a time with a pause between (the page keeps drawing). */
  async toRowsChunked<L extends LayerId>(chunk = 100_000, pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))): Promise<LayerRows[L]> {
    const out: Record<string, unknown>[] = [];
    for (let start = 0; start < this.length; start += chunk) {
      if (start > 0) await pause();
      this.makeRows(start, Math.min(this.length, start + chunk), out);
    }
    return out as unknown as LayerRows[L];
  }

  private makeRows(from: number, to: number, out: Record<string, unknown>[]): void {
    const make = rowMaker(this.layer);
    const { num, bool, text } = this;
    for (let i = from; i < to; i++) out.push(make(num, bool, text, i));
  }

  /** The columns as a PackedRows (buffers ready to transfer). */
  pack(): PackedRows {
    const n = this.length;
    const columns: Record<string, PackedColumn> = {};
    this.names.forEach((name, c) => {
      const kind = this.kinds[c];
      if (kind === 'num') columns[name] = { kind: 'num', values: this.num[c]!.length === n ? this.num[c]! : this.num[c]!.slice(0, n) };
      else if (kind === 'bool') columns[name] = { kind: 'bool', values: this.bool[c]!.length === n ? this.bool[c]! : this.bool[c]!.slice(0, n) };
      else {
        const list = this.text[c]!;
        const dict = dictionary(list, n);
        if (dict) {
          columns[name] = dict;
          return;
        }
        const lengths = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const s = list[i];
          lengths[i] = s === null || s === undefined ? -1 : s.length;
        }
        // join() writes null as '', matching the -1 lengths
        columns[name] = { kind: 'text', joined: list.length === n ? list.join('') : list.slice(0, n).join(''), lengths };
      }
    });
    return { layer: this.layer, length: n, columns };
  }
}
