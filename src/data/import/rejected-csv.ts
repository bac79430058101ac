/** The rejected rows of an import as a CSV to download, fix and import again. */
import { exportTableCsv } from '../export/csv';
import type { Cell } from '../export/cells';
import type { ImportResult } from './build-import';

/** Header of the extra column that says why a row was not loaded. */
export const REASON_HEADER = '错误原因';

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Original columns of every rejected row plus a 错误原因 column (UTF-8 with BOM). */
export function exportRejectedCsv(result: Pick<ImportResult, 'rejected' | 'rejectedHeaders'>): Uint8Array {
  const headers = [...result.rejectedHeaders, REASON_HEADER];
  const width = result.rejectedHeaders.length;
  const rows = result.rejected.map((r) => {
    const cells: Cell[] = [];
    for (let i = 0; i < width; i++) cells.push(toCell(r.cells[i]));
    cells.push(`第 ${r.row} 行：${r.reasons.join('；')}`);
    return cells;
  });
  return exportTableCsv(headers, rows);
}

/** File name for the rejected rows of `fileName`. */
export function rejectedFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')}_错误行.csv`;
}
