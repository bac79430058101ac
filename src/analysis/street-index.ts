/**
 * Which 街道 a row belongs to: its street_code; when that is empty, the
 * admin_units polygon containing its point; else the '' row (未分配街道).
 * Codes not in admin_units get rows of their own (未匹配街道).
 */
import type { AdminUnit } from './model';
import { pointInPolygon, preparePolygon, type PreparedPolygon } from './point-in-polygon';

/** Placeholder index of the '' (unassigned) row until `finalizeStreets`. */
export const UNASSIGNED = -2;

export interface StreetIndex {
  codes: string[];
  namesZh: string[];
  levels: string[];
  byCode: Map<string, number>;
  polygons: (PreparedPolygon | null)[];
  /** set by finalizeStreets: index of the '' row, or −1 when no row needed it */
  unassignedIndex: number;
  usedUnassigned: boolean;
}

/** Rows for every admin unit, in input order (duplicate codes: the first wins). */
export function createStreetIndex(adminUnits: readonly AdminUnit[]): StreetIndex {
  const idx: StreetIndex = {
    codes: [],
    namesZh: [],
    levels: [],
    byCode: new Map(),
    polygons: [],
    unassignedIndex: -1,
    usedUnassigned: false,
  };
  for (const a of adminUnits) {
    const code = (a.code ?? '').trim();
    if (code === '' || idx.byCode.has(code)) continue;
    idx.byCode.set(code, idx.codes.length);
    idx.codes.push(code);
    idx.namesZh.push(a.name ?? code);
    idx.levels.push(a.level ?? '');
    idx.polygons.push(preparePolygon(a.geometry));
  }
  return idx;
}

/**
 * Street row of a record. Returns the row index (or UNASSIGNED) and whether the
 * boundary decided it. Inputs: street_code as in the data, point in degrees.
 */
export function assignStreet(idx: StreetIndex, code: string | null | undefined, lon: number, lat: number): { index: number; byBoundary: boolean } {
  const c = (code ?? '').trim();
  if (c !== '') {
    let k = idx.byCode.get(c);
    if (k === undefined) {
      k = idx.codes.length;
      idx.byCode.set(c, k);
      idx.codes.push(c);
      idx.namesZh.push(`未匹配街道（${c}）`);
      idx.levels.push('');
      idx.polygons.push(null);
    }
    return { index: k, byBoundary: false };
  }
  if (Number.isFinite(lon) && Number.isFinite(lat)) {
    for (let k = 0; k < idx.polygons.length; k++) {
      const p = idx.polygons[k];
      if (p && pointInPolygon(p, lon, lat)) return { index: k, byBoundary: true };
    }
  }
  idx.usedUnassigned = true;
  return { index: UNASSIGNED, byBoundary: false };
}

/** Append the '' row when used and replace UNASSIGNED in the given index arrays. */
export function finalizeStreets(idx: StreetIndex, arrays: Int32Array[]): void {
  if (!idx.usedUnassigned) return;
  const u = idx.codes.length;
  idx.unassignedIndex = u;
  idx.codes.push('');
  idx.namesZh.push('未分配街道');
  idx.levels.push('');
  idx.polygons.push(null);
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) if (a[i] === UNASSIGNED) a[i] = u;
  }
}
