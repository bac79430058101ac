/**
 * Shared pieces of the import corpus (scripts/make-import-corpus.ts): invented
 * ground-truth kindergartens in 昆都仑区 (WGS84), the manifest format, and small
 * writers (CSV text, GBK bytes, shapefile zips).
 */
import { fromWgs84Fn, type CrsId } from '../../../src/data/coords/crs';
import type { Bbox } from '../../../src/data/coords/area';
import { encodeGb18030 } from '../../../src/data/export/gbk';
import { writeShapefile, type ShpField } from '../../../src/data/export/shapefile';
import { zipStore } from '../../../src/data/export/zip';
import type { FlagKind } from '../../../src/data/import/build-import';
import type { WorkerBuildOptions } from '../../../src/data/import/import-protocol';
import type { LayerId } from '../../../src/data/schema';

export interface TruthKg {
  id: string;
  name: string;
  typeZh: string;
  lon: number;
  lat: number;
  classes: number;
  places: number;
}

/** Eight invented kindergartens inside 昆都仑区, WGS84 truth. */
export const KG_TRUTH: TruthKg[] = [
  { id: 'K01', name: '昆都仑区第一幼儿园', typeZh: '公办', lon: 109.822146, lat: 40.657321, classes: 12, places: 360 },
  { id: 'K02', name: '包钢第三幼儿园', typeZh: '公办', lon: 109.803512, lat: 40.662874, classes: 9, places: 270 },
  { id: 'K03', name: '阿尔丁幼儿园', typeZh: '普惠性民办', lon: 109.826201, lat: 40.646112, classes: 6, places: 180 },
  { id: 'K04', name: '林荫路幼儿园', typeZh: '公办', lon: 109.836974, lat: 40.671545, classes: 8, places: 240 },
  { id: 'K05', name: '少先路小太阳幼儿园', typeZh: '非普惠民办', lon: 109.791388, lat: 40.640277, classes: 4, places: 100 },
  { id: 'K06', name: '团结大街幼儿园', typeZh: '普惠性民办', lon: 109.828801, lat: 40.632905, classes: 6, places: 170 },
  { id: 'K07', name: '钢铁大街幼儿园', typeZh: '公办', lon: 109.81231, lat: 40.674983, classes: 10, places: 300 },
  { id: 'K08', name: '昆河幼儿园', typeZh: '非普惠民办', lon: 109.77654, lat: 40.683215, classes: 3, places: 90 },
];

/** Bbox of KG_TRUTH grown by about 150 m: "the bbox of data already loaded". */
export const KG_TIGHT_BBOX: Bbox = [109.77654 - 0.0018, 40.632905 - 0.00135, 109.836974 + 0.0018, 40.683215 + 0.00135];
/** Bbox of the 昆都仑区 boundary (WGS84). */
export const KUNDULUN_BBOX: Bbox = [109.6066395, 40.5676256, 109.8671275, 40.811901];

export interface ExpectIssue {
  messageContains: string;
  row?: number;
  column?: string;
  severity?: 'error' | 'warning';
}

/** What importing a corpus file must give. */
export interface CorpusExpect {
  /** rows loaded */
  rows?: number;
  fatal?: boolean;
  issues?: ExpectIssue[];
  crs?: CrsId | null;
  confidence?: 'certain' | 'likely' | 'uncertain';
  swapXY?: boolean;
  encoding?: string;
  flags?: Partial<Record<FlagKind, number>>;
  /** WGS84 truth of the first loaded rows, checked within `truthTolM` metres */
  truth?: [number, number][];
  truthTolM?: number;
  /** exact values the first loaded row must have */
  firstRow?: Record<string, unknown>;
}

export interface CorpusEntry {
  file: string;
  layer: LayerId;
  note: string;
  options?: WorkerBuildOptions;
  expect: CorpusExpect;
}

export const TRUTH_ALL: [number, number][] = KG_TRUTH.map((k) => [k.lon, k.lat]);

/** Format a coordinate like a planner's export would (6 decimals for degrees, 3 for metres). */
export function coordText(v: number, projected: boolean): string {
  return projected ? v.toFixed(3) : v.toFixed(6);
}

/** Kindergarten table rows (header + data) with coordinates in `crs`. */
export function kgTable(crs: CrsId = 'wgs84', headers = ['编号', '幼儿园名称', '办园性质', '经度', '纬度', '班级数', '学位数']): string[][] {
  const f = fromWgs84Fn(crs);
  const projected = crs.startsWith('epsg:');
  return [
    headers,
    ...KG_TRUTH.map((k) => {
      const [x, y] = f(k.lon, k.lat);
      return [k.id, k.name, k.typeZh, coordText(x, projected), coordText(y, projected), String(k.classes), String(k.places)];
    }),
  ];
}

/** CSV text of a table (cells quoted when needed). */
export function csvText(rows: string[][], eol = '\r\n', delim = ','): string {
  const q = (c: string): string => (c.includes(delim) || c.includes('"') || c.includes('\n') || c.includes('\r') ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(q).join(delim)).join(eol) + eol;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const utf8Bom = (s: string): Uint8Array => utf8('\uFEFF' + s);
export const gbk = (s: string): Uint8Array => encodeGb18030(s);

/** UTF-16LE with BOM. */
export function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
}

export const KG_SHP_FIELDS: ShpField[] = [
  { name: '编号', type: 'C', length: 10 },
  { name: '名称', type: 'C', length: 60 },
  { name: '性质', type: 'C', length: 20 },
  { name: '班级数', type: 'N', length: 5 },
  { name: '学位数', type: 'N', length: 6 },
];

/** A zipped point shapefile of KG_TRUTH in `crs`, with optional .prj/.cpg and text encoding. */
export function kgShapefileZip(opts: { crs?: CrsId; encoding: 'utf-8' | 'gbk'; prj?: string; cpg?: string; base?: string; dropDbf?: boolean; cutDbf?: number }): Uint8Array {
  const f = fromWgs84Fn(opts.crs ?? 'wgs84');
  const feats = KG_TRUTH.map((k) => ({
    geometry: { type: 'Point', coordinates: f(k.lon, k.lat) },
    properties: { 编号: k.id, 名称: k.name, 性质: k.typeZh, 班级数: k.classes, 学位数: k.places },
  }));
  const s = writeShapefile(feats, KG_SHP_FIELDS, { shapeType: 'point', encoding: opts.encoding });
  const base = opts.base ?? 'kindergartens';
  const entries = [
    { name: `${base}.shp`, bytes: s.shp },
    { name: `${base}.shx`, bytes: s.shx },
  ];
  if (!opts.dropDbf) entries.push({ name: `${base}.dbf`, bytes: opts.cutDbf ? s.dbf.slice(0, s.dbf.length - opts.cutDbf) : s.dbf });
  if (opts.prj) entries.push({ name: `${base}.prj`, bytes: utf8(opts.prj) });
  if (opts.cpg) entries.push({ name: `${base}.cpg`, bytes: utf8(opts.cpg) });
  return zipStore(entries);
}
