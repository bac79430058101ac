/** Reference areas for CRS tests and location flags: bounding boxes and (multi)polygons. */

/** [minLon, minLat, maxLon, maxLat] */
export type Bbox = [number, number, number, number];

export interface PolygonGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

/** Where the data should be: the loaded district boundary and/or the bbox of data already loaded. */
export interface ReferenceArea {
  bbox?: Bbox;
  /** district boundary, WGS84 */
  polygon?: PolygonGeometry;
  /** neighbourhood margin around the bbox, metres (default 5000) */
  marginM?: number;
  /** named features already loaded (WGS84): rows with the same name decide the coordinate system */
  named?: { name: string; lon: number; lat: number }[];
}

/** Rough extent of China's territory used to flag impossible points (incl. South China Sea islands). */
export const CHINA_BBOX: Bbox = [73.4, 3.8, 135.1, 53.6];

export function inBbox(b: Bbox, lon: number, lat: number): boolean {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

/** Bbox grown by `marginM` metres on every side. */
export function expandBbox(b: Bbox, marginM: number): Bbox {
  const dLat = marginM / 111_320;
  const midLat = ((b[1] + b[3]) / 2) * (Math.PI / 180);
  const dLon = marginM / (111_320 * Math.max(0.1, Math.cos(midLat)));
  return [b[0] - dLon, b[1] - dLat, b[2] + dLon, b[3] + dLat];
}

function ringContains(ring: number[][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Point-in-polygon (even-odd, holes respected) for a Polygon or MultiPolygon. */
export function polygonContains(g: PolygonGeometry, lon: number, lat: number): boolean {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  for (const poly of polys) {
    if (poly.length === 0 || !ringContains(poly[0], lon, lat)) continue;
    let inHole = false;
    for (let h = 1; h < poly.length; h++) if (ringContains(poly[h], lon, lat)) inHole = true;
    if (!inHole) return true;
  }
  return false;
}

/** Bbox of a Polygon/MultiPolygon. */
export function bboxOfPolygon(g: PolygonGeometry): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  for (const poly of polys)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x > b[2]) b[2] = x;
        if (y > b[3]) b[3] = y;
      }
  return b;
}

/** Bbox of a list of points, or null when empty. */
export function bboxOfPoints(lons: ArrayLike<number>, lats: ArrayLike<number>): Bbox | null {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lons.length; i++) {
    const x = lons[i];
    const y = lats[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return Number.isFinite(b[0]) ? b : null;
}

/** Test against the polygon when given, else the bbox (no margin). */
export function referenceContains(ref: ReferenceArea, lon: number, lat: number): boolean {
  if (ref.polygon) return polygonContains(ref.polygon, lon, lat);
  return ref.bbox ? inBbox(ref.bbox, lon, lat) : true;
}

/** The bbox of the reference (bbox, else the polygon's), or null. */
export function referenceBbox(ref: ReferenceArea | undefined): Bbox | null {
  if (!ref) return null;
  if (ref.bbox) return ref.bbox;
  return ref.polygon ? bboxOfPolygon(ref.polygon) : null;
}
