/** Refusals for the caps in limits.ts (catalogue messages); each names the file and the cap. */
import { m, type Message, type MessageKey } from '../../i18n';
import { MAX_FILE_BYTES, MAX_KML_BYTES, MAX_ROWS, MAX_SHEET_CELLS, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, MAX_ZIP_UNCOMPRESSED } from './limits';

/** Bytes as the user reads them: 405 KB, 400.0 MB, 1.5 GB. */
export function sizeText(bytes: number): string {
  if (bytes < 1 << 20) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1 << 30) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  return `${(bytes / (1 << 30)).toFixed(1)} GB`;
}

/** 12,345 — counts with thousands separators. */
export function countText(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** What a ZIP is called in a message: “ZIP 文件”, “KMZ 文件”, “工作簿”, “文件”. */
export type ZipLabel = 'zip' | 'kmz' | 'workbook' | 'file';
export const zipLabel = (label: ZipLabel): Message => m(`data.zip.label.${label}` as MessageKey);

/** The file itself is larger than MAX_FILE_BYTES. */
export function fileTooLarge(name: string, bytes: number): Message {
  return m('data.limit.fileTooLarge', { name, size: sizeText(bytes), max: sizeText(MAX_FILE_BYTES) });
}

/** What is counted in tooManyRows. */
export type RowsWhat = 'rows' | 'moreRows' | 'features' | 'placemarks';

/** More data rows (or features) than MAX_ROWS; `what` names them (a shapefile's layer is named with rowsOfLayer). */
export function tooManyRows(name: string, rows: number, what: RowsWhat | Message = 'rows'): Message {
  const w = typeof what === 'string' ? m(`data.limit.what.${what}` as MessageKey) : what;
  return m('data.limit.tooManyRows', { name, count: countText(rows), what: w, max: countText(MAX_ROWS) });
}

/** A ZIP (XLSX, KMZ, zipped shapefile) whose central directory exceeds a cap. */
export function zipLimit(label: ZipLabel, name: string, entries: number, total: number): Message | null {
  if (entries > MAX_ZIP_ENTRIES) return m('data.limit.zipEntries', { label: zipLabel(label), name, count: countText(entries), max: countText(MAX_ZIP_ENTRIES) });
  if (total > MAX_ZIP_UNCOMPRESSED) return m('data.limit.zipSize', { label: zipLabel(label), name, size: sizeText(total), max: sizeText(MAX_ZIP_UNCOMPRESSED) });
  return null;
}

/** A ZIP that expands far more than real data does: a decompression bomb. */
export function zipRatio(label: ZipLabel, name: string, zipBytes: number, total: number): Message {
  const ratio = Math.round(total / Math.max(1, zipBytes));
  return m('data.limit.zipRatio', { label: zipLabel(label), name, size: sizeText(zipBytes), total: sizeText(total), ratio: countText(ratio), max: MAX_ZIP_RATIO });
}

/** A worksheet whose data range (after clipping to real cells) exceeds MAX_SHEET_CELLS. */
export function sheetTooLarge(name: string, sheet: string, ref: string, cells: number): Message {
  return m('data.limit.sheetTooLarge', { name, sheet, ref, count: countText(cells), max: countText(MAX_SHEET_CELLS) });
}

/** KML text larger than MAX_KML_BYTES. */
export function kmlTooLarge(name: string, bytes: number): Message {
  return m('data.limit.kmlTooLarge', { name, size: sizeText(bytes), max: sizeText(MAX_KML_BYTES) });
}

/**
 * A reader's exception as a message: the engine's own limits (stack depth, string
 * length, memory) get a sentence a planner can act on; anything else keeps its text.
 */
export function readFailure(name: string, err: unknown): Message {
  const text = String((err as Error)?.message ?? err);
  if (/call stack|too much recursion/i.test(text)) return m('data.limit.tooDeep', { name });
  if (/Invalid string length|Array buffer allocation failed|out of memory|allocation failed/i.test(text)) return m('data.limit.outOfMemory', { name });
  return m('data.limit.readFailed', { name, error: text.slice(0, 100) });
}
