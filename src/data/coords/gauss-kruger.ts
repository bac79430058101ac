/**
 * CGCS2000 Gauss–Krüger 3° zones through proj4.
 *
 * EPSG:4513–4533: "CGCS2000 / 3-degree Gauss-Kruger zone 25…45", false easting
 * zone × 1,000,000 + 500,000 (the zone number is the prefix of x).
 * EPSG:4534–4554: "CGCS2000 / 3-degree Gauss-Kruger CM 75E…135E", false easting
 * 500,000 (no prefix). Both: GRS80 ellipsoid, transverse Mercator, lat_0 = 0,
 * scale 1, false northing 0, central meridian 75°E … 135°E by 3° (zone = CM / 3).
 */
import proj4 from 'proj4';
import type { LonLat } from './china-shift';

/** First and last EPSG codes of the two 3° series. */
export const GK_PREFIXED_FIRST = 4513;
export const GK_PREFIXED_LAST = 4533;
export const GK_PLAIN_FIRST = 4534;
export const GK_PLAIN_LAST = 4554;

export interface GkZone {
  epsg: number;
  /** 3° zone number (25…45) */
  zone: number;
  /** central meridian, degrees east */
  cm: number;
  /** true when x carries the zone number (EPSG:4513–4533) */
  prefixed: boolean;
}

/** Zone parameters of an EPSG code in 4513–4554, or null. */
export function gkZoneOfEpsg(epsg: number): GkZone | null {
  if (epsg >= GK_PREFIXED_FIRST && epsg <= GK_PREFIXED_LAST) {
    const zone = 25 + (epsg - GK_PREFIXED_FIRST);
    return { epsg, zone, cm: zone * 3, prefixed: true };
  }
  if (epsg >= GK_PLAIN_FIRST && epsg <= GK_PLAIN_LAST) {
    const zone = 25 + (epsg - GK_PLAIN_FIRST);
    return { epsg, zone, cm: zone * 3, prefixed: false };
  }
  return null;
}

/** EPSG code of a 3° zone (25…45), with or without the zone prefix. */
export function gkEpsgOfZone(zone: number, prefixed: boolean): number | null {
  if (!Number.isInteger(zone) || zone < 25 || zone > 45) return null;
  return (prefixed ? GK_PREFIXED_FIRST : GK_PLAIN_FIRST) + zone - 25;
}

/** The 3° zone whose central meridian is nearest to `lon`. */
export function gkZoneForLon(lon: number): number {
  return Math.min(45, Math.max(25, Math.round(lon / 3)));
}

/** proj4 definition string of EPSG:4513–4554 written from the EPSG parameters. */
export function gkProj4Def(epsg: number): string {
  const z = gkZoneOfEpsg(epsg);
  if (!z) throw new Error(`EPSG:${epsg} is not a CGCS2000 3-degree Gauss-Kruger zone`);
  const x0 = z.prefixed ? z.zone * 1_000_000 + 500_000 : 500_000;
  return `+proj=tmerc +lat_0=0 +lon_0=${z.cm} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs`;
}

const WGS84 = '+proj=longlat +ellps=GRS80 +no_defs';
interface Converter {
  forward(p: number[]): number[];
  inverse(p: number[]): number[];
}
const converters = new Map<number, Converter>();

function converter(epsg: number): Converter {
  let c = converters.get(epsg);
  if (!c) {
    // CGCS2000 geographic and WGS84 agree within a few centimetres: no datum shift
    c = proj4(WGS84, gkProj4Def(epsg)) as unknown as Converter;
    converters.set(epsg, c);
  }
  return c;
}

/** Gauss–Krüger (easting x, northing y, metres) → lon/lat (CGCS2000 ≈ WGS84). */
export function gkToLonLat(epsg: number, x: number, y: number): LonLat {
  const [lon, lat] = converter(epsg).inverse([x, y]);
  return [lon, lat];
}

/** lon/lat → Gauss–Krüger (easting x, northing y) in zone `epsg`. */
export function lonLatToGk(epsg: number, lon: number, lat: number): [number, number] {
  const [x, y] = converter(epsg).forward([lon, lat]);
  return [x, y];
}
