/**
 * The coordinate part of an import: x/y per row (from lon/lat columns or from
 * the feature geometry), a sample for guessing the CRS, conversion to WGS84.
 */
import { m } from '../../i18n';
import { type ReferenceArea } from '../coords/area';
import { isProjected, toWgs84Fn, type CrsId } from '../coords/crs';
import { detectCrs, type CrsGuess } from '../coords/detect-crs';
import { parseNumberCell } from '../coerce';
import { sheetRow, sheetRowCount, type ParsedFile, type Sheet, type SourceGeometry } from './types';

/** Coordinates sampled for CRS detection (file CRS; NaN where missing). */
export interface CoordSample {
  xs: number[];
  ys: number[];
  /** at least one row has a finite x/y */
  any: boolean;
}

/** A coordinate cell as a number (NaN when blank or not a number). */
export function cellNumber(v: unknown): number {
  if (v === null || v === undefined || v === '') return Number.NaN;
  if (typeof v === 'number') return v;
  return parseNumberCell(v);
}

/** Representative point of a geometry: the point itself, else the mean of the first ring's vertices. */
export function representativePoint(g: SourceGeometry | null | undefined): [number, number] | null {
  if (!g) return null;
  try {
    if (g.type === 'GeometryCollection') return g.geometries?.length ? representativePoint(g.geometries[0]) : null;
    let pts: unknown = g.coordinates;
    while (Array.isArray(pts) && Array.isArray(pts[0]) && Array.isArray((pts[0] as unknown[])[0])) pts = pts[0];
    if (!Array.isArray(pts)) return null;
    if (typeof pts[0] === 'number') return [Number(pts[0]), Number(pts[1])];
    const ring = pts as number[][];
    const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
    if (n === 0) return null;
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      x += Number(ring[i][0]);
      y += Number(ring[i][1]);
    }
    return [x / n, y / n];
  } catch {
    return null;
  }
}

/** x/y of one row: from the mapped lon/lat cells, else from the geometry. */
export function rowPoint(cells: unknown[], geometry: SourceGeometry | null | undefined, lonIdx: number | undefined, latIdx: number | undefined): [number, number] {
  if (lonIdx !== undefined && latIdx !== undefined) return [cellNumber(cells[lonIdx]), cellNumber(cells[latIdx])];
  const p = representativePoint(geometry);
  return p ? [Number(p[0]), Number(p[1])] : [Number.NaN, Number.NaN];
}

/** Up to `max` x/y pairs spread over the sheet, for CRS detection. */
export function sampleCoords(sheet: Sheet, lonIdx: number | undefined, latIdx: number | undefined, max = 5000): CoordSample {
  const n = sheetRowCount(sheet);
  const step = Math.max(1, Math.floor(n / max));
  const xs: number[] = [];
  const ys: number[] = [];
  let any = false;
  for (let i = 0; i < n; i += step) {
    const [x, y] = rowPoint(sheetRow(sheet, i), sheet.geometries?.[i], lonIdx, latIdx);
    xs.push(x);
    ys.push(y);
    if (Number.isFinite(x) && Number.isFinite(y)) any = true;
  }
  if (!any && step > 1) {
    for (let i = 0; i < n && !any; i++) {
      const [x, y] = rowPoint(sheetRow(sheet, i), sheet.geometries?.[i], lonIdx, latIdx);
      any = Number.isFinite(x) && Number.isFinite(y);
    }
  }
  return { xs, ys, any };
}

/** CRS guess for a sheet, with the KML convention (WGS84) applied when values cannot decide. */
export function guessSheetCrs(parsed: ParsedFile, sheet: Sheet, coords: CoordSample, hints: string[], reference?: ReferenceArea): CrsGuess {
  const g = detectCrs({ xs: coords.xs, ys: coords.ys, prj: sheet.prj ?? parsed.prj, hints, reference });
  if (parsed.kind === 'kml' && g.confidence === 'uncertain' && g.crs !== null && !isProjected(g.crs)) {
    return { ...g, crs: 'wgs84', confidence: 'likely', reason: m('data.crs.kmlWgs84') };
  }
  return g;
}

/** Deep-convert a geometry's coordinates with `f` (use converterFor for the swap); null when a coordinate is not a finite number. */
export function convertGeometry(g: SourceGeometry, f: (x: number, y: number) => [number, number]): SourceGeometry | null {
  let bad = false;
  const conv = (c: unknown): unknown => {
    if (!Array.isArray(c)) {
      bad = true;
      return c;
    }
    if (typeof c[0] === 'number' || typeof c[1] === 'number' || c.length === 0) {
      const x = Number(c[0]);
      const y = Number(c[1]);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        bad = true;
        return c;
      }
      return f(x, y);
    }
    return c.map(conv);
  };
  if (g.type === 'GeometryCollection') {
    const parts = (g.geometries ?? []).map((p) => convertGeometry(p, f));
    return parts.some((p) => p === null) ? null : { type: g.type, geometries: parts as SourceGeometry[] };
  }
  const coordinates = conv(g.coordinates);
  return bad ? null : { type: g.type, coordinates };
}

/** Converter x/y → WGS84 honouring the swap flag. */
export function converterFor(crs: CrsId, swap: boolean): (x: number, y: number) => [number, number] {
  const f = toWgs84Fn(crs);
  return swap ? (x, y) => f(y, x) : f;
}

/** Number of decimals written in a coordinate cell (trailing zeros ignored). */
export function decimalsOf(v: unknown): number {
  const s = typeof v === 'number' ? String(v) : String(v ?? '').trim();
  if (/e/i.test(s)) return 99;
  const i = s.indexOf('.');
  if (i < 0) return 0;
  let end = s.length;
  while (end > i + 1 && s.charCodeAt(end - 1) === 48) end--;
  return end - i - 1;
}
