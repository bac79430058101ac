/**
 * A walking network as compressed (CSR) adjacency arrays, built from polylines.
 *
 * - Every vertex of a line is a candidate node; vertices closer than `toleranceM`
 *   (planar metres, local equirectangular frame) are merged into one node by
 *   union–find over a grid hash — a distance tolerance, not coordinate rounding.
 * - A line end that is still dangling and lies within `toleranceM` of another edge
 *   (a T-junction drawn without a shared vertex) is joined: that edge is split at
 *   the projection point.
 * - Consecutive vertices of a line become an undirected edge whose length is the
 *   great-circle distance between its two nodes (walking is undirected).
 * - Connected components are labelled; the caller reports (and draws) the pieces
 *   that are not the largest one.
 *
 * Everything here is typed arrays and numbers, so a graph passes to a Web Worker by
 * structured clone (no functions, no classes).
 */
import { EARTH_RADIUS_M, haversineM } from '../geo';

/** Polylines as flat arrays: vertex k of all lines is (coords[2k], coords[2k+1]) = (lon, lat) in degrees. */
export interface WalkLines {
  coords: Float64Array;
  /** line l has vertices lineOffsets[l] … lineOffsets[l+1]−1; length nLines + 1 */
  lineOffsets: Int32Array;
}

export interface WalkGraphStats {
  lines: number;
  vertices: number;
  nodes: number;
  edges: number;
  /** line ends joined to the middle of another edge (T-junctions without a shared vertex) */
  joinedEnds: number;
  components: number;
  /** nodes in the largest component ÷ all nodes */
  largestShare: number;
  /** total length of all edges (m) */
  lengthM: number;
  /** length of the edges outside the largest component (m) */
  detachedLengthM: number;
}

/** Undirected walking graph. Structured-cloneable. */
export interface WalkGraph {
  toleranceM: number;
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  edgeA: Int32Array;
  edgeB: Int32Array;
  edgeLenM: Float64Array;
  /** CSR adjacency: entries adjOffsets[v] … adjOffsets[v+1]−1 of node v */
  adjOffsets: Int32Array;
  adjNode: Int32Array;
  adjEdge: Int32Array;
  adjLenM: Float64Array;
  /** component label of each node (0 = the largest) */
  component: Int32Array;
  /** nodes per component, largest first */
  componentNodes: Int32Array;
  stats: WalkGraphStats;
}

export const DEFAULT_JOIN_TOLERANCE_M = 1;

const DEG = Math.PI / 180;
const M_PER_DEG = EARTH_RADIUS_M * DEG;

/** Local planar frame (metres) around a reference latitude: x east, y north. */
export interface PlanarFrame {
  lon0: number;
  lat0: number;
  kx: number;
  ky: number;
}

export function planarFrame(lon0: number, lat0: number): PlanarFrame {
  return { lon0, lat0, kx: M_PER_DEG * Math.cos(lat0 * DEG), ky: M_PER_DEG };
}

function find(parent: Int32Array, a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]];
    a = parent[a];
  }
  return a;
}

/** Merge vertices within tol (planar metres); returns the root of each vertex. */
function mergeVertices(x: Float64Array, y: Float64Array, tol: number): Int32Array {
  const n = x.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  if (tol <= 0) {
    // exact duplicates only
    const seen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const k = `${x[i]},${y[i]}`;
      const o = seen.get(k);
      if (o === undefined) seen.set(k, i);
      else parent[i] = o;
    }
    return parent;
  }
  const cells = new Map<number, number[]>();
  const key = (cx: number, cy: number): number => cx * 4194304 + cy;
  const tol2 = tol * tol;
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(x[i] / tol);
    const cy = Math.floor(y[i] / tol);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = cells.get(key(cx + dx, cy + dy));
        if (!list) continue;
        for (const j of list) {
          const ex = x[i] - x[j];
          const ey = y[i] - y[j];
          if (ex * ex + ey * ey <= tol2) {
            const ri = find(parent, i);
            const rj = find(parent, j);
            if (ri !== rj) parent[ri < rj ? rj : ri] = ri < rj ? ri : rj;
          }
        }
      }
    }
    const k = key(cx, cy);
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
  }
  for (let i = 0; i < n; i++) parent[i] = find(parent, i);
  return parent;
}

/**
 * Build the graph. Inputs: lines in lon/lat degrees (WGS84); `toleranceM` joins
 * vertices and dangling ends (default 1 m). Invalid coordinates end a line's run.
 */
