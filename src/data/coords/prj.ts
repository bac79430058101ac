/**
 * Reading a CRS from a shapefile .prj (ESRI/OGC WKT), a GeoJSON "crs" member or
 * an "EPSG:xxxx" / URN string.
 */
import { m, type Message } from '../../i18n';
import type { CrsId } from './crs';
import { gkEpsgOfZone, gkZoneOfEpsg } from './gauss-kruger';

export interface PrjReading {
  crs: CrsId | null;
  /** why (names the projection found) */
  reason: Message;
}

function param(wkt: string, name: string): number | null {
  const m = new RegExp(`PARAMETER\\s*\\[\\s*"(?:${name})"\\s*,\\s*([-+0-9.eE]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
}

function quotedName(wkt: string, key: string): string {
  const m = new RegExp(`(?:${key})\\s*\\[\\s*"([^"]*)"`, 'i').exec(wkt);
  return m ? m[1] : '';
}

/** CRS named by a WKT string, an EPSG code or URN; crs null when unknown or unsupported. */
export function readPrj(text: string | null | undefined): PrjReading | null {
  if (!text || !text.trim()) return null;
  const t = text.trim();
  const code = /(?:EPSG[^0-9]{1,6}|^)(\d{4,5})\s*$/i.exec(t) ?? /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d{4,5})"?\s*\]\s*\]\s*$/i.exec(t);
  if (code) {
    const n = Number(code[1]);
    if (n === 4326) return { crs: 'wgs84', reason: m('data.prj.epsg4326') };
    if (n === 4490) return { crs: 'cgcs2000', reason: m('data.prj.epsg4490') };
    if (gkZoneOfEpsg(n)) return { crs: `epsg:${n}`, reason: m('data.prj.epsgNamed', { epsg: n }) };
    if (!/GEOGCS|PROJCS|GEOGCRS|PROJCRS/i.test(t)) {
      return { crs: null, reason: m('data.prj.epsgUnsupported', { epsg: n }) };
    }
  }
  const geog = `${quotedName(t, 'GEOGCS|GEOGCRS|BASEGEOGCRS')} ${quotedName(t, 'DATUM')}`;
  const is2000 = /2000|CGCS/i.test(geog);
  const isWgs = /WGS[ _]?(19)?84/i.test(geog);
  const projName = quotedName(t, 'PROJCS|PROJCRS');
  if (!/PROJCS|PROJCRS/i.test(t)) {
    if (is2000) return { crs: 'cgcs2000', reason: m('data.prj.cgcs2000', { name: geog.trim() }) };
    if (isWgs) return { crs: 'wgs84', reason: m('data.prj.wgs84') };
    return { crs: null, reason: m('data.prj.geogUnsupported', { name: geog.trim() || t.slice(0, 60) }) };
  }
  const method = quotedName(t, 'PROJECTION|METHOD');
  const cm = param(t, 'Central_Meridian') ?? param(t, 'Longitude of natural origin');
  const fe = param(t, 'False_Easting') ?? param(t, 'False easting');
  const fn = param(t, 'False_Northing') ?? param(t, 'False northing') ?? 0;
  const k = param(t, 'Scale_Factor') ?? param(t, 'Scale factor at natural origin') ?? 1;
  const tm = /Gauss|Transverse_Mercator|Transverse Mercator/i.test(method);
  if (tm && (is2000 || isWgs) && cm !== null && fe !== null && fn === 0 && Math.abs(k - 1) < 1e-9 && cm % 3 === 0) {
    const zone = cm / 3;
    const prefixed = fe === zone * 1_000_000 + 500_000;
    const epsg = prefixed || fe === 500_000 ? gkEpsgOfZone(zone, prefixed) : null;
    if (epsg) {
      return {
        crs: `epsg:${epsg}`,
        reason: m(isWgs ? 'data.prj.gkWgs' : 'data.prj.gk', { name: projName, cm, fe, epsg }),
      };
    }
  }
  return {
    crs: null,
    reason: m(/Xian|Beijing|1954|1980/i.test(geog) ? 'data.prj.projXian' : 'data.prj.projUnsupported', { name: projName || method }),
  };
}

const GEOGCS_2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GEOGCS_WGS84 = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** ESRI-style WKT (.prj text) of WGS84, CGCS2000 or a CGCS2000 3° Gauss–Krüger zone, as ArcGIS writes it. */
export function esriWktOf(crs: CrsId): string {
  if (crs === 'wgs84' || crs === 'gcj02' || crs === 'bd09') return GEOGCS_WGS84;
  if (crs === 'cgcs2000') return GEOGCS_2000;
  const z = gkZoneOfEpsg(Number(crs.slice(5)));
  if (!z) return GEOGCS_WGS84;
  const name = z.prefixed ? `CGCS2000_3_Degree_GK_Zone_${z.zone}` : `CGCS2000_3_Degree_GK_CM_${z.cm}E`;
  const fe = z.prefixed ? z.zone * 1_000_000 + 500_000 : 500_000;
  return `PROJCS["${name}",${GEOGCS_2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe}.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${z.cm}.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
}
