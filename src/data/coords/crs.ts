/**
 * Coordinate reference systems the importer understands, their labels, and the
 * conversion of each to WGS84 (the storage CRS).
 */
import { m, render, type Lang, type Message } from '../../i18n';
import { bd09ToWgs84, gcj02ToWgs84, wgs84ToBd09, wgs84ToGcj02, type LonLat } from './china-shift';
import { GK_PLAIN_FIRST, GK_PLAIN_LAST, GK_PREFIXED_FIRST, GK_PREFIXED_LAST, gkToLonLat, gkZoneOfEpsg, lonLatToGk } from './gauss-kruger';

/** 'wgs84' | 'cgcs2000' (geographic) | 'gcj02' | 'bd09' | 'epsg:4513'…'epsg:4554' (CGCS2000 3° Gauss–Krüger). */
export type CrsId = 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09' | `epsg:${number}`;

export const GEOGRAPHIC_CRS: readonly CrsId[] = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'];

/** Every CRS the importer can convert, in the order a select lists them. */
export function allCrsIds(): CrsId[] {
  const out: CrsId[] = [...GEOGRAPHIC_CRS];
  for (let e = GK_PREFIXED_FIRST; e <= GK_PREFIXED_LAST; e++) out.push(`epsg:${e}`);
  for (let e = GK_PLAIN_FIRST; e <= GK_PLAIN_LAST; e++) out.push(`epsg:${e}`);
  return out;
}

/** Parse 'wgs84', 'BD09', 'EPSG:4526', '4526' … into a CrsId, or null. */
export function parseCrsId(s: string | null | undefined): CrsId | null {
  if (!s) return null;
  const t = String(s).trim().toLowerCase();
  if (t === 'wgs84' || t === 'epsg:4326' || t === '4326') return 'wgs84';
  if (t === 'cgcs2000' || t === 'epsg:4490' || t === '4490') return 'cgcs2000';
  if (t === 'gcj02' || t === 'gcj-02') return 'gcj02';
  if (t === 'bd09' || t === 'bd-09') return 'bd09';
  const m = /^(?:epsg:)?(\d{4})$/.exec(t);
  if (m && gkZoneOfEpsg(Number(m[1]))) return `epsg:${Number(m[1])}`;
  return null;
}

/** EPSG code of a Gauss–Krüger CrsId, or null for geographic ones. */
export function epsgOf(crs: CrsId): number | null {
  if (!crs.startsWith('epsg:')) return null;
  const n = Number(crs.slice(5));
  return gkZoneOfEpsg(n) ? n : null;
}

/** True for projected (metre) coordinates. */
export function isProjected(crs: CrsId): boolean {
  return epsgOf(crs) !== null;
}

/** Name of a CRS, as a message. */
export function crsName(crs: CrsId): Message {
  switch (crs) {
    case 'wgs84':
    case 'cgcs2000':
    case 'gcj02':
    case 'bd09':
      return m(`data.crs.name.${crs}`);
    default: {
      const z = gkZoneOfEpsg(epsgOf(crs) ?? 0);
      if (!z) return m('data.crs.name.other', { crs });
      return z.prefixed ? m('data.crs.name.gkPrefixed', { zone: z.zone, epsg: z.epsg }) : m('data.crs.name.gkPlain', { cm: z.cm, epsg: z.epsg });
    }
  }
}

/** Label of a CRS in the language. */
export const crsLabel = (crs: CrsId, lang: Lang = 'zh'): string => render(lang, crsName(crs));

/** Converter from `crs` coordinates (x = lon/easting, y = lat/northing) to WGS84 lon/lat. */
export function toWgs84Fn(crs: CrsId): (x: number, y: number) => LonLat {
  switch (crs) {
    case 'wgs84':
    case 'cgcs2000':
      // CGCS2000 and WGS84 agree within a few centimetres: stored as is
      return (x, y) => [x, y];
    case 'gcj02':
      return gcj02ToWgs84;
    case 'bd09':
      return bd09ToWgs84;
    default: {
      const epsg = epsgOf(crs);
      if (epsg === null) throw new Error(`unknown CRS ${crs}`);
      return (x, y) => gkToLonLat(epsg, x, y);
    }
  }
}

/** Converter from WGS84 lon/lat to `crs` coordinates (used for fixtures and exports). */
export function fromWgs84Fn(crs: CrsId): (lon: number, lat: number) => [number, number] {
  switch (crs) {
    case 'wgs84':
    case 'cgcs2000':
      return (x, y) => [x, y];
    case 'gcj02':
      return wgs84ToGcj02;
    case 'bd09':
      return wgs84ToBd09;
    default: {
      const epsg = epsgOf(crs);
      if (epsg === null) throw new Error(`unknown CRS ${crs}`);
      return (lon, lat) => lonLatToGk(epsg, lon, lat);
    }
  }
}
