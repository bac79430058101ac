/** XLSX/XLS/ODS bytes → one Sheet per worksheet, via SheetJS. Cell values are used raw (formulas never evaluated). */
import * as XLSX from '@e965/xlsx';
import { m, type Message } from '../../i18n';
import { sheetTooLarge } from './limit-messages';
import { MAX_SHEET_CELLS } from './limits';
import { odsRepeatProblem } from './ods-check';
import { scanZip, zipLimitProblem } from './zip-check';
import { cleanHeaders, fatalFile, fileIssue, findHeaderRow, type InputFile, type ParsedFile, type Sheet } from './types';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function cellValue(v: unknown): unknown {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const d = `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
    return v.getHours() || v.getMinutes() || v.getSeconds() ? `${d} ${pad(v.getHours())}:${pad(v.getMinutes())}` : d;
  }
  return v === undefined ? null : v;
}

function area(r: XLSX.Range): number {
  return Math.max(0, r.e.r - r.s.r + 1) * Math.max(0, r.e.c - r.s.c + 1);
}

/** The range the cells really present span (the declared `<dimension>` may claim A1:XFD1048576). */
function usedRange(ws: XLSX.WorkSheet): XLSX.Range | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const key in ws) {
    if (key.charCodeAt(0) === 33) continue; // '!ref', '!merges', …
    const { r, c } = XLSX.utils.decode_cell(key);
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  return r1 < 0 ? null : { s: { r: r0, c: c0 }, e: { r: r1, c: c1 } };
}

type SheetRead = { sheet: Sheet; titleRows: number; clipped?: Message } | { fatal: Message };

/**
 * A worksheet → Sheet. A declared range far larger than the cap is first clipped
 * to the cells present (sheet_to_json would walk every declared cell: a 2 KB file
 * declaring A1:XFD1048576 hung the tab); still too large, it is refused.
 */
function sheetOf(ws: XLSX.WorkSheet, name: string, fileName: string): SheetRead {
  const ref = ws['!ref'];
  if (!ref) return { sheet: { name, headers: [], rows: [], rowNumbers: [] }, titleRows: 0 };
  let range = XLSX.utils.decode_range(ref);
  let clipped: Message | undefined;
  if (area(range) > MAX_SHEET_CELLS) {
    const used = usedRange(ws);
    if (!used) return { sheet: { name, headers: [], rows: [], rowNumbers: [] }, titleRows: 0 };
    const usedRef = XLSX.utils.encode_range(used);
    if (area(used) > MAX_SHEET_CELLS) return { fatal: sheetTooLarge(fileName, name, usedRef, area(used)) };
    clipped = m('data.xlsx.clipped', { sheet: name, ref, used: usedRef });
    ws['!ref'] = usedRef;
    range = used;
  }
  const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  const head = findHeaderRow(aoa);
  if (head < 0) return { sheet: { name, headers: [], rows: [], rowNumbers: [] }, titleRows: 0 };
  const headers = cleanHeaders(aoa[head]);
  const rows: unknown[][] = [];
  const rowNumbers: number[] = [];
  for (let i = head + 1; i < aoa.length; i++) {
    const r = aoa[i];
    if (!r || r.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) continue;
    rows.push(r.map(cellValue));
    rowNumbers.push(range.s.r + i + 1);
  }
  return { sheet: { name, headers, rows, rowNumbers }, titleRows: head, clipped };
}

/** Read a workbook; every worksheet becomes a Sheet (the first one is the default). */
export function readXlsx(file: InputFile): ParsedFile {
  const { name, bytes } = file;
  if (bytes.length === 0) return fatalFile(name, 'xlsx', m('data.file.empty', { name }));
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCfb = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  if (/\.xlsx$|\.xlsm$/i.test(name) && !isZip && !isCfb) {
    return fatalFile(name, 'xlsx', m('data.xlsx.badHeader', { name }));
  }
  // an XLSX is a ZIP: its declared sizes are capped before SheetJS inflates anything
  const over = isZip ? zipLimitProblem('file', name, bytes) : null;
  if (over) return fatalFile(name, 'xlsx', over);
  // only ODS can multiply cells by attribute; the check inflates content.xml, so only for those
  const scan = isZip ? scanZip(bytes) : null;
  const maybeOds = scan ? 'entries' in scan && scan.entries.some((e) => e.name === 'content.xml') : true;
  const repeats = maybeOds ? odsRepeatProblem(name, bytes) : null;
  if (repeats) return fatalFile(name, 'xlsx', repeats);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: true, cellFormula: false, cellHTML: false, cellNF: false, cellStyles: false, sheetStubs: false });
  } catch (e) {
    const text = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(text)) return fatalFile(name, 'xlsx', m('data.xlsx.password', { name }));
    return fatalFile(name, 'xlsx', m('data.xlsx.damaged', { name, error: text.slice(0, 80) }));
  }
  const issues = [];
  const sheets: Sheet[] = [];
  for (const sn of wb.SheetNames) {
    const ws = wb.Sheets[sn];
    if (!ws) continue;
    const read = sheetOf(ws, sn, name);
    if ('fatal' in read) return fatalFile(name, 'xlsx', read.fatal);
    const { sheet, titleRows, clipped } = read;
    sheets.push(sheet);
    if (clipped) issues.push(fileIssue(name, clipped, 'warning'));
    if (titleRows > 0) issues.push(fileIssue(name, m('data.xlsx.titleRows', { sheet: sn, count: titleRows }), 'warning'));
  }
  if (sheets.length === 0) return fatalFile(name, 'xlsx', m('data.xlsx.noSheets', { name }));
  const first = sheets[0];
  if (first.headers.length === 0) issues.push(fileIssue(name, m('data.xlsx.sheetEmpty', { sheet: first.name })));
  else if (first.rows.length === 0) issues.push(fileIssue(name, m('data.xlsx.headerOnly', { sheet: first.name })));
  return { fileName: name, kind: 'xlsx', sheets, issues, fatal: sheets.every((s) => s.rows.length === 0) };
}
