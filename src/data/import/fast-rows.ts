/**
 * The fast path of buildImport: quote-free CSV lines (Sheet.lazy) into a layer
 * whose imported fields are text or numbers (the population grid).
 * Each line is scanned once, plain decimals are parsed from the characters, and the
 * values go straight into LayerColumns — no cell arrays, value records or row
 * objects per row, which is what made a 1,000,000-row import slow (garbage collection).
 *
 * It works a chunk of rows at a time and only accepts a chunk when the general path
 * (record → coerceRecords in build-import.ts) would load every row of it unchanged
 * with no message: the same values, the same flags. Anything else — a bad or blank
 * required cell, an odd number format it does not parse itself, a duplicate or known
 * key, a row outside China, a short or long row — sends the whole chunk to the general
 * path, which writes the messages. Being conservative costs speed, never behaviour.
 */
import type { Message } from '../../i18n';
import { parseNumberCell } from '../coerce';
import { CHINA_BBOX, inBbox, type Bbox } from '../coords/area';
import type { FieldMapping } from '../field-mapping';
import { LAYERS, type FieldDef, type LayerId } from '../schema';
import { cellNumber, decimalsOf } from './coords-stage';
import type { KeySet } from './key-set';
import type { LayerColumns } from './layer-columns';
import { unescapeCsvCell, type Sheet } from './types';

/** Flag bits per row of a chunk (applied by the caller in row order, like the general path). */
export const FLAG_OUTSIDE_AREA = 1;
export const FLAG_ROUNDED = 2;

const FAIL = Symbol('fail');
type Coerced = number | string | null | typeof FAIL;

const SLOT_NONE = -1;
const SLOT_X = -2;
const SLOT_Y = -3;

/** 10^k, exact as doubles for k ≤ 22. */
const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

/**
 * The cell of `line` starting at `s`, when it is written as a plain decimal
 * (-?\d+(\.\d+)?) with at most 15 digits and ends at the delimiter `dch` or at `n`:
 * its number, read from the characters in one pass; NaN for anything else. Exact:
 * m / 10^k with m < 2^53 and k ≤ 22 is the correctly rounded value — the same double
 * Number(text) gives. Sets `scanEnd` (where it stopped: the delimiter or `n` on success)
 * and `plainDecimals` (what decimalsOf() says for the cell).
 */
let scanEnd = 0;
let plainDecimals = 0;
function scanPlain(line: string, s: number, n: number, dch: number): number {
  let i = s;
  let c = i < n ? line.charCodeAt(i) : -1;
  const neg = c === 45;
  if (neg) c = ++i < n ? line.charCodeAt(i) : -1;
  let m = 0;
  let digits = 0;
  while (c >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    digits++;
    c = ++i < n ? line.charCodeAt(i) : -1;
  }
  let k = 0;
  let lastNonZero = 0;
  if (digits > 0 && c === 46) {
    c = ++i < n ? line.charCodeAt(i) : -1;
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      k++;
      if (c !== 48) lastNonZero = k;
      c = ++i < n ? line.charCodeAt(i) : -1;
    }
    if (k === 0) digits = 0; // "12." is not plain
  }
  scanEnd = i;
  if (digits === 0 || (c !== -1 && c !== dch) || digits + k > 15) return Number.NaN;
  plainDecimals = lastNonZero;
  const v = k === 0 ? m : m / POW10[k];
  return neg ? -v : v;
}

/** The cell text as splitLine gives it (apostrophe escape undone). */
function cellAt(line: string, s: number, e: number): string {
  const c = line.slice(s, e);
  return c.charCodeAt(0) === 39 ? unescapeCsvCell(c) : c;
}

/** coerceCell (src/data/coerce.ts) for text and number fields, FAIL where it reports an error. */
function coerceSimple(fd: FieldDef, v: unknown): Coerced {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return fd.required ? FAIL : null;
  if (fd.type === 'number' || fd.type === 'integer') {
    const n = parseNumberCell(v);
    if (!Number.isFinite(n)) return FAIL;
    return numberOk(fd, n) ? n : FAIL;
  }
  return String(v).trim();
}

/** The integer / min / max checks of coerceCell for a finite number. */
function numberOk(fd: FieldDef, n: number): boolean {
  if (fd.type === 'integer' && !Number.isInteger(n)) return false;
  if (fd.min !== undefined && n < fd.min) return false;
  if (fd.max !== undefined && n > fd.max) return false;
  return true;
}

export interface FastRowsInput {
  layer: LayerId;
  sheet: Sheet;
  mapping: FieldMapping;
  /** defaults of unmapped fields, as buildImport filtered them */
  defaults: [string, unknown][];
  autoKey: boolean;
  /** lon/lat come from two mapped columns */
  useCols: boolean;
  /** coordinates are used as read (WGS84/CGCS2000, no swap) */
  identity: boolean;
  projected: boolean;
  convert: (x: number, y: number) => [number, number];
  /** reference box with its margin: rows outside are flagged */
  near: Bbox | null;
  existing: Set<string> | null;
}

