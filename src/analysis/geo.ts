/**
 * Distances on the sphere (R = 6371008.8 m, the IUGG mean radius).
 *
 * The engine measures great-circle distance exactly (same value as the haversine
 * formula, to ~1e-12 relative), computed from unit vectors: the chord c between
 * two points on the unit sphere gives d = 2R·asin(c/2). A local equirectangular
 * projection is used only to bucket points into a grid (a conservative prefilter).
 */

export const EARTH_RADIUS_M = 6371008.8;
const DEG = Math.PI / 180;

/** Great-circle distance in metres by the haversine formula (inputs in degrees, WGS84 treated as a sphere). */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const dp = p2 - p1;
  const dl = (lon2 - lon1) * DEG;
  const a = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

/** Unit vectors (x, y, z) of points on the sphere, from degrees. */
export interface UnitVectors {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

/** Unit vectors of n points; lon/lat in degrees. */
export function toUnitVectors(lon: ArrayLike<number>, lat: ArrayLike<number>): UnitVectors {
  const n = lon.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = lat[i] * DEG;
    const l = lon[i] * DEG;
    const cp = Math.cos(p);
    x[i] = cp * Math.cos(l);
    y[i] = cp * Math.sin(l);
    z[i] = Math.sin(p);
  }
  return { x, y, z };
}

/** Squared chord length on the unit sphere corresponding to a great-circle distance in metres. */
export function chord2OfDistance(distanceM: number): number {
  const c = 2 * Math.sin(Math.min(Math.PI / 2, distanceM / (2 * EARTH_RADIUS_M)));
  return c * c;
}

/** Great-circle distance in metres from a squared unit-sphere chord. */
export function distanceOfChord2(chord2: number): number {
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

/**
 * Local equirectangular projection around latitude `lat0Deg`:
 * x = R·cos(lat0)·Δlon, y = R·Δlat (metres, Δ in radians from lon0/lat0).
 * Within 0.5% of the great-circle distance for distances up to 3 km within
 * ±0.15° (≈17 km, a district) of lat0 at 18–53°N; up to ~5% over ±2° (checked in
 * test/analysis/geo.test.ts). The engine measures with great-circle distance; this
 * projection is for display and rough work only.
 */
export function equirectangularM(lon1: number, lat1: number, lon2: number, lat2: number, lat0Deg: number): number {
  const dx = EARTH_RADIUS_M * Math.cos(lat0Deg * DEG) * (lon2 - lon1) * DEG;
  const dy = EARTH_RADIUS_M * (lat2 - lat1) * DEG;
  return Math.hypot(dx, dy);
}

/** Gaussian 2SFCA weight W(d) = (e^{−½(d/d0)²} − e^{−½}) / (1 − e^{−½}); 1 at d = 0, 0 at d = d0 (0 beyond). */
export function gaussianWeight(distanceM: number, d0M: number): number {
  if (distanceM >= d0M) return 0;
  const r = distanceM / d0M;
  return (Math.exp(-0.5 * r * r) - GAUSS_E) / (1 - GAUSS_E);
}
const GAUSS_E = Math.exp(-0.5);

/** True when lon/lat are finite and within WGS84 ranges. */
export function validLonLat(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}