export function buildWalkGraph(lines: WalkLines, toleranceM = DEFAULT_JOIN_TOLERANCE_M): WalkGraph {
  const nLines = lines.lineOffsets.length - 1;
  const nV = lines.coords.length >> 1;
  const c = lines.coords;
  // reference latitude: middle of the extent
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (let k = 0; k < nV; k++) {
    const lo = c[2 * k];
    const la = c[2 * k + 1];
    if (!(Math.abs(lo) <= 180 && Math.abs(la) <= 90)) continue;
    if (la < minLat) minLat = la;
    if (la > maxLat) maxLat = la;
    if (lo < minLon) minLon = lo;
    if (lo > maxLon) maxLon = lo;
  }
  const frame = planarFrame(Number.isFinite(minLon) ? (minLon + maxLon) / 2 : 0, Number.isFinite(minLat) ? (minLat + maxLat) / 2 : 0);
  const x = new Float64Array(nV);
  const y = new Float64Array(nV);
  const valid = new Uint8Array(nV);
  for (let k = 0; k < nV; k++) {
    const lo = c[2 * k];
    const la = c[2 * k + 1];
    if (!(Math.abs(lo) <= 180 && Math.abs(la) <= 90)) continue;
    valid[k] = 1;
    x[k] = (lo - frame.lon0) * frame.kx;
    y[k] = (la - frame.lat0) * frame.ky;
  }
  const root = mergeVertices(x, y, toleranceM);
  // node ids for roots of valid vertices
  const nodeOf = new Int32Array(nV).fill(-1);
  let nNodes = 0;
  for (let k = 0; k < nV; k++) if (valid[k] && root[k] === k) nodeOf[k] = nNodes++;
  for (let k = 0; k < nV; k++) if (valid[k]) nodeOf[k] = nodeOf[root[k]];
  const nodeLon = new Float64Array(nNodes);
  const nodeLat = new Float64Array(nNodes);
  for (let k = 0; k < nV; k++) {
    if (valid[k] && root[k] === k) {
      nodeLon[nodeOf[k]] = c[2 * k];
      nodeLat[nodeOf[k]] = c[2 * k + 1];
    }
  }
  // raw edges
  let ea: number[] = [];
  let eb: number[] = [];
  const edgeKey = new Set<number>();
  const addEdge = (a: number, b: number): void => {
    if (a === b) return;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const k = lo * 67108864 + hi; // exact for < 2^26 nodes
    if (edgeKey.has(k)) return;
    edgeKey.add(k);
    ea.push(a);
    eb.push(b);
  };
  for (let l = 0; l < nLines; l++) {
    for (let k = lines.lineOffsets[l]; k < lines.lineOffsets[l + 1] - 1; k++) {
      if (!valid[k] || !valid[k + 1]) continue;
      addEdge(nodeOf[k], nodeOf[k + 1]);
    }
  }

  // T-junctions: dangling ends within tol of another edge's interior split that edge
  let joinedEnds = 0;
  if (toleranceM > 0 && ea.length > 0) {
    const deg = new Int32Array(nNodes);
    // the one neighbour of a dangling end: an end is never joined onto its own line's next segment
    const nbr = new Int32Array(nNodes).fill(-1);
    for (let e = 0; e < ea.length; e++) {
      deg[ea[e]]++;
      deg[eb[e]]++;
      nbr[ea[e]] = eb[e];
      nbr[eb[e]] = ea[e];
    }
    const nx = (v: number): number => (nodeLon[v] - frame.lon0) * frame.kx;
    const ny = (v: number): number => (nodeLat[v] - frame.lat0) * frame.ky;
    const cell = Math.max(toleranceM * 4, 50);
    const idx = new Map<number, number[]>();
    const key = (cx: number, cy: number): number => cx * 4194304 + cy;
    // each edge goes into the cells along it (and their neighbours, which covers the tolerance),
    // not into every cell of its bounding box: a long diagonal edge stays cheap
    for (let e = 0; e < ea.length; e++) {
      const ax = nx(ea[e]);
      const ay = ny(ea[e]);
      const bx = nx(eb[e]);
      const by = ny(eb[e]);
      const steps = Math.ceil(Math.hypot(bx - ax, by - ay) / (cell / 2)) + 1;
      const seen = new Set<number>();
      for (let k = 0; k <= steps; k++) {
        const f = k / steps;
        const cx0 = Math.floor((ax + f * (bx - ax)) / cell);
        const cy0 = Math.floor((ay + f * (by - ay)) / cell);
        for (let dx = -1; dx <= 1; dx++) {
          for (let dy = -1; dy <= 1; dy++) {
            const kk = key(cx0 + dx, cy0 + dy);
            if (seen.has(kk)) continue;
            seen.add(kk);
            const list = idx.get(kk);
            if (list) list.push(e);
            else idx.set(kk, [e]);
          }
        }
      }
    }
    // splits per edge: (t, node)
    const splits = new Map<number, { t: number; node: number }[]>();
    const tol2 = toleranceM * toleranceM;
    for (let v = 0; v < nNodes; v++) {
      if (deg[v] !== 1) continue;
      const px = nx(v);
      const py = ny(v);
      const list = idx.get(key(Math.floor(px / cell), Math.floor(py / cell)));
      if (!list) continue;
      let best = -1;
      let bestD2 = tol2;
      let bestT = 0;
      for (const e of list) {
        const a = ea[e];
        const b = eb[e];
        if (a === v || b === v || a === nbr[v] || b === nbr[v]) continue;
        const ax = nx(a);
        const ay = ny(a);
        const dx = nx(b) - ax;
        const dy = ny(b) - ay;
        const L2 = dx * dx + dy * dy;
        if (L2 === 0) continue;
        const t = ((px - ax) * dx + (py - ay) * dy) / L2;
        if (t <= 0 || t >= 1) continue; // ends are joined by the vertex merge
        const qx = ax + t * dx - px;
        const qy = ay + t * dy - py;
        const d2 = qx * qx + qy * qy;
        if (d2 <= bestD2) {
          bestD2 = d2;
          best = e;
          bestT = t;
        }
      }
      if (best >= 0) {
        const s = splits.get(best);
        if (s) s.push({ t: bestT, node: v });
        else splits.set(best, [{ t: bestT, node: v }]);
        joinedEnds++;
      }
    }
    if (splits.size > 0) {
      const na: number[] = [];
      const nb: number[] = [];
      for (let e = 0; e < ea.length; e++) {
        const s = splits.get(e);
        if (!s) {
          na.push(ea[e]);
          nb.push(eb[e]);
          continue;
        }
        s.sort((p, q) => p.t - q.t);
        let prev = ea[e];
        for (const { node } of s) {
          if (node !== prev) {
            na.push(prev);
            nb.push(node);
          }
          prev = node;
        }
        if (prev !== eb[e]) {
          na.push(prev);
          nb.push(eb[e]);
        }
      }
      ea = na;
      eb = nb;
    }
  }
  return finishGraph(nodeLon, nodeLat, Int32Array.from(ea), Int32Array.from(eb), toleranceM, nLines, nV, joinedEnds);
}

