/**
 * The Chinese map offsets: WGS84 ↔ GCJ-02 (国测局, "Mars" coordinates used by
 * 高德/腾讯/DataV) ↔ BD-09 (百度). The forward formulas are the de-facto public
 * ones (Krasovsky ellipsoid, a = 6378245, e² = 0.00669342162296594323); the
 * inverses are solved by fixed-point iteration to well below a millimetre.
 *
 * All functions take and return [lon, lat] in degrees.
 */

export type LonLat = [number, number];

const A = 6378245.0;
const EE = 0.006693421622965943; // 0.00669342162296594323 as a double
const X_PI = (Math.PI * 3000.0) / 180.0;

/** Rough rectangle outside which GCJ-02 applies no offset (the common public convention). */
export function outOfChinaRect(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** WGS84 → GCJ-02 (identity outside the China rectangle). */
export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  if (outOfChinaRect(lon, lat)) return [lon, lat];
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → BD-09. */
export function gcj02ToBd09(lon: number, lat: number): LonLat {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** BD-09 → GCJ-02 by the usual closed-form approximation (error up to a few cm); used as the start of the exact inverse. */
function bd09ToGcj02Approx(lon: number, lat: number): LonLat {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

/**
 * Invert `forward` at `target` by fixed-point iteration: the offsets are smooth
 * and small, so p ← p − (forward(p) − target) converges in a few steps.
 */
function invert(forward: (lon: number, lat: number) => LonLat, target: LonLat, start: LonLat): LonLat {
  let [lon, lat] = start;
  for (let i = 0; i < 30; i++) {
    const [fx, fy] = forward(lon, lat);
    const dx = fx - target[0];
    const dy = fy - target[1];
    lon -= dx;
    lat -= dy;
    if (Math.abs(dx) < 1e-12 && Math.abs(dy) < 1e-12) break;
  }
  return [lon, lat];
}

/** GCJ-02 → WGS84, exact inverse (iterated to < 1e-12°). */
export function gcj02ToWgs84(lon: number, lat: number): LonLat {
  if (outOfChinaRect(lon, lat)) return [lon, lat];
  return invert(wgs84ToGcj02, [lon, lat], [lon, lat]);
}

/** BD-09 → GCJ-02, exact inverse of gcj02ToBd09. */
export function bd09ToGcj02(lon: number, lat: number): LonLat {
  return invert(gcj02ToBd09, [lon, lat], bd09ToGcj02Approx(lon, lat));
}

/** WGS84 → BD-09. */
export function wgs84ToBd09(lon: number, lat: number): LonLat {
  const [x, y] = wgs84ToGcj02(lon, lat);
  return gcj02ToBd09(x, y);
}

/** BD-09 → WGS84 (exact inverses of both steps). */
export function bd09ToWgs84(lon: number, lat: number): LonLat {
  const [x, y] = bd09ToGcj02(lon, lat);
  return gcj02ToWgs84(x, y);
}
