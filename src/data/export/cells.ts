/** Layer rows → export cells: Chinese headers, enum values as Chinese labels, booleans as 是/否. */
import { LAYERS, enumLabel, fieldLabel, type FieldDef, type LayerId, type LayerRows } from '../schema';

export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when spreadsheet software would read the text as a formula (= + - @, tab, CR first). */
export function looksLikeFormula(s: string): boolean {
  return FORMULA_START.test(s);
}

/** Chinese header labels of a layer's fields, in schema order. */
export function layerHeaders(layer: LayerId, lang: 'zh' | 'en' = 'zh'): string[] {
  return LAYERS[layer].fields.map((fd) => fieldLabel(lang, layer, fd.name));
}

function cellOf(layer: LayerId, fd: FieldDef, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  switch (fd.type) {
    case 'enum':
      return enumLabel('zh', layer, fd.name, String(v));
    case 'boolean':
      return v ? '是' : '否';
    case 'number':
    case 'integer':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    default:
      return String(v);
  }
}

/** Rows of a layer as arrays of export cells (same order as layerHeaders). */
export function layerCells<L extends LayerId>(layer: L, rows: LayerRows[L]): Cell[][] {
  const fields = LAYERS[layer].fields;
  return (rows as unknown as Record<string, unknown>[]).map((r) => fields.map((fd) => cellOf(layer, fd, r[fd.name])));
}
