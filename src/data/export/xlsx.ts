/**
 * XLSX export via SheetJS. Every text cell is written as a string cell (t: 's'),
 * never as a formula, whatever it starts with.
 */
import * as XLSX from '@e965/xlsx';
import { layerLabel, type LayerId, type LayerRows } from '../schema';
import { layerCells, layerHeaders, type Cell } from './cells';

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const s = name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31).trim();
  return s || 'Sheet1';
}

function toCell(v: Cell): XLSX.CellObject | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { t: 'n', v } : null;
  if (typeof v === 'boolean') return { t: 's', v: v ? '是' : '否' };
  return { t: 's', v: String(v) };
}

/** A worksheet built cell by cell (no type guessing, no formulas). */
export function sheetFromRows(headers: string[], rows: Cell[][]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const all = [headers as Cell[], ...rows];
  let maxC = headers.length - 1;
  all.forEach((r, ri) => {
    r.forEach((v, ci) => {
      const cell = toCell(v);
      if (cell) ws[XLSX.utils.encode_cell({ r: ri, c: ci })] = cell;
    });
    maxC = Math.max(maxC, r.length - 1);
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, all.length - 1), c: Math.max(0, maxC) } });
  ws['!cols'] = headers.map((h) => ({ wch: Math.min(40, Math.max(8, h.length * 2 + 2)) }));
  return ws;
}

/** Generic XLSX for analysis results: one sheet. */
export function exportTableXlsx(sheetName: string, headers: string[], rows: Cell[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheetFromRows(headers, rows), safeSheetName(sheetName));
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** A layer as XLSX with Chinese headers and Chinese enum labels; the sheet is named after the layer. */
export function exportLayerXlsx<L extends LayerId>(layer: L, rows: LayerRows[L]): Uint8Array {
  return exportTableXlsx(layerLabel('zh', layer), layerHeaders(layer), layerCells(layer, rows));
}
