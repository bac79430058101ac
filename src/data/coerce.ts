/**
 * Turning raw records (strings from CSV/XLSX, JSON values from GeoJSON) into
 * typed layer rows, with a message (catalogue key) per bad cell.
 */
import { m, type Message } from '../i18n';
import type { IssueColumn, RowIssue } from './issues';
import { LAYERS, enumKey, enumLabel, fieldKey, type FieldDef, type LayerId, type LayerRows } from './schema';

export interface RawRecord {
  /** row number to report (spreadsheet row or feature number) */
  row: number;
  /** values keyed by schema field name */
  values: Record<string, unknown>;
}

export interface CoerceResult<L extends LayerId> {
  rows: LayerRows[L];
  issues: RowIssue[];
  /** raw records that were rejected, for a download of the bad rows */
  rejected: RawRecord[];
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', '需要', '应配建', '√', '有']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', '不需要', '无', '×', '']);

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Parse a number written the way Chinese spreadsheets write them ("1,234", "５６", "360个"). */
export function parseNumberCell(v: unknown): number {
  if (typeof v === 'number') return v;
  // fast path for plain decimals ("12", "-3.5"): same result as the general path below
  if (typeof v === 'string' && PLAIN_DECIMAL.test(v)) return Number(v);
  let s = String(v).trim();
  s = s.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(/[,，\s]/g, '').replace(/(个|人|户|班|㎡|平方米|m2|万元)$/u, '');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

// The message of the last coerceCell failure (undefined = success): a module variable rather than a
// { value, error } object per cell, so a million-row import does not allocate ten million objects.
let cellError: Message | undefined;

function fail(message: Message): null {
  cellError = message;
  return null;
}

/** Chinese labels of an enum field's values (accepted on import), by label. */
const zhEnumValues = new Map<string, Map<string, string>>();
function enumOfZh(layer: LayerId, fd: FieldDef): Map<string, string> {
  const k = `${layer}.${fd.name}`;
  let map = zhEnumValues.get(k);
  if (!map) zhEnumValues.set(k, (map = new Map((fd.values ?? []).map((v) => [enumLabel('zh', layer, fd.name, v), v]))));
  return map;
}

function coerceCell(layer: LayerId, fd: FieldDef, v: unknown): unknown {
  cellError = undefined;
  const field = (): Message => m(fieldKey(layer, fd.name));
  if (isBlank(v)) {
    if (fd.required) return fail(m('data.cell.required', { field: field() }));
    return null;
  }
  switch (fd.type) {
    case 'number':
    case 'integer': {
      const n = parseNumberCell(v);
      if (!Number.isFinite(n)) return fail(m('data.cell.notNumber', { value: String(v), field: field() }));
      if (fd.type === 'integer' && !Number.isInteger(n)) return fail(m('data.cell.notInteger', { value: String(v), field: field() }));
      if (fd.min !== undefined && n < fd.min) return fail(m('data.cell.belowMin', { field: field(), value: n, min: fd.min }));
      if (fd.max !== undefined && n > fd.max) return fail(m('data.cell.aboveMax', { field: field(), value: n, max: fd.max }));
      return n;
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const s = String(v).trim().toLowerCase();
      if (TRUE_WORDS.has(s)) return true;
      if (FALSE_WORDS.has(s)) return false;
      return fail(m('data.cell.notBoolean', { value: String(v), field: field() }));
    }
    case 'enum': {
      const s = String(v).trim();
      const values = fd.values ?? [];
      if (values.includes(s)) return s;
      const fromZh = enumOfZh(layer, fd).get(s);
      if (fromZh !== undefined) return fromZh;
      return fail(m('data.cell.notEnum', { value: s, field: field(), allowed: values.map((x) => m(enumKey(layer, fd.name, x))) }));
    }
    case 'date': {
      const s = String(v).trim().replace(/[年月/.]/g, '-').replace(/日$/, '');
      const ymd = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
      if (!ymd) return fail(m('data.cell.notDate', { value: String(v), field: field() }));
      const iso = `${ymd[1]}-${ymd[2].padStart(2, '0')}-${(ymd[3] ?? '1').padStart(2, '0')}`;
      // a real calendar day (2025-13-45 and 2025-02-29 are not)
      const d = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return fail(m('data.cell.noSuchDate', { value: String(v), field: field() }));
      return iso;
    }
    case 'geometry':
      return typeof v === 'string' ? v : JSON.stringify(v);
    default:
      return String(v).trim();
  }
}

/**
 * Coerce raw records into rows of `layer`. A record with any error is rejected
 * whole; duplicate keys are rejected after the first. `columnLabel` maps a field
 * name to the header the user's file had, so messages name their column.
 */
export function coerceRecords<L extends LayerId>(
  layer: L,
  records: RawRecord[],
  file: string,
  columnLabel: (field: string) => IssueColumn = (x) => x,
): CoerceResult<L> {
  const def = LAYERS[layer];
  const rows: Record<string, unknown>[] = [];
  const issues: RowIssue[] = [];
  const rejected: RawRecord[] = [];
  const seen = new Map<string, number>();
  for (const rec of records) {
    const out: Record<string, unknown> = {};
    let bad = false;
    for (const fd of def.fields) {
      const value = coerceCell(layer, fd, rec.values[fd.name]);
      const error = cellError;
      if (error) {
        bad = true;
        issues.push({ file, row: rec.row, column: columnLabel(fd.name), message: error, severity: 'error' });
      }
      out[fd.name] = value;
    }
    if (!bad) {
      const key = String(out[def.key]);
      const first = seen.get(key);
      if (first !== undefined) {
        bad = true;
        issues.push({
          file,
          row: rec.row,
          column: columnLabel(def.key),
          message: m('data.cell.duplicateKey', { key, first }),
          severity: 'error',
        });
      } else seen.set(key, rec.row);
    }
    if (bad) rejected.push(rec);
    else rows.push(out);
  }
  return { rows: rows as unknown as LayerRows[L], issues, rejected };
}
