/**
 * Sparse (kindergarten, cell, distance) pairs within a service radius, found once
 * through a grid index over the kindergartens; coverage and 2SFCA both consume them.
 *
 * Distance is the great-circle distance on a sphere of R = 6371008.8 m (equal to
 * the haversine formula to ~1e-12 relative). A different distance (e.g. walking
 * distance over a road network) can be swapped in with `refineDistanceM`, as long
 * as it is never shorter than the straight line (the grid prefilter relies on it).
 */
import { MessageError } from '../i18n/message-error';
import { withinRadiusM } from './supply';
import { chord2OfDistance, distanceOfChord2, EARTH_RADIUS_M, validLonLat } from './geo';
import { buildGridIndex, gridCol, gridRow, type GridIndex } from './spatial-grid';

export interface NeighbourPairs {
  radiusM: number;
  count: number;
  /** kindergarten index of each pair (length ≥ count; use the first `count`) */
  kg: Int32Array;
  /** cell index of each pair */
  cell: Int32Array;
  /** distance in metres */
  distM: Float64Array;
  /** pairs are in cell order: those of cell i are cellOffsets[i] … cellOffsets[i+1]−1 */
  cellOffsets: Int32Array;
}

/**
 * Replace the straight-line distance of a candidate pair (e.g. by a network
 * distance). Must return ≥ greatCircleM; return Infinity to drop the pair.
 */
export type RefineDistance = (kgIndex: number, cellIndex: number, greatCircleM: number) => number;

export interface PairOptions {
  refineDistanceM?: RefineDistance;
}

/**
 * Incremental pair search: `run(from, to)` processes cells [from, to) in input
 * order (so a caller can report progress and check cancellation between chunks);
 * `finish()` returns the pairs, which come out in cell order.
 */
export class NeighbourPairBuilder {
  readonly grid: GridIndex;
  private readonly cellLon: ArrayLike<number>;
  private readonly cellLat: ArrayLike<number>;
  private readonly radiusM: number;
  private readonly maxC2: number;
  private readonly refine?: RefineDistance;
  private kg: Int32Array;
  private cell: Int32Array;
  private dist: Float64Array;
  private count = 0;
  private next = 0;
  private readonly cellOffsets: Int32Array;

  /** Inputs: kindergarten and cell coordinates in degrees (WGS84), radius in metres. */
  constructor(
    kgLon: ArrayLike<number>,
    kgLat: ArrayLike<number>,
    cellLon: ArrayLike<number>,
    cellLat: ArrayLike<number>,
    radiusM: number,
    opts: PairOptions = {},
  ) {
    if (!(radiusM > 0) || !Number.isFinite(radiusM)) throw new MessageError('engine.err.radius', { radius: radiusM });
    this.grid = buildGridIndex(kgLon, kgLat, radiusM);
    this.cellLon = cellLon;
    this.cellLat = cellLat;
    this.radiusM = radiusM;
    this.maxC2 = chord2OfDistance(withinRadiusM(radiusM)) * (1 + 1e-9);
    this.refine = opts.refineDistanceM;
    const cap = Math.max(1024, cellLon.length + 1024);
    this.kg = new Int32Array(cap);
    this.cell = new Int32Array(cap);
    this.dist = new Float64Array(cap);
    this.cellOffsets = new Int32Array(cellLon.length + 1);
  }

  private grow(): void {
    const cap = this.kg.length * 2;
    const kg = new Int32Array(cap);
    kg.set(this.kg);
    const cell = new Int32Array(cap);
    cell.set(this.cell);
    const dist = new Float64Array(cap);
    dist.set(this.dist);
    this.kg = kg;
    this.cell = cell;
    this.dist = dist;
  }