/** CSR adjacency, lengths and components from node positions and undirected edges. */
export function finishGraph(
  nodeLon: Float64Array,
  nodeLat: Float64Array,
  edgeA: Int32Array,
  edgeB: Int32Array,
  toleranceM: number,
  lines = 0,
  vertices = nodeLon.length,
  joinedEnds = 0,
): WalkGraph {
  const nNodes = nodeLon.length;
  const nE = edgeA.length;
  const edgeLenM = new Float64Array(nE);
  const adjOffsets = new Int32Array(nNodes + 1);
  let lengthM = 0;
  for (let e = 0; e < nE; e++) {
    const a = edgeA[e];
    const b = edgeB[e];
    edgeLenM[e] = haversineM(nodeLon[a], nodeLat[a], nodeLon[b], nodeLat[b]);
    lengthM += edgeLenM[e];
    adjOffsets[a + 1]++;
    adjOffsets[b + 1]++;
  }
  for (let v = 0; v < nNodes; v++) adjOffsets[v + 1] += adjOffsets[v];
  const fill = adjOffsets.slice(0, nNodes);
  const adjNode = new Int32Array(2 * nE);
  const adjEdge = new Int32Array(2 * nE);
  const adjLenM = new Float64Array(2 * nE);
  for (let e = 0; e < nE; e++) {
    const a = edgeA[e];
    const b = edgeB[e];
    let k = fill[a]++;
    adjNode[k] = b;
    adjEdge[k] = e;
    adjLenM[k] = edgeLenM[e];
    k = fill[b]++;
    adjNode[k] = a;
    adjEdge[k] = e;
    adjLenM[k] = edgeLenM[e];
  }
  // components by BFS, then relabelled largest first
  const comp = new Int32Array(nNodes).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(nNodes);
  for (let s = 0; s < nNodes; s++) {
    if (comp[s] >= 0) continue;
    const id = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    comp[s] = id;
    while (head < tail) {
      const v = queue[head++];
      for (let k = adjOffsets[v]; k < adjOffsets[v + 1]; k++) {
        const w = adjNode[k];
        if (comp[w] < 0) {
          comp[w] = id;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Int32Array(sizes.length);
  order.forEach((old, r) => (rank[old] = r));
  for (let v = 0; v < nNodes; v++) comp[v] = rank[comp[v]];
  const componentNodes = Int32Array.from(order.map((o) => sizes[o]));
  let detachedLengthM = 0;
  for (let e = 0; e < nE; e++) if (comp[edgeA[e]] !== 0) detachedLengthM += edgeLenM[e];
  return {
    toleranceM,
    nodeLon,
    nodeLat,
    edgeA,
    edgeB,
    edgeLenM,
    adjOffsets,
    adjNode,
    adjEdge,
    adjLenM,
    component: comp,
    componentNodes,
    stats: {
      lines,
      vertices,
      nodes: nNodes,
      edges: nE,
      joinedEnds,
      components: sizes.length,
      largestShare: nNodes > 0 ? componentNodes[0] / nNodes : 0,
      lengthM,
      detachedLengthM,
    },
  };
}

/** Polylines → WalkLines (each a list of [lon, lat]). */
export function packLines(lines: readonly (readonly (readonly number[])[])[]): WalkLines {
  let n = 0;
  for (const l of lines) n += l.length;
  const coords = new Float64Array(2 * n);
  const lineOffsets = new Int32Array(lines.length + 1);
  let k = 0;
  lines.forEach((l, i) => {
    for (const p of l) {
      coords[2 * k] = p[0];
      coords[2 * k + 1] = p[1];
      k++;
    }
    lineOffsets[i + 1] = k;
  });
  return { coords, lineOffsets };
}
