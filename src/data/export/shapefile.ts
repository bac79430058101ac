/**
 * A small shapefile writer (Point or Polygon/MultiPolygon, DBF with C/N fields,
 * UTF-8 or GBK text): exports for desktop GIS, and fixtures for the importer tests.
 */
import { esriWktOf } from '../coords/prj';
import { LAYERS, type LayerId, type LayerRows } from '../schema';
import { encodeGb18030 } from './gbk';
import { zipFiles } from './zip';

export interface ShpField {
  name: string;
  type: 'C' | 'N';
  /** bytes (C ≤ 254) or digits (N) */
  length: number;
  decimals?: number;
}

export interface ShpFeature {
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}

export interface ShapefileBytes {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
}

type Ring = number[][];

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return a / 2; // > 0: clockwise
}

function polygonRings(g: { type: string; coordinates: unknown }): Ring[] {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []) as Ring[][];
  const out: Ring[] = [];
  for (const p of polys)
    p.forEach((ring, k) => {
      const cw = ringArea(ring) > 0;
      // shapefile: outer rings clockwise, holes counter-clockwise
      out.push(cw === (k === 0) ? ring : [...ring].reverse());
    });
  return out;
}

function content(g: ShpFeature['geometry'], shapeType: number): Uint8Array {
  if (!g) return new Uint8Array(4); // null shape
  if (shapeType === 1) {
    const [x, y] = g.coordinates as number[];
    const b = new DataView(new ArrayBuffer(20));
    b.setInt32(0, 1, true);
    b.setFloat64(4, x, true);
    b.setFloat64(12, y, true);
    return new Uint8Array(b.buffer);
  }
  const rings = polygonRings(g);
  const pts = rings.flat();
  if (pts.length === 0) return new Uint8Array(4);
  const b = new DataView(new ArrayBuffer(44 + 4 * rings.length + 16 * pts.length));
  b.setInt32(0, 5, true);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => b.setFloat64(4 + 8 * i, v, true));
  b.setInt32(36, rings.length, true);
  b.setInt32(40, pts.length, true);
  let start = 0;
  rings.forEach((r, i) => {
    b.setInt32(44 + 4 * i, start, true);
    start += r.length;
  });
  let o = 44 + 4 * rings.length;
  for (const p of pts) {
    b.setFloat64(o, p[0], true);
    b.setFloat64(o + 8, p[1], true);
    o += 16;
  }
  return new Uint8Array(b.buffer);
}

function header(shapeType: number, byteLength: number, bbox: number[]): DataView {
  const h = new DataView(new ArrayBuffer(100));
  h.setInt32(0, 9994);
  h.setInt32(24, byteLength / 2);
  h.setInt32(28, 1000, true);
  h.setInt32(32, shapeType, true);
  bbox.forEach((v, i) => h.setFloat64(36 + 8 * i, Number.isFinite(v) ? v : 0, true));
  return h;
}

function encodeText(s: string, enc: 'utf-8' | 'gbk', max: number): Uint8Array {
  const full = enc === 'gbk' ? encodeGb18030(s) : new TextEncoder().encode(s);
  if (full.length <= max) return full;
  // cut on a character boundary
  let out: Uint8Array = new Uint8Array(0);
  let acc = '';
  for (const ch of s) {
    const next = enc === 'gbk' ? encodeGb18030(acc + ch) : new TextEncoder().encode(acc + ch);
    if (next.length > max) break;
    acc += ch;
    out = next;
  }
  return out;
}

