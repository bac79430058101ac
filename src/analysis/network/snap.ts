/**
 * Snapping points to the nearest edge of a WalkGraph (as GOAT's artificial edges):
 * the point is projected onto the edge, which is split there, so a route from the
 * point starts with the snap distance and continues along both partial lengths
 * (t·len to edgeA, (1−t)·len to edgeB). Points farther than `maxSnapM` from every
 * edge are left unsnapped (edge −1): not reachable on the network.
 *
 * Index: a uniform grid in degrees over the edges' bounding boxes (CSR), cells at
 * least `cellM` metres wide; a query scans rings of cells outward until the best
 * edge found is closer than the next ring can be.
 */
import { EARTH_RADIUS_M, haversineM } from '../geo';
import type { WalkGraph } from './walk-graph';

const DEG = Math.PI / 180;
const M_PER_DEG = EARTH_RADIUS_M * DEG;
const MAX_CELLS = 1 << 22;

export interface EdgeIndex {
  minLon: number;
  minLat: number;
  cellLonDeg: number;
  cellLatDeg: number;
  /** guaranteed minimum cell size in metres */
  cellM: number;
  nx: number;
  ny: number;
  offsets: Int32Array;
  edges: Int32Array;
}

/** Grid index over the edges of `g` (cells ≥ cellM metres). */
export function buildEdgeIndex(g: WalkGraph, cellM = 100): EdgeIndex {
  const { nodeLon, nodeLat, edgeA, edgeB } = g;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let v = 0; v < nodeLon.length; v++) {
    if (nodeLon[v] < minLon) minLon = nodeLon[v];
    if (nodeLon[v] > maxLon) maxLon = nodeLon[v];
    if (nodeLat[v] < minLat) minLat = nodeLat[v];
    if (nodeLat[v] > maxLat) maxLat = nodeLat[v];
  }
  if (!Number.isFinite(minLon)) {
    return { minLon: 0, minLat: 0, cellLonDeg: 1, cellLatDeg: 1, cellM, nx: 0, ny: 0, offsets: new Int32Array(1), edges: new Int32Array(0) };
  }
  const latMax = Math.min(89, Math.max(Math.abs(minLat), Math.abs(maxLat)) + 0.01);
  let cellLatDeg = cellM / M_PER_DEG;
  let cellLonDeg = cellM / (M_PER_DEG * Math.cos(latMax * DEG));
  let nx = Math.floor((maxLon - minLon) / cellLonDeg) + 1;
  let ny = Math.floor((maxLat - minLat) / cellLatDeg) + 1;
  while (nx * ny > MAX_CELLS) {
    cellLatDeg *= 2;
    cellLonDeg *= 2;
    cellM *= 2;
    nx = Math.floor((maxLon - minLon) / cellLonDeg) + 1;
    ny = Math.floor((maxLat - minLat) / cellLatDeg) + 1;
  }
  const nE = edgeA.length;
  const count = new Int32Array(nx * ny + 1);
  const span = (e: number, visit: (cell: number) => void): void => {
    const a = edgeA[e];
    const b = edgeB[e];
    const c0 = Math.floor((Math.min(nodeLon[a], nodeLon[b]) - minLon) / cellLonDeg);
    const c1 = Math.floor((Math.max(nodeLon[a], nodeLon[b]) - minLon) / cellLonDeg);
    const r0 = Math.floor((Math.min(nodeLat[a], nodeLat[b]) - minLat) / cellLatDeg);
    const r1 = Math.floor((Math.max(nodeLat[a], nodeLat[b]) - minLat) / cellLatDeg);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * nx + c);
  };
  for (let e = 0; e < nE; e++) span(e, (cell) => count[cell + 1]++);
  for (let i = 0; i < nx * ny; i++) count[i + 1] += count[i];
  const fill = count.slice(0, nx * ny);
  const edges = new Int32Array(count[nx * ny]);
  for (let e = 0; e < nE; e++) span(e, (cell) => (edges[fill[cell]++] = e));
  return { minLon, minLat, cellLonDeg, cellLatDeg, cellM, nx, ny, offsets: count, edges };
}

/** Snapped positions of points: edge (−1 = not snapped), t along the edge from edgeA (0–1), snap distance (m). */
export interface Snapped {
  edge: Int32Array;
  t: Float64Array;
  snapM: Float64Array;
}

