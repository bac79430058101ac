/**
 * Road / path lines for the walking network from GeoJSON (LineString, MultiLineString;
 * features in a FeatureCollection, a single Feature or a bare geometry). Coordinates
 * must be WGS84 lon/lat (a Shapefile goes through the importer's coordinate handling
 * first, see shapefile-lines.ts). Ways that are not walkable by their OSM-style tags
 * (highway=motorway/trunk and their links, foot=no, access=private/no) are left out
 * and counted, and so are Chinese road classes 高速公路 / 快速路 in any attribute.
 */
import type { WalkLines } from '../../analysis/network/walk-graph';
import { m } from '../../i18n';
import { MessageError } from '../../i18n/message-error';

export interface WalkLinesResult {
  lines: WalkLines;
  /** features read as lines */
  features: number;
  /** features left out as not walkable */
  notWalkable: number;
  /** features without line geometry (points, polygons) */
  skipped: number;
  /** invalid coordinates (feature numbers, 1-based), at most 20 */
  badFeatures: number[];
}

const NOT_WALKABLE_HIGHWAY = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link', 'construction', 'proposed', 'raceway', 'bus_guideway']);

/** True when OSM-style tags say pedestrians may not use the way. */
export function notWalkableByTags(p: Record<string, unknown> | null | undefined): boolean {
  if (!p) return false;
  const hw = typeof p.highway === 'string' ? p.highway : '';
  const foot = typeof p.foot === 'string' ? p.foot : '';
  const access = typeof p.access === 'string' ? p.access : '';
  if (foot === 'yes' || foot === 'designated' || foot === 'permissive') return false;
  if (NOT_WALKABLE_HIGHWAY.has(hw) || foot === 'no' || access === 'private' || access === 'no') return true;
  // Chinese road classes (e.g. a Shapefile's 道路等级): expressways have no footways
  for (const v of Object.values(p)) if (typeof v === 'string' && /^(高速公路|高速|城市快速路|快速路)$/.test(v.trim())) return true;
  return false;
}

type Geom = { type: string; coordinates?: unknown; geometries?: Geom[] };

/** Read GeoJSON text/object into WalkLines; throws a Chinese error naming the file. */
export function walkLinesFromGeoJson(json: unknown, fileName: string): WalkLinesResult {
  const obj = json as { type?: string; features?: unknown[]; geometry?: Geom } | null;
  if (!obj || typeof obj !== 'object' || typeof obj.type !== 'string') throw new MessageError(m('data.net.notGeojson', { file: fileName }));
  const feats: { props: Record<string, unknown> | null; geom: Geom | null }[] =
    obj.type === 'FeatureCollection'
      ? (Array.isArray(obj.features) ? obj.features : []).map((f) => {
          const ff = f as { properties?: Record<string, unknown> | null; geometry?: Geom | null };
          return { props: ff?.properties ?? null, geom: ff?.geometry ?? null };
        })
      : obj.type === 'Feature'
        ? [{ props: (obj as { properties?: Record<string, unknown> }).properties ?? null, geom: obj.geometry ?? null }]
        : [{ props: null, geom: obj as Geom }];
  const coords: number[] = [];
  const offsets: number[] = [0];
  let features = 0;
  let notWalkable = 0;
  let skipped = 0;
  const badFeatures: number[] = [];
  const addLine = (line: unknown, f: number): boolean => {
    if (!Array.isArray(line)) return false;
    let n = 0;
    for (const p of line) {
      const lon = Array.isArray(p) ? Number(p[0]) : NaN;
      const lat = Array.isArray(p) ? Number(p[1]) : NaN;
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        if (badFeatures.length < 20 && !badFeatures.includes(f + 1)) badFeatures.push(f + 1);
        // a bad vertex ends the run
        if (n >= 2) offsets.push(coords.length / 2);
        else coords.length = offsets[offsets.length - 1] * 2;
        n = 0;
        continue;
      }
      coords.push(lon, lat);
      n++;
    }
    if (n >= 2) offsets.push(coords.length / 2);
    else coords.length = offsets[offsets.length - 1] * 2;
    return true;
  };
  const visit = (g: Geom | null, f: number): boolean => {
    if (!g) return false;
    if (g.type === 'LineString') return addLine(g.coordinates, f);
    if (g.type === 'MultiLineString' && Array.isArray(g.coordinates)) {
      for (const l of g.coordinates) addLine(l, f);
      return true;
    }
    if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
      let any = false;
      for (const h of g.geometries) any = visit(h, f) || any;
      return any;
    }
    return false;
  };
  feats.forEach(({ props, geom }, f) => {
    if (notWalkableByTags(props)) {
      notWalkable++;
      return;
    }
    if (visit(geom, f)) features++;
    else skipped++;
  });
  if (offsets.length < 2) throw new MessageError(m('data.net.noLines', { file: fileName }));
  return { lines: { coords: Float64Array.from(coords), lineOffsets: Int32Array.from(offsets) }, features, notWalkable, skipped, badFeatures };
}
