/**
 * Zipped shapefiles (.shp + .dbf + .prj, .cpg honoured) → one Sheet per layer.
 * DBF text: the .cpg encoding, else the DBF language driver, else UTF-8 when the
 * bytes are valid UTF-8, else GBK (GB18030). Coordinates are left in the file's
 * CRS; the .prj text is returned for CRS detection.
 */
import { parseDbf, parseShp } from 'shpjs';
import type { RowIssue } from '../issues';
import { isValidUtf8, normaliseEncodingLabel } from './decode-text';
import { m } from '../../i18n';
import { tooManyRows } from './limit-messages';
import { MAX_ROWS } from './limits';
import { featuresToParsed } from './read-geojson';
import { fatalFile, fileIssue, type InputFile, type ParsedFile } from './types';
import { unzipChecked } from './zip-check';

export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/** Number of bytes of .shp that hold complete records (guards against corrupt lengths). */
function validShpLength(shp: Uint8Array): { valid: number; declared: number; records: number } {
  const dv = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const declared = dv.getInt32(24) * 2;
  let offset = 100;
  let records = 0;
  while (offset + 8 <= shp.byteLength) {
    const len = dv.getInt32(offset + 4) * 2;
    if (len < 0 || offset + 8 + len > shp.byteLength) break;
    offset += 8 + len;
    records++;
  }
  return { valid: offset, declared, records };
}

export function dbfEncoding(dbf: Uint8Array, cpg: string | undefined, file: string, issues: RowIssue[]): string {
  const headerLen = dbf.length >= 10 ? dbf[8] | (dbf[9] << 8) : 0;
  const textPart = dbf.subarray(Math.min(headerLen, dbf.length));
  const names: number[] = [];
  for (let o = 32; o + 11 <= Math.min(headerLen, dbf.length) && dbf[o] !== 0x0d; o += 32) for (let k = 0; k < 11 && dbf[o + k] !== 0; k++) names.push(dbf[o + k]);
  const utf8 = isValidUtf8(textPart) && isValidUtf8(new Uint8Array(names));
  const declared = normaliseEncodingLabel(cpg);
  if (cpg !== undefined && cpg.trim() !== '') {
    if (declared === 'utf-8' && !utf8) {
      issues.push(fileIssue(file, m('data.shp.cpgNotUtf8', { encoding: cpg.trim() }), 'warning'));
      return 'gb18030';
    }
    if (declared) return declared;
    issues.push(fileIssue(file, m('data.shp.cpgUnknown', { encoding: cpg.trim().slice(0, 30) }), 'warning'));
  }
  if (dbf.length > 29 && dbf[29] === 0x4d) return 'gb18030';
  return utf8 ? 'utf-8' : 'gb18030';
}

/** Complete records a DBF holds (its header's count, or fewer when the file is shorter). */
function dbfRecordCount(dbf: Uint8Array): number {
  if (dbf.length < 32) return 0;
  const dv = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLen = dv.getUint16(8, true);
  const recLen = dv.getUint16(10, true);
  const have = recLen > 0 ? Math.max(0, Math.floor((dbf.length - headerLen) / recLen)) : 0;
  return Math.min(dv.getUint32(4, true), have);
}

export function dbfRecords(dbf: Uint8Array, encoding: string, file: string, issues: RowIssue[]): Record<string, unknown>[] {
  if (dbf.length < 32) {
    issues.push(fileIssue(file, m('data.shp.dbfHeader')));
    return [];
  }
  const copy = dbf.slice();
  const dv = new DataView(copy.buffer);
  const records = dv.getUint32(4, true);
  const headerLen = dv.getUint16(8, true);
  const recLen = dv.getUint16(10, true);
  const have = recLen > 0 ? Math.max(0, Math.floor((copy.length - headerLen) / recLen)) : 0;
  if (headerLen > copy.length) {
    issues.push(fileIssue(file, m('data.shp.dbfHeaderTruncated')));
    return [];
  }
  if (have < records) {
    issues.push(fileIssue(file, m('data.shp.dbfTruncated', { records, have })));
    dv.setUint32(4, have, true);
  }
  const out = parseDbf(dv, encoding);
  return out.map((r) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (typeof v === 'number' && Number.isNaN(v)) o[k] = null;
      else if (v instanceof Date) o[k] = Number.isNaN(v.getTime()) ? null : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
      else o[k] = v;
    }
    return o;
  });
}

