/** CSV/TSV bytes → one Sheet: encoding detection, delimiter sniffing, broken-row detection. */
import Papa from 'papaparse';
import { decodeText } from './decode-text';
import { m, type Message } from '../../i18n';
import { tooManyRows } from './limit-messages';
import { MAX_ROWS } from './limits';
import { cleanHeaders, fatalFile, fileIssue, findHeaderRow, splitLine, unescapeCsvCell, type InputFile, type ParsedFile, type Sheet } from './types';

export { unescapeCsvCell };

const GUESS = [',', '\t', ';', '|'];

/** Papaparse result shape used here. */
interface Delimited {
  data: string[][];
  errors: { type: string; row?: number }[];
}

/** Parse delimited text with papaparse (quotes, embedded newlines). */
export function parseDelimited(text: string, delimiter?: string): Delimited {
  const res = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, delimitersToGuess: GUESS });
  return { data: res.data, errors: res.errors };
}

/** NUL…BS in text: binary data, not a table. */
function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) <= 8) return true;
  return false;
}

function isBlankRow(r: string[]): boolean {
  for (const c of r) if (c !== '' && c.trim() !== '') return false;
  return true;
}

function isBlankLine(l: string, delim: string): boolean {
  for (let i = 0; i < l.length; i++) {
    const ch = l[i];
    if (ch !== delim && ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  }
  return true;
}

/**
 * Lines of a text with any line ends. A file with CRLF everywhere (Excel, WPS) is split
 * on CRLF directly: splitting on LF and cutting every line's CR made each line twice.
 */
function splitLines(text: string): string[] {
  if (text.indexOf('\r') < 0) return text.split('\n');
  if (text.indexOf('\r\n') >= 0) {
    const all = text.split('\r\n');
    let clean = true;
    for (let i = 0; i < all.length && clean; i++) clean = all[i].indexOf('\n') < 0 && all[i].indexOf('\r') < 0;
    if (clean) return all;
  }
  return /\r(?!\n)/.test(text) ? text.split(/\r\n|\r|\n/) : text.split('\n'); // lone CRs, or mixed line ends
}

/**
 * Quote-free text (the common large export): lines are kept whole and split on
 * demand, several times faster and lighter than materialising every cell.
 */
function readFast(text: string, name: string, delimiter: string | undefined, issues: ParsedFile['issues']): Sheet | Message {
  const delim = delimiter ?? Papa.parse<string[]>(text.slice(0, 65536), { delimitersToGuess: GUESS, preview: 50 }).meta.delimiter ?? ',';
  const all = splitLines(text);
  const head20 = all.slice(0, 20).map((l) => splitLine(l.replace(/\r$/, ''), delim));
  const head = findHeaderRow(head20);
  if (head < 0) return m('data.csv.empty', { name });
  const headers = cleanHeaders(head20[head]);
  const lines: string[] = [];
  const rowNumbers: number[] = [];
  for (let i = head + 1; i < all.length; i++) {
    let l = all[i];
    if (l.charCodeAt(l.length - 1) === 13) l = l.slice(0, -1);
    if (isBlankLine(l, delim)) continue;
    lines.push(l);
    rowNumbers.push(i + 1);
  }
  const badRows = new Map<number, Message>();
  const last = lines.length - 1;
  if (last >= 0 && !/[\r\n]$/.test(text)) {
    const n = lines[last].split(delim).length;
    if (n < headers.length) badRows.set(last, m('data.csv.lastRowShort', { count: n, headers: headers.length }));
  }
  if (head > 0) issues.push(fileIssue(name, m('data.csv.titleRows', { count: head, row: head + 1 }), 'warning'));
  return { name: name.replace(/\.[^.]+$/, ''), headers, rows: [], lazy: { lines, delimiter: delim }, rowNumbers, badRows: badRows.size ? badRows : undefined };
}

/** Text with quotes: papaparse, every cell materialised. */
function readQuoted(text: string, name: string, delimiter: string | undefined, issues: ParsedFile['issues']): Sheet | Message {
  const res = parseDelimited(text, delimiter);
  const data = res.data;
  const head = findHeaderRow(data);
  if (head < 0) return m('data.csv.empty', { name });
  const headers = cleanHeaders(data[head]);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const badRows = new Map<number, Message>();
  const quoteErrors = new Set<number>();
  for (const e of res.errors) if (e.type === 'Quotes' && e.row !== undefined && e.row !== null) quoteErrors.add(e.row);
  const endsWithNewline = /[\r\n]$/.test(text);
  for (let i = head + 1; i < data.length; i++) {
    const r = data[i];
    if (isBlankRow(r)) continue;
    for (let c = 0; c < r.length; c++) if (r[c].charCodeAt(0) === 39) r[c] = unescapeCsvCell(r[c]);
    const idx = rows.length;
    rows.push(r);
    rowNumbers.push(i + 1);
    if (quoteErrors.has(i)) badRows.set(idx, m('data.csv.quotes'));
    else if (i === data.length - 1 && !endsWithNewline && r.length < headers.length) {
      badRows.set(idx, m('data.csv.lastRowShort', { count: r.length, headers: headers.length }));
    }
  }
  if (head > 0) issues.push(fileIssue(name, m('data.csv.titleRows', { count: head, row: head + 1 }), 'warning'));
  return { name: name.replace(/\.[^.]+$/, ''), headers, rows, rowNumbers, badRows: badRows.size ? badRows : undefined };
}

/** Line breaks in a text, counting stops once past `stop` (a cheap guard before splitting millions of lines). */
function countLines(text: string, stop: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && n <= stop; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Read a delimited text file. Rows are numbered as a spreadsheet shows them (header = its row). */
export function readCsv(file: InputFile): ParsedFile {
  const { name, bytes } = file;
  if (bytes.length === 0) return fatalFile(name, 'csv', m('data.file.empty', { name }));
  const dec = decodeText(bytes);
  const issues = dec.warning ? [fileIssue(name, dec.warning, 'warning')] : [];
  if (dec.hasNul && hasControlChars(dec.text.slice(0, 2000))) {
    return fatalFile(name, 'csv', m('data.csv.notText', { name }), { encoding: dec.encoding });
  }
  // refuse before splitting: a few hundred MB of one-character lines would be hundreds of millions of strings
  const lineStop = MAX_ROWS + 10_000;
  if (countLines(dec.text, lineStop) > lineStop) return fatalFile(name, 'csv', tooManyRows(name, lineStop, 'moreRows'), { encoding: dec.encoding });
  const delimiter = /\.tsv$/i.test(name) ? '\t' : undefined;
  const sheet = dec.text.indexOf('"') < 0 ? readFast(dec.text, name, delimiter, issues) : readQuoted(dec.text, name, delimiter, issues);
  if (!('headers' in sheet)) return fatalFile(name, 'csv', sheet, { encoding: dec.encoding, issues: [...issues, fileIssue(name, sheet)] });
  const n = sheet.lazy ? sheet.lazy.lines.length : sheet.rows.length;
  if (n > MAX_ROWS) return fatalFile(name, 'csv', tooManyRows(name, n), { encoding: dec.encoding });
  if (n === 0) issues.push(fileIssue(name, m('data.csv.headerOnly', { name })));
  return { fileName: name, kind: 'csv', sheets: [sheet], encoding: dec.encoding, issues, fatal: n === 0 };
}
