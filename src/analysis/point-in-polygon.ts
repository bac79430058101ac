/**
 * Point-in-polygon for GeoJSON Polygon / MultiPolygon text (even–odd rule, so
 * holes work), with a bounding-box prefilter. Coordinates in degrees, planar
 * test in lon/lat (fine for 街道-sized polygons).
 */

export interface PreparedPolygon {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  /** rings as flat [lon0, lat0, lon1, lat1, …] */
  rings: Float64Array[];
}

/** Parse GeoJSON geometry text into rings; null when empty, invalid or not a polygon. */
export function preparePolygon(geometryText: string | null | undefined): PreparedPolygon | null {
  if (!geometryText) return null;
  let g: { type?: string; coordinates?: unknown };
  try {
    g = JSON.parse(geometryText);
  } catch {
    return null;
  }
  let polys: number[][][][];
  if (g.type === 'Polygon') polys = [g.coordinates as number[][][]];
  else if (g.type === 'MultiPolygon') polys = g.coordinates as number[][][][];
  else return null;
  const rings: Float64Array[] = [];
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const poly of polys ?? []) {
    for (const ring of poly ?? []) {
      if (!Array.isArray(ring) || ring.length < 3) continue;
      const flat = new Float64Array(ring.length * 2);
      ring.forEach((pt, k) => {
        flat[2 * k] = pt[0];
        flat[2 * k + 1] = pt[1];
        if (pt[0] < minLon) minLon = pt[0];
        if (pt[0] > maxLon) maxLon = pt[0];
        if (pt[1] < minLat) minLat = pt[1];
        if (pt[1] > maxLat) maxLat = pt[1];
      });
      rings.push(flat);
    }
  }
  if (rings.length === 0) return null;
  return { minLon, minLat, maxLon, maxLat, rings };
}

/** True when (lon, lat) is inside the polygon (boundary points may go either way). */
export function pointInPolygon(poly: PreparedPolygon, lon: number, lat: number): boolean {
  if (lon < poly.minLon || lon > poly.maxLon || lat < poly.minLat || lat > poly.maxLat) return false;
  let inside = false;
  for (const r of poly.rings) {
    const n = r.length / 2;
    for (let a = 0, b = n - 1; a < n; b = a++) {
      const xa = r[2 * a];
      const ya = r[2 * a + 1];
      const xb = r[2 * b];
      const yb = r[2 * b + 1];
      if (ya > lat !== yb > lat && lon < ((xb - xa) * (lat - ya)) / (yb - ya) + xa) inside = !inside;
    }
  }
  return inside;
}
