/**
 * A uniform grid hash over a point set (lon/lat degrees), stored as CSR arrays
 * (counting sort by cell: `offsets` per cell, row-major, so the cells of one row
 * are one contiguous run), with the points' unit vectors copied into cell order
 * for cache-friendly scans.
 *
 * Cells are at least `cellM` metres wide everywhere in the data: the lon width is
 * taken at the highest |latitude| of the indexed points (plus a margin), so a box
 * search of ±1 cell never misses a point within `cellM` (great-circle distance ≥
 * R·|Δlat| and ≥ R·cos(lat_max)·|Δlon| up to ~1e-9 at these distances, covered by
 * the margin). When the extent would need more than MAX_GRID_CELLS cells, cells
 * are widened: still correct, only more candidates per query. Longitudes are not
 * wrapped at ±180°.
 */
import { EARTH_RADIUS_M, validLonLat } from './geo';

const DEG = Math.PI / 180;
/** dense grid limit (Int32 offsets: 16 MB) */
export const MAX_GRID_CELLS = 1 << 22;

export interface GridIndex {
  /** degrees */
  minLon: number;
  minLat: number;
  cellLonDeg: number;
  cellLatDeg: number;
  /** guaranteed minimum cell width/height in metres */
  cellM: number;
  nx: number;
  ny: number;
  /** CSR offsets, length nx·ny + 1; cell id = row·nx + col */
  offsets: Int32Array;
  /** original point index, in cell order */
  index: Int32Array;
  /** unit vectors in cell order */
  ux: Float64Array;
  uy: Float64Array;
  uz: Float64Array;
  /** number of indexed points (points with invalid coordinates are left out) */
  size: number;
}

/**
 * Build a grid over points (lon/lat in degrees; invalid coordinates skipped).
 * `minCellM`: the minimum cell size in metres (use the search radius).
 */
export function buildGridIndex(lon: ArrayLike<number>, lat: ArrayLike<number>, minCellM: number): GridIndex {
  const n = lon.length;
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  let maxAbsLat = 0;
  let size = 0;
  for (let i = 0; i < n; i++) {
    const lo = lon[i];
    const la = lat[i];
    if (!validLonLat(lo, la)) continue;
    size++;
    if (lo < minLon) minLon = lo;
    if (lo > maxLon) maxLon = lo;
    if (la < minLat) minLat = la;
    if (la > maxLat) maxLat = la;
    const a = Math.abs(la);
    if (a > maxAbsLat) maxAbsLat = a;
  }
  if (size === 0) {
    minLon = 0;
    maxLon = 0;
    minLat = 0;
    maxLat = 0;
  }
  let cellM = Math.max(1, minCellM) * (1 + 1e-6) + 1e-3;
  const latMarginDeg = cellM / EARTH_RADIUS_M / DEG + 0.01;
  const cosMax = Math.max(1e-3, Math.cos(Math.min(89.9, maxAbsLat + latMarginDeg) * DEG));
  const mPerDegLat = EARTH_RADIUS_M * DEG;
  const mPerDegLon = mPerDegLat * cosMax;
  const spanX = (maxLon - minLon) * mPerDegLon;
  const spanY = (maxLat - minLat) * mPerDegLat;
  let nx = Math.floor(spanX / cellM) + 1;
  let ny = Math.floor(spanY / cellM) + 1;
  if (nx * ny > MAX_GRID_CELLS) {
    cellM *= Math.sqrt((nx * ny) / MAX_GRID_CELLS) * 1.01;
    nx = Math.floor(spanX / cellM) + 1;
    ny = Math.floor(spanY / cellM) + 1;
  }
  const cellLonDeg = cellM / mPerDegLon;
  const cellLatDeg = cellM / mPerDegLat;
  const nCells = nx * ny;
  const offsets = new Int32Array(nCells + 1);
  const cellOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const lo = lon[i];
    const la = lat[i];
    if (!validLonLat(lo, la)) {
      cellOf[i] = -1;
      continue;
    }
    const c = Math.min(nx - 1, Math.floor((lo - minLon) / cellLonDeg));
    const r = Math.min(ny - 1, Math.floor((la - minLat) / cellLatDeg));
    const id = r * nx + c;
    cellOf[i] = id;
    offsets[id + 1]++;
  }
  for (let k = 0; k < nCells; k++) offsets[k + 1] += offsets[k];
  const index = new Int32Array(size);
  const ux = new Float64Array(size);
  const uy = new Float64Array(size);
  const uz = new Float64Array(size);
  // fill: offsets[id] walks from the start to the end of cell id …
  for (let i = 0; i < n; i++) {
    const id = cellOf[i];
    if (id < 0) continue;
    const pos = offsets[id]++;
    index[pos] = i;
    const p = lat[i] * DEG;
    const l = lo2rad(lon[i]);
    const cp = Math.cos(p);
    ux[pos] = cp * Math.cos(l);
    uy[pos] = cp * Math.sin(l);
    uz[pos] = Math.sin(p);
  }
  // … so offsets[k] now holds the start of cell k + 1: shift back by one
  offsets.copyWithin(1, 0, nCells);
  offsets[0] = 0;
  return { minLon, minLat, cellLonDeg, cellLatDeg, cellM, nx, ny, offsets, index, ux, uy, uz, size };
}

function lo2rad(lon: number): number {
  return lon * DEG;
}

/** Column of a longitude in the grid (may be outside 0..nx−1). */
export function gridCol(g: GridIndex, lon: number): number {
  return Math.floor((lon - g.minLon) / g.cellLonDeg);
}

/** Row of a latitude in the grid (may be outside 0..ny−1). */
export function gridRow(g: GridIndex, lat: number): number {
  return Math.floor((lat - g.minLat) / g.cellLatDeg);
}
