/** Shapes shared by the file readers and buildImport. */
import type { Message } from '../../i18n';
import type { RowIssue } from '../issues';

/** A file as bytes: what the browser's File or Node's readFile gives. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A file as sent to the import worker: bytes, or the browser's File (a Blob) — read
 * in the worker, so the page neither reads nor copies a large file.
 */
export type SourceFile = InputFile | { name: string; blob: Blob };

/** The bytes of a SourceFile. */
export async function inputFileOf(f: SourceFile): Promise<InputFile> {
  return 'bytes' in f ? f : { name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) };
}

export type SourceKind = 'csv' | 'xlsx' | 'geojson' | 'shapefile' | 'kml' | 'unknown';

/** A GeoJSON geometry as read from the file (coordinates in the file's CRS). */
export interface SourceGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: SourceGeometry[];
}

/** One table of a file: a CSV, an XLSX worksheet, or the features of a layer (properties as columns). */
export interface Sheet {
  name: string;
  headers: string[];
  /** data rows; cells are strings (CSV), numbers/strings/booleans (XLSX, GeoJSON) or null. Empty when `lazy` is set: use sheetRow() */
  rows: unknown[][];
  /** large quote-free CSV: one string per data row, split on demand (keeps millions of cells off the heap) */
  lazy?: { lines: string[]; delimiter: string };
  /** row number shown to the user for each row (spreadsheet row, or feature number) */
  rowNumbers: ArrayLike<number>;
  /** per-row geometry for feature sources (GeoJSON, shapefile, KML) */
  geometries?: (SourceGeometry | null)[];
  /** rows the reader already knows are broken (index into rows → reason) */
  badRows?: Map<number, Message>;
  /** CRS text for this sheet (a shapefile layer's .prj) */
  prj?: string;
}

/** Result of readTabular: what a file holds, before any mapping to a layer. */
export interface ParsedFile {
  fileName: string;
  kind: SourceKind;
  sheets: Sheet[];
  /** detected text encoding (CSV, KML, DBF) */
  encoding?: string;
  /** CRS text from a .prj or a GeoJSON "crs" member */
  prj?: string;
  /** file-level problems (row 0) and reader warnings */
  issues: RowIssue[];
  /** true when nothing usable could be read */
  fatal: boolean;
}

const FORMULA_ESCAPED = /^'+[=+\-@\t\r]/;

/** Undo the apostrophe our CSV export puts before formula-looking text (one apostrophe per cell). */
export function unescapeCsvCell(s: string): string {
  return s.charCodeAt(0) === 39 && FORMULA_ESCAPED.test(s) ? s.slice(1) : s;
}

/** Split a quote-free CSV line into cells (apostrophe escapes undone). */
export function splitLine(line: string, delimiter: string): string[] {
  const cells = line.split(delimiter);
  for (let c = 0; c < cells.length; c++) if (cells[c].charCodeAt(0) === 39) cells[c] = unescapeCsvCell(cells[c]);
  return cells;
}

/** Number of data rows of a sheet. */
export function sheetRowCount(s: Sheet): number {
  return s.lazy ? s.lazy.lines.length : s.rows.length;
}

/** Cells of data row `i`. */
export function sheetRow(s: Sheet, i: number): unknown[] {
  return s.lazy ? splitLine(s.lazy.lines[i], s.lazy.delimiter) : s.rows[i];
}

/** The first `n` rows (for previews). */
export function sheetHead(s: Sheet, n: number): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < Math.min(n, sheetRowCount(s)); i++) out.push(sheetRow(s, i));
  return out;
}

/** A file-level error issue. */
export function fileIssue(file: string, message: Message, severity: 'error' | 'warning' = 'error', row = 0, column = ''): RowIssue {
  return { file, row, column, message, severity };
}

/** A ParsedFile that failed as a whole. */
export function fatalFile(fileName: string, kind: SourceKind, message: Message, extra: Partial<ParsedFile> = {}): ParsedFile {
  return { fileName, kind, sheets: [], issues: [fileIssue(fileName, message)], fatal: true, ...extra };
}

/** Index of the header row among the first rows: skips title rows with a single filled cell. */
export function findHeaderRow(rows: unknown[][], scan = 20): number {
  const filled = (r: unknown[] | undefined): number => (r ?? []).filter((c) => c !== null && c !== undefined && String(c).trim() !== '').length;
  const n = Math.min(rows.length, scan);
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, filled(rows[i]));
  if (max === 0) return -1;
  const need = Math.max(Math.min(2, max), Math.ceil(max * 0.6));
  for (let i = 0; i < n; i++) if (filled(rows[i]) >= need) return i;
  return 0;
}

/** Header cells as unique, trimmed strings ('' → 列N, duplicates get a suffix). */
export function cleanHeaders(cells: unknown[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    let h = c === null || c === undefined ? '' : String(c).replace(/^\uFEFF/, '').trim();
    if (h === '') h = `列${i + 1}`;
    const k = seen.get(h) ?? 0;
    seen.set(h, k + 1);
    return k === 0 ? h : `${h}_${k + 1}`;
  });
}
