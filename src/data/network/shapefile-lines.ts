/**
 * Road / path lines for the walking network from a Shapefile (zipped, or a loose .shp):
 * PolyLine geometry; attributes from the .dbf (.cpg honoured, GBK detected, as the
 * importer does); coordinates converted to WGS84 from the .prj (CGCS2000 geographic or
 * Gauss–Krüger 3° zones, with or without the zone prefix) or, without a .prj, from the
 * values (detectCrs). Ways whose attributes say they are not walkable (OSM tags, or a
 * road class 高速公路 / 快速路) are left out.
 */
import { parseShp } from 'shpjs';
import { detectCrs } from '../coords/detect-crs';
import { m, type Message } from '../../i18n';
import { crsName, toWgs84Fn } from '../coords/crs';
import { readPrj } from '../coords/prj';
import type { RowIssue } from '../issues';
import { dbfEncoding, dbfRecords } from '../import/read-shapefile';
import { unzipChecked } from '../import/zip-check';
import { MessageError } from '../../i18n/message-error';
import { walkLinesFromGeoJson, type WalkLinesResult } from './walk-lines';

export interface ShapefileLinesResult extends WalkLinesResult {
  /** the coordinate system read and why */
  crsNote: Message;
}

/** Read the parts of one shapefile into WGS84 walk lines. */
export function walkLinesFromShapefileParts(fileName: string, parts: { shp: Uint8Array; dbf?: Uint8Array; prj?: string; cpg?: string }): ShapefileLinesResult {
  if (parts.shp.length < 100) throw new MessageError(m('data.net.shpHeader', { file: fileName }));
  const type = new DataView(parts.shp.buffer, parts.shp.byteOffset, parts.shp.byteLength).getInt32(32, true);
  // 3 PolyLine, 13 PolyLineZ, 23 PolyLineM
  if (type !== 3 && type !== 13 && type !== 23) throw new MessageError(m('data.net.notLines', { file: fileName, type }));
  let geoms: ({ type: string; coordinates: unknown } | null)[];
  try {
    geoms = parseShp(new DataView(parts.shp.buffer, parts.shp.byteOffset, parts.shp.byteLength), false);
  } catch (e) {
    throw new MessageError(m('data.net.shpUnreadable', { file: fileName, error: String((e as Error)?.message ?? e).slice(0, 60) }));
  }
  const issues: RowIssue[] = [];
  const props = parts.dbf ? dbfRecords(parts.dbf, dbfEncoding(parts.dbf, parts.cpg, fileName, issues), fileName, issues) : [];
  // coordinate system: the .prj, else the values
  const xs: number[] = [];
  const ys: number[] = [];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      if (xs.length < 5000) {
        xs.push(c[0] as number);
        ys.push(c[1] as number);
      }
    } else if (Array.isArray(c)) for (const d of c) visit(d);
  };
  for (const g of geoms) if (g) visit(g.coordinates);
  const fromPrj = readPrj(parts.prj);
  let crs = fromPrj?.crs ?? null;
  let crsNote: Message | null = fromPrj?.crs ? m('data.net.crsNote', { crs: crsName(fromPrj.crs), reason: fromPrj.reason }) : null;
  if (!crs) {
    const guess = detectCrs({ xs, ys, prj: parts.prj ?? null, hints: [fileName] });
    if (!guess.crs || guess.swapXY) throw new MessageError(m('data.net.noCrs', { file: fileName, reason: guess.reason }));
    crs = guess.crs;
    crsNote = m('data.net.crsNote', { crs: crsName(crs), reason: guess.reason });
  }
  const to = toWgs84Fn(crs);
  const conv = (c: unknown): unknown => {
    if (Array.isArray(c) && typeof c[0] === 'number') return to(c[0] as number, c[1] as number);
    return Array.isArray(c) ? c.map(conv) : c;
  };
  const features = geoms.map((g, i) => ({ type: 'Feature', properties: props[i] ?? {}, geometry: g ? { type: g.type, coordinates: conv(g.coordinates) } : null }));
  const read = walkLinesFromGeoJson({ type: 'FeatureCollection', features }, fileName);
  return { ...read, crsNote: crsNote ?? m('data.crs.noCoords') };
}

/** A zipped shapefile (first PolyLine layer) or a loose .shp (geometry only, CRS from the values). */
export async function walkLinesFromShapefile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<ShapefileLinesResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (file.name.toLowerCase().endsWith('.shp')) return walkLinesFromShapefileParts(file.name, { shp: bytes });
  const zip = await unzipChecked('zip', file.name, bytes);
  if ('problem' in zip) throw new MessageError(zip.problem);
  const entries = zip.entries;
  const lower = new Map([...entries].map(([k, v]) => [k.toLowerCase(), v] as const));
  const bases = [...entries.keys()].filter((k) => /\.shp$/i.test(k)).map((k) => k.slice(0, -4));
  if (bases.length === 0) throw new MessageError(m('data.shp.zipNoShp', { name: file.name }));
  const dec = new TextDecoder();
  let last: Error | null = null;
  for (const b of bases) {
    const get = (ext: string): Uint8Array | undefined => lower.get(`${b}.${ext}`.toLowerCase());
    const prj = get('prj');
    const cpg = get('cpg');
    try {
      return walkLinesFromShapefileParts(`${file.name}（${b.split('/').pop()}.shp）`, { shp: get('shp')!, dbf: get('dbf'), prj: prj ? dec.decode(prj) : undefined, cpg: cpg ? dec.decode(cpg) : undefined });
    } catch (e) {
      last = e as Error;
    }
  }
  throw last ?? new MessageError(m('data.net.noLineLayer', { file: file.name }));
}