/**
 * Snap each point to its nearest edge within maxSnapM. Inputs: lon/lat in degrees.
 * Projection in a plane local to the point (equirectangular at its latitude);
 * the snap distance is the great-circle distance to the projected point.
 */
export function snapPoints(g: WalkGraph, idx: EdgeIndex, lon: ArrayLike<number>, lat: ArrayLike<number>, maxSnapM: number): Snapped {
  const n = lon.length;
  const edge = new Int32Array(n).fill(-1);
  const t = new Float64Array(n);
  const snapM = new Float64Array(n).fill(Number.NaN);
  const { nodeLon, nodeLat, edgeA, edgeB } = g;
  const { offsets, edges, nx, ny, minLon, minLat, cellLonDeg, cellLatDeg, cellM } = idx;
  if (nx === 0) return { edge, t, snapM };
  const maxRing = Math.ceil(maxSnapM / cellM) + 1;
  for (let i = 0; i < n; i++) {
    const lo = lon[i];
    const la = lat[i];
    if (!(Math.abs(lo) <= 180 && Math.abs(la) <= 90)) continue;
    const kx = M_PER_DEG * Math.cos(la * DEG);
    const col = Math.floor((lo - minLon) / cellLonDeg);
    const row = Math.floor((la - minLat) / cellLatDeg);
    let best = -1;
    let bestD2 = Infinity;
    let bestT = 0;
    for (let ring = 0; ring <= maxRing; ring++) {
      // cells in ring ≥ r are at least (r − 1)·cellM away
      const reach = (ring - 1) * cellM;
      if (reach > maxSnapM) break;
      if (best >= 0 && reach * reach >= bestD2) break;
      for (let r = row - ring; r <= row + ring; r++) {
        if (r < 0 || r >= ny) continue;
        const edgeRow = r === row - ring || r === row + ring;
        for (let c = col - ring; c <= col + ring; c += edgeRow ? 1 : 2 * ring || 1) {
          if (c < 0 || c >= nx) continue;
          const cell = r * nx + c;
          for (let k = offsets[cell]; k < offsets[cell + 1]; k++) {
            const e = edges[k];
            const a = edgeA[e];
            const b = edgeB[e];
            const ax = (nodeLon[a] - lo) * kx;
            const ay = (nodeLat[a] - la) * M_PER_DEG;
            const dx = (nodeLon[b] - lo) * kx - ax;
            const dy = (nodeLat[b] - la) * M_PER_DEG - ay;
            const L2 = dx * dx + dy * dy;
            let tt = L2 > 0 ? -(ax * dx + ay * dy) / L2 : 0;
            if (tt < 0) tt = 0;
            else if (tt > 1) tt = 1;
            const px = ax + tt * dx;
            const py = ay + tt * dy;
            const d2 = px * px + py * py;
            if (d2 < bestD2 || (d2 === bestD2 && e < best)) {
              bestD2 = d2;
              best = e;
              bestT = tt;
            }
          }
        }
      }
    }
    if (best < 0) continue;
    const a = edgeA[best];
    const b = edgeB[best];
    const pLon = nodeLon[a] + bestT * (nodeLon[b] - nodeLon[a]);
    const pLat = nodeLat[a] + bestT * (nodeLat[b] - nodeLat[a]);
    const d = haversineM(lo, la, pLon, pLat);
    snapM[i] = d;
    if (d > maxSnapM) continue;
    edge[i] = best;
    t[i] = bestT;
  }
  return { edge, t, snapM };
}

/** Points grouped by their snapped edge (CSR): points of edge e are items[offsets[e]] … items[offsets[e+1]−1]. */
export function groupByEdge(s: Snapped, nEdges: number): { offsets: Int32Array; items: Int32Array } {
  const offsets = new Int32Array(nEdges + 1);
  for (let i = 0; i < s.edge.length; i++) if (s.edge[i] >= 0) offsets[s.edge[i] + 1]++;
  for (let e = 0; e < nEdges; e++) offsets[e + 1] += offsets[e];
  const fill = offsets.slice(0, nEdges);
  const items = new Int32Array(offsets[nEdges]);
  for (let i = 0; i < s.edge.length; i++) if (s.edge[i] >= 0) items[fill[s.edge[i]]++] = i;
  return { offsets, items };
}