/** What fastChunk needs, worked out once per import. */
export interface FastPlan {
  lines: string[];
  delimiter: string;
  width: number;
  rowNumbers: ArrayLike<number>;
  badRows: Map<number, Message> | undefined;
  fields: FieldDef[];
  /** per file column: field index, SLOT_X/SLOT_Y for the coordinates, SLOT_NONE */
  colSlot: Int32Array;
  /** per field: 0 = from a cell or the coordinates, 1 = constant, 2 = row number (autoKey) */
  source: Uint8Array;
  constants: (number | string | null)[];
  isNum: boolean[];
  lonField: number;
  latField: number;
  keyField: number;
  identity: boolean;
  projected: boolean;
  convert: (x: number, y: number) => [number, number];
  near: Bbox | null;
  existing: Set<string> | null;
  /** per field: integer required (1), lower and upper bounds (±Infinity when none) */
  isInt: Uint8Array;
  min: Float64Array;
  max: Float64Array;
  /** per text field: repeated values (街道代码) share one string; null once a column has too many distinct values */
  intern: (Map<string, string> | null)[];
}

/** Distinct values a text column may have and still be interned. */
const INTERN_MAX = 1024;

/** A plan for the fast path, or null when this import must take the general path. */
export function planFastRows(p: FastRowsInput): FastPlan | null {
  const { sheet } = p;
  const def = LAYERS[p.layer];
  // one-character delimiters that cannot be part of a number (the readers only find , tab ; |)
  if (!sheet.lazy || sheet.geometries || !p.useCols || sheet.lazy.delimiter.length !== 1 || /[\d.+\-eE\s]/.test(sheet.lazy.delimiter)) return null;
  if (def.fields.some((fd) => fd.type === 'geometry')) return null;
  const fields = def.fields;
  const width = sheet.headers.length;
  const colSlot = new Int32Array(width).fill(SLOT_NONE);
  const source = new Uint8Array(fields.length);
  const constants: (number | string | null)[] = fields.map(() => null);
  const isNum = fields.map((fd) => fd.type === 'number' || fd.type === 'integer');
  const simple = (fd: FieldDef): boolean => fd.type === 'string' || isNum[fields.indexOf(fd)];
  const useCol = (col: number, slot: number): boolean => {
    if (col < 0 || col >= width || colSlot[col] !== SLOT_NONE) return false; // one field per column
    colSlot[col] = slot;
    return true;
  };
  const keyField = fields.findIndex((fd) => fd.name === def.key);
  const lonField = fields.findIndex((fd) => fd.name === 'lon');
  const latField = fields.findIndex((fd) => fd.name === 'lat');
  if (keyField < 0 || fields[keyField].type !== 'string' || lonField < 0 || latField < 0) return null;
  if (!isNum[lonField] || !isNum[latField]) return null;
  if (!useCol(p.mapping.lon, SLOT_X) || !useCol(p.mapping.lat, SLOT_Y)) return null;
  for (let c = 0; c < fields.length; c++) {
    const fd = fields[c];
    if (c === lonField || c === latField) continue;
    const col = p.mapping[fd.name];
    const dflt = p.defaults.find(([k]) => k === fd.name);
    if (p.autoKey && c === keyField) source[c] = 2;
    else if (col !== undefined) {
      if (!simple(fd) || !useCol(col, c)) return null;
    } else if (dflt) {
      if (!simple(fd)) return null;
      const v = coerceSimple(fd, dflt[1]);
      if (v === FAIL) return null;
      source[c] = 1;
      constants[c] = v;
    } else {
      if (fd.required) return null; // every row would be rejected
      source[c] = 1;
    }
  }
  return {
    lines: sheet.lazy.lines,
    delimiter: sheet.lazy.delimiter,
    width,
    rowNumbers: sheet.rowNumbers,
    badRows: sheet.badRows,
    fields,
    colSlot,
    source,
    constants,
    isNum,
    lonField,
    latField,
    keyField,
    identity: p.identity,
    projected: p.projected,
    convert: p.convert,
    near: p.near,
    existing: p.existing,
    isInt: Uint8Array.from(fields, (fd) => (fd.type === 'integer' ? 1 : 0)),
    min: Float64Array.from(fields, (fd) => fd.min ?? -Infinity),
    max: Float64Array.from(fields, (fd) => fd.max ?? Infinity),
    intern: fields.map((_fd, c) => (isNum[c] || c === keyField ? null : new Map<string, string>())),
  };
}