  /** Find the pairs of cells [from, to); `from` must equal the end of the previous call. */
  run(from: number, to: number): void {
    if (from !== this.next) throw new Error('cells must be processed in order');
    const g = this.grid;
    const { offsets, index, ux, uy, uz, nx, ny, minLon, minLat, cellLonDeg, cellLatDeg } = g;
    const lonA = this.cellLon;
    const latA = this.cellLat;
    const maxC2 = this.maxC2;
    // inclusive: a point at exactly the radius counts (1e-9 relative tolerance, supply.ts)
    const radiusM = withinRadiusM(this.radiusM);
    const refine = this.refine;
    const cellOffsets = this.cellOffsets;
    const DEG = Math.PI / 180;
    const TWO_R = 2 * EARTH_RADIUS_M;
    let outKg = this.kg;
    let outCell = this.cell;
    let outDist = this.dist;
    let cap = outKg.length;
    let count = this.count;
    const empty = g.size === 0;
    for (let i = from; i < to; i++) {
      cellOffsets[i] = count;
      const lo = lonA[i];
      const la = latA[i];
      // NaN fails every comparison below, so invalid points are skipped too
      if (empty || !(lo >= -180 && lo <= 180 && la >= -90 && la <= 90)) continue;
      const col = Math.floor((lo - minLon) / cellLonDeg);
      const row = Math.floor((la - minLat) / cellLatDeg);
      if (col < -1 || col > nx || row < -1 || row > ny) continue;
      const c0 = col > 0 ? col - 1 : 0;
      const c1 = col < nx - 1 ? col + 1 : nx - 1;
      const r0 = row > 0 ? row - 1 : 0;
      const r1 = row < ny - 1 ? row + 1 : ny - 1;
      const p = la * DEG;
      const l = lo * DEG;
      const cp = Math.cos(p);
      const qx = cp * Math.cos(l);
      const qy = cp * Math.sin(l);
      const qz = Math.sin(p);
      for (let r = r0; r <= r1; r++) {
        // the three cells of a row are one contiguous run
        const end = offsets[r * nx + c1 + 1];
        for (let k = offsets[r * nx + c0]; k < end; k++) {
          const dx = ux[k] - qx;
          const dy = uy[k] - qy;
          const dz = uz[k] - qz;
          const c2 = dx * dx + dy * dy + dz * dz;
          if (c2 > maxC2) continue;
          let d = TWO_R * Math.asin(Math.sqrt(c2) * 0.5);
          if (d > radiusM) continue;
          const j = index[k];
          if (refine) {
            d = refine(j, i, d);
            if (!(d <= radiusM)) continue;
          }
          if (count === cap) {
            this.kg = outKg;
            this.cell = outCell;
            this.dist = outDist;
            this.grow();
            outKg = this.kg;
            outCell = this.cell;
            outDist = this.dist;
            cap = outKg.length;
          }
          outKg[count] = j;
          outCell[count] = i;
          outDist[count] = d;
          count++;
        }
      }
    }
    this.kg = outKg;
    this.cell = outCell;
    this.dist = outDist;
    this.count = count;
    this.next = to;
  }

  /** The pairs found (in cell order); all cells must have been processed. */
  finish(): NeighbourPairs {
    if (this.next !== this.cellLon.length) throw new Error('not all cells processed');
    this.cellOffsets[this.cellLon.length] = this.count;
    return {
      radiusM: this.radiusM,
      count: this.count,
      kg: this.kg,
      cell: this.cell,
      distM: this.dist,
      cellOffsets: this.cellOffsets,
    };
  }
}

/**
 * All (kindergarten, cell) pairs with distance ≤ radiusM, in one call.
 * Inputs: coordinates in degrees, radius in metres. Rows with invalid
 * coordinates take part in no pair. No all-pairs loop: a grid over the
 * kindergartens with cells ≥ radiusM, each cell checks the 3×3 block around it.
 */
