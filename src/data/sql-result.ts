/**
 * Results of arbitrary SQL (the SQL console) as columns and rows of displayable
 * values, read from DuckDB's Arrow result: column order and duplicate names kept,
 * decimals / HUGEINT scaled, dates and timestamps as text.
 */

/** A cell as shown and exported: text, a number, a boolean or empty. */
export type SqlCell = string | number | boolean | null;

export interface SqlResult {
  /** column names in result order (duplicates possible) */
  columns: string[];
  /** the first rows (at most the `maxRows` asked for) */
  rows: SqlCell[][];
  /** rows the statement returned in all */
  totalRows: number;
}

/** The parts of an Arrow schema (apache-arrow 17 inside duckdb-wasm) read here. */
export interface ArrowSchemaLike {
  fields: { name: string; type: { typeId: number; scale?: number; unit?: number } }[];
}

/** The parts of an Arrow record batch or table read here. */
export interface ArrowBatchLike {
  numRows: number;
  getChildAt(i: number): { get(row: number): unknown } | null;
}

/** The parts of an Arrow table read here. */
export interface ArrowTableLike extends ArrowBatchLike {
  schema: ArrowSchemaLike;
}

// apache-arrow Type ids
const DECIMAL = 7;
const DATE = 8;
const TIMESTAMP = 10;

/** A decimal's 32-bit words (little-endian, two's complement) as a signed BigInt. */
function wordsToBigInt(words: ArrayLike<number>): bigint {
  let v = 0n;
  for (let k = words.length - 1; k >= 0; k--) v = (v << 32n) | BigInt(words[k] >>> 0);
  const bits = BigInt(words.length * 32);
  return words.length > 0 && words[words.length - 1] >>> 31 ? v - (1n << bits) : v;
}

/** A scaled integer as decimal text: 150, scale 2 → "1.50". */
export function decimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return unscaled.toString();
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Epoch milliseconds as `YYYY-MM-DD` (dates) or `YYYY-MM-DD HH:MM:SS` (timestamps), in UTC as DuckDB stores them. */
function dateText(ms: number, withTime: boolean): string {
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}

/** JSON of nested values (lists, structs, maps), BigInt as numbers. */
function jsonText(v: unknown): string {
  const plain = (v as { toJSON?: () => unknown }).toJSON ? (v as { toJSON: () => unknown }).toJSON() : v;
  return JSON.stringify(plain, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) ?? String(v);
}

/** One Arrow value of the given type as a cell. */
export function cellOf(v: unknown, type: { typeId: number; scale?: number }): SqlCell {
  if (v === null || v === undefined) return null;
  if (type.typeId === DECIMAL && typeof v === 'object') return decimalText(wordsToBigInt(v as ArrayLike<number>), type.scale ?? 0);
  if (type.typeId === DATE && (typeof v === 'number' || v instanceof Date)) return dateText(Number(v), false);
  if (type.typeId === TIMESTAMP && (typeof v === 'number' || typeof v === 'bigint')) return dateText(Number(v), true);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateText(v.getTime(), true);
  if (v instanceof Uint8Array) return `\\x${[...v].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  return jsonText(v);
}

/** Read at most `maxRows` rows of Arrow record batches (one result, in order) into a SqlResult. */
export function arrowBatchesToSqlResult(schema: ArrowSchemaLike, batches: readonly ArrowBatchLike[], maxRows: number): SqlResult {
  const fields = schema.fields;
  const rows: SqlCell[][] = [];
  let total = 0;
  for (const batch of batches) {
    total += batch.numRows;
    const n = Math.min(batch.numRows, Math.max(0, maxRows - rows.length));
    if (n === 0) continue;
    const cols = fields.map((_f, i) => batch.getChildAt(i));
    for (let r = 0; r < n; r++) rows.push(fields.map((f, i) => cellOf(cols[i]?.get(r), f.type)));
  }
  return { columns: fields.map((f) => f.name), rows, totalRows: total };
}

/** Read at most `maxRows` rows of an Arrow table into a SqlResult. */
export function arrowToSqlResult(table: ArrowTableLike, maxRows: number): SqlResult {
  return arrowBatchesToSqlResult(table.schema, [table], maxRows);
}
