/** XLSX/XLS/ODS bytes → one Sheet per worksheet, via SheetJS. Cell values are used raw (formulas never evaluated). */
import * as XLSX from '@e965/xlsx';
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

function sheetOf(ws: XLSX.WorkSheet, name: string): { sheet: Sheet; titleRows: number } {
  const ref = ws['!ref'];
  if (!ref) return { sheet: { name, headers: [], rows: [], rowNumbers: [] }, titleRows: 0 };
  const range = XLSX.utils.decode_range(ref);
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
  return { sheet: { name, headers, rows, rowNumbers }, titleRows: head };
}

/** Read a workbook; every worksheet becomes a Sheet (the first one is the default). */
export function readXlsx(file: InputFile): ParsedFile {
  const { name, bytes } = file;
  if (bytes.length === 0) return fatalFile(name, 'xlsx', `文件“${name}”是空文件`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCfb = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  if (/\.xlsx$|\.xlsm$/i.test(name) && !isZip && !isCfb) {
    return fatalFile(name, 'xlsx', `文件“${name}”不是有效的 XLSX 文件（文件头不对，可能已损坏或是改了扩展名的其他文件）`);
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: true, cellFormula: false, cellHTML: false, cellNF: false, cellStyles: false, sheetStubs: false });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(msg)) return fatalFile(name, 'xlsx', `文件“${name}”有密码保护，请在 Excel 中取消密码后再导入`);
    return fatalFile(name, 'xlsx', `文件“${name}”无法读取：表格文件已损坏或被截断（${msg.slice(0, 80)}）`);
  }
  const issues = [];
  const sheets: Sheet[] = [];
  for (const sn of wb.SheetNames) {
    const ws = wb.Sheets[sn];
    if (!ws) continue;
    const { sheet, titleRows } = sheetOf(ws, sn);
    sheets.push(sheet);
    if (titleRows > 0) issues.push(fileIssue(name, `工作表“${sn}”前 ${titleRows} 行看起来是标题，已从其后读取表头`, 'warning'));
  }
  if (sheets.length === 0) return fatalFile(name, 'xlsx', `文件“${name}”中没有工作表`);
  const first = sheets[0];
  if (first.headers.length === 0) issues.push(fileIssue(name, `工作表“${first.name}”是空的`));
  else if (first.rows.length === 0) issues.push(fileIssue(name, `工作表“${first.name}”只有表头，没有数据行`));
  return { fileName: name, kind: 'xlsx', sheets, issues, fatal: sheets.every((s) => s.rows.length === 0) };
}
