/**
 * CSV export: UTF-8 with BOM (so Excel opens Chinese correctly), CRLF, RFC 4180
 * quoting; text that would be read as a formula gets a leading apostrophe.
 */
import type { LayerId, LayerRows } from '../schema';
import { layerCells, layerHeaders, type Cell } from './cells';

/** One CSV field: numbers as written by JS, text escaped against formulas and quoted when needed. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  let s = String(v);
  // an apostrophe is added before formula-looking text, and before text that already starts with
  // one followed by a formula character, so the importer's un-escaping gives the text back exactly
  if (/^'*[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (no BOM) of a header row and data rows. */
export function tableCsvText(headers: string[], rows: Cell[][]): string {
  const out: string[] = [headers.map(csvField).join(',')];
  for (const r of rows) out.push(r.map(csvField).join(','));
  return out.join('\r\n') + '\r\n';
}

/** Generic CSV for analysis results: UTF-8 bytes with BOM. */
export function exportTableCsv(headers: string[], rows: Cell[][]): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + tableCsvText(headers, rows));
}

/** A layer as CSV with Chinese headers and Chinese enum labels (UTF-8 with BOM). */
export function exportLayerCsv<L extends LayerId>(layer: L, rows: LayerRows[L]): Uint8Array {
  return exportTableCsv(layerHeaders(layer), layerCells(layer, rows));
}
