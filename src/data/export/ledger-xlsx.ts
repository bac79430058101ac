/**
 * The 配套园 台账 as an Excel workbook that comes back in: every column of the
 * communities layer (小区编号 and coordinates included, Chinese headers and labels —
 * the import wizard matches them by name), then the tool's verdicts (marked 系统判定,
 * ignored on import). Header row frozen, autofilter on, dates as Excel dates.
 */
import * as XLSX from '@e965/xlsx';
import { LAYERS, enumLabel, fieldLabel, type Community } from '../schema';
import { safeSheetName } from './xlsx';
import { unzipChecked } from '../import/zip-check';
import { MessageError } from '../../i18n/message-error';
import { zipFiles } from './zip';

/** Extra read-only columns after the layer's own (values per row, same order as the rows). */
export interface LedgerExtraColumn {
  header: string;
  values: (string | number | null)[];
}

const FIELDS = LAYERS.communities.fields.filter((f) => f.type !== 'geometry');
const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** 'YYYY-MM-DD' → Excel serial day number, or null. */
export function excelSerialOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EXCEL_EPOCH_MS) / DAY_MS);
}

function cellOf(field: (typeof FIELDS)[number], v: unknown): XLSX.CellObject | null {
  if (v === null || v === undefined || v === '') return null;
  switch (field.type) {
    case 'date': {
      const n = excelSerialOf(String(v));
      return n === null ? { t: 's', v: String(v) } : { t: 'n', v: n, z: 'yyyy-mm-dd' };
    }
    case 'number':
    case 'integer':
      return typeof v === 'number' && Number.isFinite(v) ? { t: 'n', v } : null;
    case 'boolean':
      return { t: 's', v: v ? '是' : '否' };
    case 'enum':
      return { t: 's', v: enumLabel('zh', 'communities', field.name, String(v)) };
    default:
      return { t: 's', v: String(v) };
  }
}

/** Insert a frozen first row into a worksheet's XML (SheetJS does not write panes). */
export function freezeHeaderXml(xml: string): string {
  const pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';
  return xml.replace(/<sheetView([^>]*?)\/>/, `<sheetView$1>${pane}</sheetView>`).replace(/<sheetView([^>]*?)>(?!<pane)/, `<sheetView$1>${pane}`);
}

/** The workbook bytes. */
export async function exportLedgerXlsx(rows: readonly Community[], extra: readonly LedgerExtraColumn[] = [], sheetName = '配套园台账'): Promise<Uint8Array> {
  const ws: XLSX.WorkSheet = {};
  const headers = [...FIELDS.map((f) => fieldLabel('zh', 'communities', f.name)), ...extra.map((x) => x.header)];
  headers.forEach((h, c) => (ws[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: h }));
  rows.forEach((row, i) => {
    FIELDS.forEach((f, c) => {
      const cell = cellOf(f, (row as unknown as Record<string, unknown>)[f.name]);
      if (cell) ws[XLSX.utils.encode_cell({ r: i + 1, c })] = cell;
    });
    extra.forEach((x, k) => {
      const v = x.values[i];
      if (v !== null && v !== undefined) ws[XLSX.utils.encode_cell({ r: i + 1, c: FIELDS.length + k })] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
    });
  });
  const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length, 1), c: headers.length - 1 } });
  ws['!ref'] = ref;
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: headers.length - 1 } }) };
  ws['!cols'] = headers.map((h) => ({ wch: Math.min(40, Math.max(10, h.length * 2 + 2)) }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, safeSheetName(sheetName));
  const raw = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: false }) as ArrayBuffer);
  // patch the frozen pane into the sheet and pack again (deflated)
  const zip = await unzipChecked('workbook', 'ledger.xlsx', raw);
  if ('problem' in zip) throw new MessageError(zip.problem);
  const entries: { name: string; bytes: Uint8Array }[] = [];
  for (const [name, bytes] of zip.entries) {
    entries.push({ name, bytes: name === 'xl/worksheets/sheet1.xml' ? new TextEncoder().encode(freezeHeaderXml(new TextDecoder().decode(bytes))) : bytes });
  }
  return zipFiles(entries);
}