/**
 * Rows [from, to) into `cols` at cols.length… (cols.length itself is not advanced),
 * their keys added to `seen`, their flags (FLAG_*) in `flags[i - from]`. Returns false
 * — with `cols` and `seen` as they were — when the chunk needs the general path.
 */
export function fastChunk(plan: FastPlan, cols: LayerColumns, seen: KeySet, from: number, to: number, flags: Uint8Array): boolean {
  const { lines, delimiter, width, colSlot, fields, source, constants, isNum, rowNumbers, badRows, keyField, lonField, latField, intern, isInt, min, max } = plan;
  const dch = delimiter.charCodeAt(0);
  const base = cols.length;
  const { num, bool, text } = cols;
  let added = 0;
  seen.reserve(to - from);
  const bail = (): false => {
    for (let c = 0; c < fields.length; c++) {
      const t = text[c];
      if (t && t.length > base) t.length = base;
    }
    seen.undo(added);
    return false;
  };
  for (let i = from; i < to; i++) {
    if (badRows && badRows.has(i)) return bail();
    const at = base + (i - from);
    const line = lines[i];
    const n = line.length;
    let x = Number.NaN;
    let y = Number.NaN;
    let dx = 0;
    let dy = 0;
    let s = 0;
    let j = 0;
    for (;;) {
      if (j >= width) return bail();
      const slot = colSlot[j];
      let e: number;
      if (slot >= 0 && isNum[slot]) {
        let v = scanPlain(line, s, n, dch);
        if (v === v) {
          e = scanEnd;
          if (v < min[slot] || v > max[slot] || (isInt[slot] === 1 && !Number.isInteger(v))) return bail();
        } else {
          e = line.indexOf(delimiter, scanEnd);
          if (e < 0) e = n;
          const cv = coerceSimple(fields[slot], cellAt(line, s, e));
          if (cv === FAIL) return bail();
          v = cv === null ? Number.NaN : (cv as number);
        }
        num[slot]![at] = v;
      } else if (slot === SLOT_X || slot === SLOT_Y) {
        let v = scanPlain(line, s, n, dch);
        let d = plainDecimals;
        if (v === v) e = scanEnd;
        else {
          e = line.indexOf(delimiter, scanEnd);
          if (e < 0) e = n;
          const cell = cellAt(line, s, e);
          v = cellNumber(cell);
          d = decimalsOf(cell);
        }
        if (slot === SLOT_X) {
          x = v;
          dx = d;
        } else {
          y = v;
          dy = d;
        }
      } else {
        e = line.indexOf(delimiter, s);
        if (e < 0) e = n;
        if (slot >= 0) {
          let t = cellAt(line, s, e).trim();
          if (t === '') {
            if (fields[slot].required) return bail();
            text[slot]![at] = null;
          } else {
            const m = intern[slot];
            if (m) {
              const known = m.get(t);
              if (known !== undefined) t = known;
              else if (m.size < INTERN_MAX) m.set(t, t);
              else intern[slot] = null;
            }
            text[slot]![at] = t;
          }
        }
      }
      j++;
      if (e >= n) break;
      s = e + 1;
    }
    if (j !== width) return bail();
    // coordinates: as record() in build-import.ts
    if (!Number.isFinite(x) || !Number.isFinite(y)) return bail();
    let lon = x;
    let lat = y;
    if (!plan.identity) [lon, lat] = plan.convert(x, y);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || !inBbox(CHINA_BBOX, lon, lat)) return bail();
    if (lon < min[lonField] || lon > max[lonField] || lat < min[latField] || lat > max[latField]) return bail();
    if ((isInt[lonField] === 1 && !Number.isInteger(lon)) || (isInt[latField] === 1 && !Number.isInteger(lat))) return bail();
    num[lonField]![at] = lon;
    num[latField]![at] = lat;
    let fl = 0;
    if (plan.near && !inBbox(plan.near, lon, lat)) fl |= FLAG_OUTSIDE_AREA;
    if (!plan.projected && dx <= 2 && dy <= 2) fl |= FLAG_ROUNDED;
    flags[i - from] = fl;
    // constant fields (defaults, unmapped = null) and the row-number key
    for (let c = 0; c < fields.length; c++) {
      const src = source[c];
      if (src === 0) continue;
      const v = src === 2 ? String(rowNumbers[i]) : constants[c];
      if (isNum[c]) num[c]![at] = v === null ? Number.NaN : (v as number);
      else if (bool[c]) bool[c]![at] = 2; // an unmapped yes/no field: null
      else text[c]![at] = v as string | null;
    }
    const key = text[keyField]![at];
    if (key === null || key === undefined) return bail();
    if (plan.existing && plan.existing.has(key)) return bail();
    if (!seen.add(key)) return bail();
    added++;
  }
  return true;
}