/** Read a shapefile from its parts (already unpacked). */
export function readShapefileParts(fileName: string, layerName: string, parts: ShapefileParts): ParsedFile {
  const issues: RowIssue[] = [];
  const { shp } = parts;
  if (shp.length < 100) return fatalFile(fileName, 'shapefile', m('data.shp.shpHeader', { layer: layerName }));
  const { valid, declared, records } = validShpLength(shp);
  // counted from the record headers, before shpjs builds a geometry for each
  if (records > MAX_ROWS) return fatalFile(fileName, 'shapefile', tooManyRows(fileName, records, m('data.limit.what.shpFeatures', { layer: layerName })));
  if (valid < declared || valid < shp.length) {
    issues.push(fileIssue(fileName, m('data.shp.shpTruncated', { layer: layerName, declared, valid })));
  }
  let geoms: ({ type: string; coordinates: unknown } | null)[];
  try {
    geoms = parseShp(new DataView(shp.buffer, shp.byteOffset, valid), false);
  } catch (e) {
    return fatalFile(fileName, 'shapefile', m('data.shp.shpUnreadable', { layer: layerName, error: String((e as Error)?.message ?? e).slice(0, 60) }));
  }
  let encoding: string | undefined;
  let props: Record<string, unknown>[] = [];
  const dbfRows = parts.dbf ? dbfRecordCount(parts.dbf) : 0;
  if (dbfRows > MAX_ROWS) return fatalFile(fileName, 'shapefile', tooManyRows(fileName, dbfRows, m('data.limit.what.dbfRecords', { layer: layerName })));
  if (parts.dbf) {
    encoding = dbfEncoding(parts.dbf, parts.cpg, fileName, issues);
    try {
      props = dbfRecords(parts.dbf, encoding, fileName, issues);
    } catch (e) {
      issues.push(fileIssue(fileName, m('data.shp.dbfUnreadable', { layer: layerName, error: String((e as Error)?.message ?? e).slice(0, 60) })));
    }
  } else issues.push(fileIssue(fileName, m('data.shp.noDbf', { layer: layerName }), 'warning'));
  if (parts.dbf && props.length !== geoms.length) {
    issues.push(fileIssue(fileName, m('data.shp.countMismatch', { geometries: geoms.length, records: props.length }), 'warning'));
  }
  if (!parts.prj) issues.push(fileIssue(fileName, m('data.shp.noPrj', { layer: layerName }), 'warning'));
  const n = Math.max(geoms.length, props.length);
  const features = Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: props[i] ?? {}, geometry: geoms[i] ?? null }));
  return featuresToParsed(fileName, 'shapefile', layerName, features, { encoding, prj: parts.prj, issues });
}

/** Read a zipped shapefile: every .shp in the archive becomes a sheet. */
export async function readShapefileZip(file: InputFile): Promise<ParsedFile> {
  const { name, bytes } = file;
  const zip = await unzipChecked('zip', name, bytes);
  if ('problem' in zip) return fatalFile(name, 'shapefile', zip.problem);
  return readShapefileEntries(name, zip.entries);
}

/** Shapefile layers from unpacked ZIP entries. */
export function readShapefileEntries(name: string, entries: Map<string, Uint8Array>): ParsedFile {
  const lower = new Map([...entries].map(([k, v]) => [k.toLowerCase(), v] as const));
  const bases = [...entries.keys()].filter((k) => /\.shp$/i.test(k)).map((k) => k.slice(0, -4));
  if (bases.length === 0) return fatalFile(name, 'shapefile', m('data.shp.zipNoShp', { name }));
  const utf8 = new TextDecoder();
  const parsed = bases.map((b) => {
    const get = (ext: string): Uint8Array | undefined => lower.get(`${b}.${ext}`.toLowerCase());
    const prj = get('prj');
    const cpg = get('cpg');
    return readShapefileParts(name, b.split('/').pop() ?? b, { shp: get('shp')!, dbf: get('dbf'), prj: prj ? utf8.decode(prj) : undefined, cpg: cpg ? utf8.decode(cpg) : undefined });
  });
  if (parsed.length === 1) return parsed[0];
  return {
    fileName: name,
    kind: 'shapefile',
    sheets: parsed.flatMap((p) => p.sheets),
    encoding: parsed[0].encoding,
    prj: parsed[0].prj,
    issues: parsed.flatMap((p) => p.issues),
    fatal: parsed.every((p) => p.fatal),
  };
}
