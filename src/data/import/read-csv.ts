/** CSV/TSV bytes → one Sheet: encoding detection, delimiter sniffing, broken-row detection. */
import Papa from 'papaparse';
import { decodeText } from './decode-text';
import { cleanHeaders, fatalFile, fileIssue, findHeaderRow, type InputFile, type ParsedFile } from './types';

const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;

/** Undo the apostrophe our CSV export puts before formula-looking text. */
export function unescapeCsvCell(s: string): string {
  return s.charCodeAt(0) === 39 && FORMULA_ESCAPED.test(s) ? s.slice(1) : s;
}

const GUESS = [',', '\t', ';', '|'];

/**
 * Parse delimited text. Text without any double quote (the common large export)
 * is split directly — several times faster than the general parser, same result;
 * anything quoted goes through papaparse.
 */
export function parseDelimited(text: string, delimiter?: string): { data: string[][]; errors: { type: string; row?: number }[] } {
  if (text.indexOf('"') >= 0) {
    const res = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, delimitersToGuess: GUESS });
    return { data: res.data, errors: res.errors };
  }
  const delim = delimiter ?? Papa.parse<string[]>(text.slice(0, 65536), { delimitersToGuess: GUESS, preview: 50 }).meta.delimiter ?? ',';
  const lines = /\r(?!\n)/.test(text) ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const data: string[][] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    data[i] = (l.charCodeAt(l.length - 1) === 13 ? l.slice(0, -1) : l).split(delim);
  }
  if (data.length > 0 && data[data.length - 1].length === 1 && data[data.length - 1][0] === '') data.pop();
  return { data, errors: [] };
}

function isBlankRow(r: string[]): boolean {
  for (const c of r) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/** Read a delimited text file. Rows are numbered as a spreadsheet shows them (header = its row). */
export function readCsv(file: InputFile): ParsedFile {
  const { name, bytes } = file;
  if (bytes.length === 0) return fatalFile(name, 'csv', `文件“${name}”是空文件`);
  const dec = decodeText(bytes);
  const issues = dec.warningZh ? [fileIssue(name, dec.warningZh, 'warning')] : [];
  if (dec.text.includes('\u0000') && /[\u0000-\u0008]/.test(dec.text.slice(0, 2000))) {
    return fatalFile(name, 'csv', `文件“${name}”不是文本（CSV）文件，可能是损坏的表格或其他格式`, { encoding: dec.encoding });
  }
  const text = dec.text;
  const res = parseDelimited(text, /\.tsv$/i.test(name) ? '\t' : undefined);
  const data = res.data;
  const head = findHeaderRow(data);
  if (head < 0) return fatalFile(name, 'csv', `文件“${name}”没有内容（只有空行）`, { encoding: dec.encoding, issues: [...issues, fileIssue(name, `文件“${name}”没有内容（只有空行）`)] });
  const headers = cleanHeaders(data[head]);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const badRows = new Map<number, string>();
  const errorsByRow = new Map<number, string>();
  for (const e of res.errors) {
    if (e.row === undefined || e.row === null) continue;
    if (e.type === 'Quotes') errorsByRow.set(e.row, '引号不配对（某个单元格以 " 开始却没有结束），文件可能被截断或格式错误');
  }
  const endsWithNewline = /[\r\n]$/.test(text);
  for (let i = head + 1; i < data.length; i++) {
    const r = data[i];
    if (isBlankRow(r)) continue;
    for (let c = 0; c < r.length; c++) if (r[c].charCodeAt(0) === 39) r[c] = unescapeCsvCell(r[c]);
    const idx = rows.length;
    rows.push(r);
    rowNumbers.push(i + 1);
    const quoteErr = errorsByRow.get(i);
    if (quoteErr) badRows.set(idx, quoteErr);
    else if (r.length > headers.length && r.slice(headers.length).some((c) => c.trim() !== '')) {
      badRows.set(idx, `该行有 ${r.length} 列，比表头多 ${r.length - headers.length} 列（可能有未加引号的逗号）`);
    } else if (i === data.length - 1 && !endsWithNewline && r.length < headers.length) {
      badRows.set(idx, `最后一行不完整（只有 ${r.length} 列，表头有 ${headers.length} 列），文件可能被截断`);
    }
  }
  if (rows.length === 0) issues.push(fileIssue(name, `文件“${name}”只有表头，没有数据行`));
  if (head > 0) issues.push(fileIssue(name, `前 ${head} 行看起来是标题，已从第 ${head + 1} 行读取表头`, 'warning'));
  return {
    fileName: name,
    kind: 'csv',
    sheets: [{ name: name.replace(/\.[^.]+$/, ''), headers, rows, rowNumbers, badRows: badRows.size ? badRows : undefined }],
    encoding: dec.encoding,
    issues,
    fatal: rows.length === 0,
  };
}
