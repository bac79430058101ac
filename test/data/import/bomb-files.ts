/**
 * Hostile files built at test time (nothing large is committed): ZIP bombs with
 * crafted headers, a zero-filled deflate stream made by repeating one flushed
 * block, a minimal XLSX around any sheet XML.
 */
import { crc32, deflateRawSync, constants } from 'node:zlib';

/** One ZIP entry as it will be written: data as stored, sizes as declared (they may lie). */
export interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  usize: number;
}

/** Write a ZIP from raw entries; the local and central headers carry the declared sizes. */
export function zipRaw(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.usize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.usize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    parts.push(local, e.data);
    central.push(c);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...parts, ...central, end]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** An honest deflated entry. */
export function deflated(name: string, text: string | Uint8Array): RawEntry {
  const plain = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, data: new Uint8Array(deflateRawSync(plain)), method: 8, crc: crc32(plain), usize: plain.length };
}

/**
 * A raw deflate stream of `mib` MiB of zeros, made in milliseconds: one MiB is
 * deflated with a full flush (byte-aligned, no back-references across it) and the
 * block repeated, then an empty final block. 400 MiB → about 400 KB.
 */
export function zeroDeflate(mib: number): { data: Uint8Array; crc: number; usize: number } {
  const mb = new Uint8Array(1 << 20);
  const block = new Uint8Array(deflateRawSync(mb, { finishFlush: constants.Z_FULL_FLUSH }));
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(mb, crc);
  const parts = Array.from({ length: mib }, () => block);
  parts.push(new Uint8Array([0x03, 0x00])); // final, empty fixed-Huffman block
  return { data: concat(parts), crc, usize: mib << 20 };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A workbook.xml with one sheet (the name may be hostile). */
export function workbookXml(sheetName = 'Sheet1', extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>${extra}</workbook>`;
}

/** Sheet XML with inline-string cells. */
export function sheetXml(rows: string[][], dimension?: string): string {
  const cols = 'ABCDEFGHIJ';
  const body = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => `<c r="${cols[c]}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${body}</sheetData></worksheet>`;
}

/** A minimal XLSX: content types, relationships, workbook and one sheet, plus any extra parts. */
export function minimalXlsx(sheet: string, opts: { workbook?: string; extra?: RawEntry[] } = {}): Uint8Array {
  return zipRaw([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('_rels/.rels', RELS),
    deflated('xl/workbook.xml', opts.workbook ?? workbookXml()),
    deflated('xl/_rels/workbook.xml.rels', WB_RELS),
    deflated('xl/worksheets/sheet1.xml', sheet),
    ...(opts.extra ?? []),
  ]);
}

/** A minimal ODS (mimetype, manifest, styles, content) around table XML. */
export function minimalOds(tableXml: string): Uint8Array {
  const mime = new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet');
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  return zipRaw([
    { name: 'mimetype', method: 0, data: mime, crc: crc32(mime), usize: mime.length },
    deflated('META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'),
    deflated('styles.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ns}/>`),
    deflated('content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">${tableXml}</table:table></office:spreadsheet></office:body></office:document-content>`),
  ]);
}

/** An ODS table row of string cells; `repeat` sets number-rows-repeated, `cols` number-columns-repeated on each cell. */
export function odsRow(cells: string[], repeat = 1, cols = 1): string {
  const c = cells.map((v) => `<table:table-cell office:value-type="string"${cols > 1 ? ` table:number-columns-repeated="${cols}"` : ''}><text:p>${v}</text:p></table:table-cell>`).join('');
  return `<table:table-row${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ''}>${c}</table:table-row>`;
}