export function computeNeighbourPairs(
  kgLon: ArrayLike<number>,
  kgLat: ArrayLike<number>,
  cellLon: ArrayLike<number>,
  cellLat: ArrayLike<number>,
  radiusM: number,
  opts: PairOptions = {},
): NeighbourPairs {
  const b = new NeighbourPairBuilder(kgLon, kgLat, cellLon, cellLat, radiusM, opts);
  b.run(0, cellLon.length);
  return b.finish();
}

/**
 * Distance in metres from each query point to the nearest indexed point whose
 * `accept[index] === 1`, searching rings of grid cells outward; NaN when none is
 * within maxM. Points listed in `skip` (value 1) are left as they are in `out`.
 * Inputs: query lon/lat in degrees; `out` is written in place for points [from, to).
 */
export function nearestAcceptedM(
  g: GridIndex,
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  accept: Uint8Array,
  maxM: number,
  out: Float64Array,
  skip: Uint8Array | null,
  from = 0,
  to = lon.length,
): void {
  const { offsets, cellM, nx, ny } = g;
  const DEG = Math.PI / 180;
  const maxRing = Math.ceil(maxM / cellM) + 1;
  for (let i = from; i < to; i++) {
    if (skip && skip[i] === 1) continue;
    const lo = lon[i];
    const la = lat[i];
    out[i] = Number.NaN;
    if (!validLonLat(lo, la) || g.size === 0) continue;
    const col = gridCol(g, lo);
    const row = gridRow(g, la);
    const p = la * DEG;
    const l = lo * DEG;
    const cp = Math.cos(p);
    const qx = cp * Math.cos(l);
    const qy = cp * Math.sin(l);
    const qz = Math.sin(p);
    let best2 = Infinity;
    for (let ring = 0; ring <= maxRing; ring++) {
      // everything in rings ≥ ring is at least (ring − 1)·cellM away
      if (best2 !== Infinity && distanceOfChord2(best2) <= (ring - 1) * cellM) break;
      if ((ring - 1) * cellM > maxM) break;
      const rLo = row - ring;
      const rHi = row + ring;
      const cLo = col - ring;
      const cHi = col + ring;
      // the previous rings already covered the whole grid
      if (ring > 0 && rLo + 1 <= 0 && rHi - 1 >= ny - 1 && cLo + 1 <= 0 && cHi - 1 >= nx - 1) break;
      const rEnd = Math.min(ny - 1, rHi);
      for (let r = Math.max(0, rLo); r <= rEnd; r++) {
        const base = r * nx;
        if (r === rLo || r === rHi) {
          // top/bottom edge of the ring: one contiguous run of cells
          const a = Math.max(0, cLo);
          const b = Math.min(nx - 1, cHi);
          if (a <= b) best2 = scanRange(g, offsets[base + a], offsets[base + b + 1], accept, qx, qy, qz, best2);
        } else {
          // the two side cells
          if (cLo >= 0 && cLo < nx) best2 = scanRange(g, offsets[base + cLo], offsets[base + cLo + 1], accept, qx, qy, qz, best2);
          if (cHi >= 0 && cHi < nx) best2 = scanRange(g, offsets[base + cHi], offsets[base + cHi + 1], accept, qx, qy, qz, best2);
        }
      }
    }
    const best = best2 === Infinity ? Infinity : distanceOfChord2(best2);
    out[i] = best <= maxM ? best : Number.NaN;
  }
}

/** Smallest squared chord from (qx, qy, qz) to accepted points at positions [start, end) of the grid, or `best2`. */
function scanRange(g: GridIndex, start: number, end: number, accept: Uint8Array, qx: number, qy: number, qz: number, best2: number): number {
  const { index, ux, uy, uz } = g;
  for (let k = start; k < end; k++) {
    if (accept[index[k]] !== 1) continue;
    const dx = ux[k] - qx;
    const dy = uy[k] - qy;
    const dz = uz[k] - qz;
    const c2 = dx * dx + dy * dy + dz * dz;
    if (c2 < best2) best2 = c2;
  }
  return best2;
}
