/**
 * Turning raw records (strings from CSV/XLSX, JSON values from GeoJSON) into
 * typed layer rows, with a Chinese message per bad cell.
 */
import type { RowIssue } from './issues';
import { LAYERS, type FieldDef, type LayerId, type LayerRows } from './schema';

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
let cellError: string | undefined;

function fail(message: string): null {
  cellError = message;
  return null;
}

function coerceCell(fd: FieldDef, v: unknown): unknown {
  cellError = undefined;
  if (isBlank(v)) {
    if (fd.required) return fail(`必填字段“${fd.zh}”为空`);
    return null;
  }
  switch (fd.type) {
    case 'number':
    case 'integer': {
      const n = parseNumberCell(v);
      if (!Number.isFinite(n)) return fail(`“${String(v)}”不是数字（${fd.zh}）`);
      if (fd.type === 'integer' && !Number.isInteger(n)) return fail(`“${String(v)}”应为整数（${fd.zh}）`);
      if (fd.min !== undefined && n < fd.min) return fail(`${fd.zh} ${n} 小于允许的最小值 ${fd.min}`);
      if (fd.max !== undefined && n > fd.max) return fail(`${fd.zh} ${n} 大于允许的最大值 ${fd.max}`);
      return n;
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const s = String(v).trim().toLowerCase();
      if (TRUE_WORDS.has(s)) return true;
      if (FALSE_WORDS.has(s)) return false;
      return fail(`“${String(v)}”应为 是/否（${fd.zh}）`);
    }
    case 'enum': {
      const s = String(v).trim();
      const values = fd.values ?? [];
      if (values.includes(s)) return s;
      const zi = fd.valuesZh?.indexOf(s) ?? -1;
      if (zi >= 0) return values[zi];
      const allowed = (fd.valuesZh ?? values).join('、');
      return fail(`“${s}”不是有效的${fd.zh}（可选：${allowed}）`);
    }
    case 'date': {
      const s = String(v).trim().replace(/[年月/.]/g, '-').replace(/日$/, '');
      const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
      if (!m) return fail(`“${String(v)}”不是日期（${fd.zh}，如 2026-03-01）`);
      const iso = `${m[1]}-${m[2].padStart(2, '0')}-${(m[3] ?? '1').padStart(2, '0')}`;
      // a real calendar day (2025-13-45 and 2025-02-29 are not)
      const d = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return fail(`“${String(v)}”不是存在的日期（${fd.zh}）`);
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
  columnLabel: (field: string) => string = (x) => x,
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
      const value = coerceCell(fd, rec.values[fd.name]);
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
          message: `编号“${key}”重复（与第 ${first} 行相同）`,
          severity: 'error',
        });
      } else seen.set(key, rec.row);
    }
    if (bad) rejected.push(rec);
    else rows.push(out);
  }
  return { rows: rows as unknown as LayerRows[L], issues, rejected };
}