function dbfBytes(features: ShpFeature[], fields: ShpField[], enc: 'utf-8' | 'gbk'): Uint8Array {
  const recLen = 1 + fields.reduce((a, f) => a + f.length, 0);
  const headLen = 32 + 32 * fields.length + 1;
  const out = new Uint8Array(headLen + recLen * features.length + 1);
  const dv = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getFullYear() - 1900;
  out[2] = now.getMonth() + 1;
  out[3] = now.getDate();
  dv.setUint32(4, features.length, true);
  dv.setUint16(8, headLen, true);
  dv.setUint16(10, recLen, true);
  out[29] = enc === 'gbk' ? 0x4d : 0;
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    out.set(encodeText(f.name, enc, 10), o);
    out[o + 11] = f.type.charCodeAt(0);
    out[o + 16] = f.length;
    out[o + 17] = f.decimals ?? 0;
  });
  out[headLen - 1] = 0x0d;
  features.forEach((ft, r) => {
    let o = headLen + r * recLen;
    out[o++] = 0x20;
    for (const f of fields) {
      out.fill(0x20, o, o + f.length);
      const v = ft.properties[f.name];
      if (v !== null && v !== undefined && v !== '') {
        if (f.type === 'N') {
          const n = typeof v === 'number' ? v : Number(v);
          const s = Number.isFinite(n) ? (f.decimals ? n.toFixed(f.decimals) : String(Math.round(n))) : '';
          const b = new TextEncoder().encode(s.slice(0, f.length));
          out.set(b, o + f.length - b.length);
        } else out.set(encodeText(String(v), enc, f.length), o);
      }
      o += f.length;
    }
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** Write .shp/.shx/.dbf for features of one shape type ('point' or 'polygon'). */
export function writeShapefile(features: ShpFeature[], fields: ShpField[], opts: { shapeType: 'point' | 'polygon'; encoding?: 'utf-8' | 'gbk' }): ShapefileBytes {
  const type = opts.shapeType === 'point' ? 1 : 5;
  const contents = features.map((f) => content(f.geometry, type));
  const bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    if (!f.geometry) continue;
    const pts = type === 1 ? [f.geometry.coordinates as number[]] : polygonRings(f.geometry).flat();
    for (const [x, y] of pts) {
      bbox[0] = Math.min(bbox[0], x);
      bbox[1] = Math.min(bbox[1], y);
      bbox[2] = Math.max(bbox[2], x);
      bbox[3] = Math.max(bbox[3], y);
    }
  }
  const shpLen = 100 + contents.reduce((a, c) => a + 8 + c.length, 0);
  const shp = new Uint8Array(shpLen);
  const shx = new Uint8Array(100 + 8 * contents.length);
  shp.set(new Uint8Array(header(type, shpLen, bbox).buffer), 0);
  shx.set(new Uint8Array(header(type, shx.length, bbox).buffer), 0);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let o = 100;
  contents.forEach((c, i) => {
    xv.setInt32(100 + 8 * i, o / 2);
    xv.setInt32(104 + 8 * i, c.length / 2);
    sv.setInt32(o, i + 1);
    sv.setInt32(o + 4, c.length / 2);
    shp.set(c, o + 8);
    o += 8 + c.length;
  });
  return { shp, shx, dbf: dbfBytes(features, fields, opts.encoding ?? 'utf-8') };
}

/**
 * A layer as a zipped shapefile (WGS84 .prj, UTF-8 .cpg). DBF field names are the schema names cut to 10
 * characters; numbers keep 10 decimals; text is cut at 254 bytes (a DBF limit).
 */
export function exportLayerShapefileZip<L extends LayerId>(layer: L, rows: LayerRows[L], baseName: string = layer): Uint8Array {
  const polygonal = LAYERS[layer].fields.some((fd) => fd.type === 'geometry');
  // point layers: lon/lat live in the geometry (exact doubles), not in rounded DBF numbers
  const defs = LAYERS[layer].fields.filter((fd) => fd.type !== 'geometry' && (polygonal || (fd.name !== 'lon' && fd.name !== 'lat')));
  const used = new Set<string>();
  const fields: ShpField[] = defs.map((fd) => {
    let name = fd.name.slice(0, 10);
    for (let k = 2; used.has(name); k++) name = fd.name.slice(0, 10 - String(k).length) + k;
    used.add(name);
    const num = fd.type === 'number' || fd.type === 'integer';
    return { name, type: num ? 'N' : 'C', length: num ? 20 : 254, decimals: fd.type === 'number' ? 10 : 0 };
  });
  const features: ShpFeature[] = (rows as unknown as Record<string, unknown>[]).map((r) => {
    const properties: Record<string, unknown> = {};
    defs.forEach((fd, i) => (properties[fields[i].name] = typeof r[fd.name] === 'boolean' ? (r[fd.name] ? 'true' : 'false') : r[fd.name]));
    let geometry: ShpFeature['geometry'] = null;
    if (polygonal && typeof r.geometry === 'string') {
      try {
        geometry = JSON.parse(r.geometry);
      } catch {
        geometry = null;
      }
    } else if (!polygonal) geometry = { type: 'Point', coordinates: [r.lon, r.lat] };
    return { geometry, properties };
  });
  const s = writeShapefile(features, fields, { shapeType: polygonal ? 'polygon' : 'point' });
  const enc = new TextEncoder();
  return zipFiles([
    { name: `${baseName}.shp`, bytes: s.shp },
    { name: `${baseName}.shx`, bytes: s.shx },
    { name: `${baseName}.dbf`, bytes: s.dbf },
    { name: `${baseName}.prj`, bytes: enc.encode(esriWktOf('wgs84')) },
    { name: `${baseName}.cpg`, bytes: enc.encode('UTF-8') },
  ]);
}
