/**
 * OpenDocument spreadsheets repeat rows and cells by attribute
 * (`table:number-rows-repeated`, `table:number-columns-repeated`), and SheetJS
 * builds every repeated non-empty cell: a 1 KB ODS can ask for 17 billion cells.
 * The repeats are added up here before SheetJS sees the file.
 */
import * as XLSX from '@e965/xlsx';
import { m, type Message } from '../../i18n';
import { countText } from './limit-messages';
import { MAX_SHEET_CELLS } from './limits';

const TAG = /<(\/?)table:(table-row|table-cell|covered-table-cell)\b([^>]*?)(\/?)>/g;

function repeat(attrs: string, name: string): number {
  const m = new RegExp(`table:${name}="(\\d+)"`).exec(attrs);
  return m ? Math.max(1, Number(m[1])) : 1;
}

/** Cells SheetJS would build from ODS content XML (empty self-closing cells are skipped, as it skips them); stops past `stop`. */
export function odsCellCount(xml: string, stop = MAX_SHEET_CELLS): number {
  let total = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, close, tag, attrs, selfClosing] = m;
    if (tag === 'table-row') {
      if (close) {
        total += rowRepeat * rowCells;
        if (total > stop) return total;
        rowRepeat = 1;
        rowCells = 0;
      } else if (!selfClosing) {
        rowRepeat = repeat(attrs, 'number-rows-repeated');
        rowCells = 0;
      }
    } else if (!close && (!selfClosing || /value-type=/.test(attrs))) rowCells += repeat(attrs, 'number-columns-repeated');
  }
  return total;
}

function contentXml(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let names: string[];
    let cfb: unknown;
    try {
      cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
      names = ((cfb as { FullPaths: string[] }).FullPaths ?? []).map((p) => p.replace(/^[^/]*\//, ''));
    } catch {
      return null; // SheetJS will say the file is damaged
    }
    if (!names.includes('content.xml')) return null;
    const entry = XLSX.CFB.find(cfb, 'content.xml') as { content?: Uint8Array } | null;
    return entry?.content ? new TextDecoder().decode(entry.content) : null;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /office:document/.test(head) ? new TextDecoder().decode(bytes) : null; // flat ODS (.fods) XML
}

/** A refusal naming the file when an ODS (zipped or flat) repeats more cells than MAX_SHEET_CELLS, else null. */
export function odsRepeatProblem(name: string, bytes: Uint8Array): Message | null {
  const xml = contentXml(bytes);
  if (xml === null) return null;
  const cells = odsCellCount(xml);
  if (cells <= MAX_SHEET_CELLS) return null;
  return m('data.limit.odsRepeats', { name, max: countText(MAX_SHEET_CELLS) });
}
