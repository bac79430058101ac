/** Chinese refusals for the caps in limits.ts; each names the file and the cap. */
import { MAX_FILE_BYTES, MAX_KML_BYTES, MAX_ROWS, MAX_SHEET_CELLS, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, MAX_ZIP_UNCOMPRESSED } from './limits';

/** Bytes as the user reads them: 405 KB, 400.0 MB, 1.5 GB. */
export function sizeZh(bytes: number): string {
  if (bytes < 1 << 20) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1 << 30) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  return `${(bytes / (1 << 30)).toFixed(1)} GB`;
}

/** 12,345 — counts with thousands separators. */
export function countZh(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The file itself is larger than MAX_FILE_BYTES. */
export function fileTooLargeZh(name: string, bytes: number): string {
  return `文件“${name}”有 ${sizeZh(bytes)}，超过导入上限 ${sizeZh(MAX_FILE_BYTES)}，请拆分成几个文件后再导入`;
}

/** More data rows (or features) than MAX_ROWS. */
export function tooManyRowsZh(name: string, rows: number, what = '行数据'): string {
  return `文件“${name}”有 ${countZh(rows)} ${what}，超过导入上限 ${countZh(MAX_ROWS)}，请拆分成几个文件后再导入`;
}

/** A ZIP (XLSX, KMZ, zipped shapefile) whose central directory exceeds a cap. */
export function zipLimitZh(label: string, name: string, entries: number, total: number): string | null {
  if (entries > MAX_ZIP_ENTRIES) return `${label}“${name}”包含 ${countZh(entries)} 个文件，超过上限 ${countZh(MAX_ZIP_ENTRIES)} 个，已拒绝导入（可能是恶意构造的压缩包）`;
  if (total > MAX_ZIP_UNCOMPRESSED) return `${label}“${name}”解压后共 ${sizeZh(total)}，超过上限 ${sizeZh(MAX_ZIP_UNCOMPRESSED)}，已拒绝导入`;
  return null;
}

/** A ZIP that expands far more than real data does: a decompression bomb. */
export function zipRatioZh(label: string, name: string, zipBytes: number, total: number): string {
  const ratio = Math.round(total / Math.max(1, zipBytes));
  return `${label}“${name}”只有 ${sizeZh(zipBytes)}，解压后却有 ${sizeZh(total)}（${countZh(ratio)} 倍，上限 ${MAX_ZIP_RATIO} 倍），疑似“压缩炸弹”，已拒绝导入`;
}

/** A worksheet whose data range (after clipping to real cells) exceeds MAX_SHEET_CELLS. */
export function sheetTooLargeZh(name: string, sheet: string, ref: string, cells: number): string {
  return `文件“${name}”的工作表“${sheet}”数据范围 ${ref} 过大（${countZh(cells)} 个单元格，上限 ${countZh(MAX_SHEET_CELLS)} 个），请删除多余的行列或拆分后再导入`;
}

/** KML text larger than MAX_KML_BYTES. */
export function kmlTooLargeZh(name: string, bytes: number): string {
  return `文件“${name}”中的 KML 有 ${sizeZh(bytes)}，超过上限 ${sizeZh(MAX_KML_BYTES)}，请拆分后再导入`;
}

/**
 * A reader's exception in Chinese: the engine's own limits (stack depth, string
 * length, memory) get a sentence a planner can act on; anything else keeps its text.
 */
export function readFailureZh(name: string, err: unknown): string {
  const msg = String((err as Error)?.message ?? err);
  if (/call stack|too much recursion/i.test(msg)) return `文件“${name}”的嵌套层级过深，无法读取（可能是损坏或恶意构造的文件）`;
  if (/Invalid string length|Array buffer allocation failed|out of memory|allocation failed/i.test(msg)) return `文件“${name}”太大，浏览器内存不足，无法读取，请拆分成几个文件后再导入`;
  return `文件“${name}”读取失败：${msg.slice(0, 100)}`;
}
