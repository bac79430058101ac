/** The rejected rows of an import as a CSV to download, fix and import again. */
import { msg, render, type Lang } from '../../i18n';
import { exportTableCsv } from '../export/csv';
import type { Cell } from '../export/cells';
import type { ImportResult } from './build-import';

/** Header of the extra column that says why a row was not loaded (错误原因). */
export const reasonHeader = (lang: Lang): string => msg(lang, 'import.rejected.header');

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Original columns of every rejected row plus a 错误原因 column (UTF-8 with BOM), in the user's language. */
export function exportRejectedCsv(result: Pick<ImportResult, 'rejected' | 'rejectedHeaders' | 'rejectedGeometry'>, lang: Lang = 'zh'): Uint8Array {
  const cols = result.rejectedGeometry ? [...result.rejectedHeaders, msg(lang, 'import.rejected.geometry')] : result.rejectedHeaders;
  const headers = [...cols, reasonHeader(lang)];
  const width = cols.length;
  const sep = msg(lang, 'shell.semicolon');
  const rows = result.rejected.map((r) => {
    const cells: Cell[] = [];
    for (let i = 0; i < width; i++) cells.push(toCell(r.cells[i]));
    cells.push(msg(lang, 'import.rejected.reason', { row: r.row, reasons: r.reasons.map((x) => render(lang, x)).join(sep) }));
    return cells;
  });
  return exportTableCsv(headers, rows);
}

/** File name for the rejected rows of `fileName`. */
export function rejectedFileName(fileName: string, lang: Lang = 'zh'): string {
  return msg(lang, 'import.rejected.fileName', { name: fileName.replace(/\.[^.]+$/, '') });
}
