/**
 * Network isochrones as polygons (as GOAT / jsolines): a distance surface on a regular
 * grid — each grid point gets min over reached network positions p within `offRoadM`
 * of (network distance of p + straight distance from the grid point to p) — then
 * marching squares at the threshold, rings oriented (outer counter-clockwise, holes
 * clockwise) and nested into polygons.
 *
 * The network positions are the reached nodes and points every cellM/2 along each
 * reached edge (d = min(d_A + s, d_B + len − s)). `offRoadM` is the walk from a point
 * to the path network that the drawing allows (default 60 m); coverage itself uses the
 * snap of each demand point (snapMaxM), so the polygon is a picture of the catchment, the
 * figures come from the pairs.
 */
import { EARTH_RADIUS_M } from '../geo';
import type { DijkstraWorkspace } from './dijkstra';
import type { WalkGraph } from './walk-graph';

const DEG = Math.PI / 180;
const M_PER_DEG = EARTH_RADIUS_M * DEG;
/** grid points of one surface at most (16 MB of Float32) */
export const MAX_SURFACE_CELLS = 4_000_000;

/** A distance surface: values[j·nx + i] at (x0 + i·cellM, y0 + j·cellM) metres in the frame of (lon0, lat0); Infinity = not reached. */
export interface DistanceSurface {
  lon0: number;
  lat0: number;
  x0: number;
  y0: number;
  cellM: number;
  nx: number;
  ny: number;
  values: Float32Array;
}

/** Polygon rings in lon/lat: [outer, ...holes][] (GeoJSON MultiPolygon coordinates). */
export type MultiPolygonCoords = number[][][][];

export interface SurfaceOptions {
  cellM?: number;
  offRoadM?: number;
}

/** A search start in the middle of an edge (a snapped site): fraction t from edgeA, snap distance. */
export interface EdgeSeed {
  edge: number;
  t: number;
  snapM: number;
}

/**
 * Rasterise the node distances of the last `ws.run` (Infinity = not reached) into a
 * grid over [minLon, maxLon] × [minLat, maxLat] (degrees), values ≤ maxM kept.
 */
export function rasterizeDistances(
  g: WalkGraph,
  nodeDist: Float64Array,
  touched: ArrayLike<number>,
  touchedCount: number,
  box: { minLon: number; minLat: number; maxLon: number; maxLat: number },
  maxM: number,
  opts: SurfaceOptions = {},
  seeds: readonly EdgeSeed[] = [],
): DistanceSurface {
  const offRoadM = opts.offRoadM ?? 60;
  const lat0 = (box.minLat + box.maxLat) / 2;
  const lon0 = (box.minLon + box.maxLon) / 2;
  const kx = M_PER_DEG * Math.cos(lat0 * DEG);
  const ky = M_PER_DEG;
  // a large network (a province) gets coarser cells: at most MAX_SURFACE_CELLS grid points
  const areaM2 = ((box.maxLon - box.minLon) * kx + 2 * offRoadM) * ((box.maxLat - box.minLat) * ky + 2 * offRoadM);
  const cellM = Math.max(opts.cellM ?? 25, Math.sqrt(areaM2 / MAX_SURFACE_CELLS));
  // one cell of padding beyond the off-road reach so every contour closes
  const pad = offRoadM + 2 * cellM;
  const x0 = (box.minLon - lon0) * kx - pad;
  const y0 = (box.minLat - lat0) * ky - pad;
  const nx = Math.max(2, Math.ceil(((box.maxLon - lon0) * kx + pad - x0) / cellM) + 1);
  const ny = Math.max(2, Math.ceil(((box.maxLat - lat0) * ky + pad - y0) / cellM) + 1);
  const values = new Float32Array(nx * ny).fill(Infinity);
  const r = Math.ceil(offRoadM / cellM);
  const splat = (px: number, py: number, d: number): void => {
    const allow = Math.min(offRoadM, maxM - d);
    if (allow < 0) return;
    const ci = Math.round((px - x0) / cellM);
    const cj = Math.round((py - y0) / cellM);
    for (let j = Math.max(0, cj - r - 1); j <= Math.min(ny - 1, cj + r + 1); j++) {
      const gy = y0 + j * cellM - py;
      for (let i = Math.max(0, ci - r - 1); i <= Math.min(nx - 1, ci + r + 1); i++) {
        const gx = x0 + i * cellM - px;
        const off = Math.sqrt(gx * gx + gy * gy);
        if (off > allow) continue;
        const v = d + off;
        const k = j * nx + i;
        if (v < values[k]) values[k] = v;
      }
    }
  };
  const { nodeLon, nodeLat, adjOffsets, adjNode, adjEdge, edgeLenM } = g;
  const step = cellM / 2;
  // on a seed's own edge the walk goes straight from its projection point
  const seedsByEdge = new Map<number, EdgeSeed[]>();
  for (const sd of seeds) {
    const l = seedsByEdge.get(sd.edge);
    if (l) l.push(sd);
    else seedsByEdge.set(sd.edge, [sd]);
  }
  for (let q = 0; q < touchedCount; q++) {
    const v = touched[q];
    const dv = nodeDist[v];
    if (!(dv <= maxM)) continue;
    const vx = (nodeLon[v] - lon0) * kx;
    const vy = (nodeLat[v] - lat0) * ky;
    splat(vx, vy, dv);
    for (let k = adjOffsets[v]; k < adjOffsets[v + 1]; k++) {
      const w = adjNode[k];
      const e = adjEdge[k];
      const dw = nodeDist[w];
      // each edge once: from its lower-numbered reached end, or from v when w is unreached
      if (dw <= maxM && w < v) continue;
      const len = edgeLenM[e];
      const wx = (nodeLon[w] - lon0) * kx;
      const wy = (nodeLat[w] - lat0) * ky;
      const n = Math.ceil(len / step);
      for (let s = 1; s < n; s++) {
        const f = s / n;
        const along = f * len;
        let d = Math.min(dv + along, dw + (len - along));
        const own = seedsByEdge.get(e);
        if (own) for (const sd of own) d = Math.min(d, sd.snapM + Math.abs((g.edgeA[e] === v ? along : len - along) - sd.t * len));
        if (d > maxM) continue;
        splat(vx + f * (wx - vx), vy + f * (wy - vy), d);
      }
    }
  }
  return { lon0, lat0, x0, y0, cellM, nx, ny, values };
}

/** Site isochrone surface from a finished Dijkstra run of `ws` (cut off at maxM). */
export function isochroneSurface(g: WalkGraph, ws: DijkstraWorkspace, maxM: number, opts: SurfaceOptions = {}, seeds: readonly EdgeSeed[] = []): DistanceSurface | null {
  if (ws.settledCount === 0) return null;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let q = 0; q < ws.settledCount; q++) {
    const v = ws.settled[q];
    if (g.nodeLon[v] < minLon) minLon = g.nodeLon[v];
    if (g.nodeLon[v] > maxLon) maxLon = g.nodeLon[v];
    if (g.nodeLat[v] < minLat) minLat = g.nodeLat[v];
    if (g.nodeLat[v] > maxLat) maxLat = g.nodeLat[v];
  }
  // partly reached edges stick out of the settled nodes' box by at most maxM
  const padLat = maxM / M_PER_DEG;
  const padLon = maxM / (M_PER_DEG * Math.cos(((minLat + maxLat) / 2) * DEG));
  const box = { minLon: minLon - padLon, minLat: minLat - padLat, maxLon: maxLon + padLon, maxLat: maxLat + padLat };
  return rasterizeDistances(g, ws.dist, ws.settled, ws.settledCount, box, maxM, opts, seeds);
}

/**
 * Marching squares: polygons where value ≤ threshold, in lon/lat. Saddles are resolved
 * by the cell centre (mean of the corners). Outer rings counter-clockwise, holes clockwise.
 */
export function contourPolygons(s: DistanceSurface, threshold: number): MultiPolygonCoords {
  const { nx, ny, values, cellM, x0, y0 } = s;
  const inside = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < nx && j < ny && values[j * nx + i] <= threshold;
  const val = (i: number, j: number): number => (i >= 0 && j >= 0 && i < nx && j < ny ? Math.min(values[j * nx + i], threshold * 4 + 1e6) : threshold * 4 + 1e6);
  // crossing points on grid edges; ids: horizontal edge (i,j)-(i+1,j) → 2·(j·W + i), vertical (i,j)-(i,j+1) → 2·(j·W + i) + 1
  // the grid is padded by one virtual row/column of "outside" on each side: cells from −1 … nx−1
  const W = nx + 2;
  const id = (i: number, j: number, vertical: boolean): number => 2 * ((j + 1) * W + (i + 1)) + (vertical ? 1 : 0);
  const next = new Map<number, number>();
  const pos = new Map<number, [number, number]>();
  const cross = (ai: number, aj: number, bi: number, bj: number): [number, number] => {
    const va = val(ai, aj);
    const vb = val(bi, bj);
    const f = va === vb ? 0.5 : Math.min(1, Math.max(0, (threshold - va) / (vb - va)));
    return [ai + f * (bi - ai), aj + f * (bj - aj)];
  };
  for (let j = -1; j < ny; j++) {
    for (let i = -1; i < nx; i++) {
      // corners CCW: bl, br, tr, tl; edges CCW: bottom, right, top, left
      const c = [inside(i, j), inside(i + 1, j), inside(i + 1, j + 1), inside(i, j + 1)];
      if (c[0] === c[1] && c[1] === c[2] && c[2] === c[3]) continue;
      const corners: [number, number][] = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      const edgeIds = [id(i, j, false), id(i + 1, j, true), id(i, j + 1, false), id(i, j, true)];
      const starts: number[] = [];
      const ends: number[] = [];
      for (let k = 0; k < 4; k++) {
        const a = c[k];
        const b = c[(k + 1) % 4];
        if (a === b) continue;
        const eid = edgeIds[k];
        if (!pos.has(eid)) {
          const [ai, aj] = corners[k];
          const [bi, bj] = corners[(k + 1) % 4];
          pos.set(eid, cross(ai, aj, bi, bj));
        }
        if (a && !b) starts.push(k);
        else ends.push(k);
      }
      if (starts.length === 1) {
        next.set(edgeIds[starts[0]], edgeIds[ends[0]]);
      } else {
        // saddle: centre inside → pair each start with the next end (CCW), else with the previous one
        const centre = (val(i, j) + val(i + 1, j) + val(i + 1, j + 1) + val(i, j + 1)) / 4 <= threshold;
        for (const sk of starts) {
          let best = -1;
          for (let step = 1; step < 4; step++) {
            const k = centre ? (sk + step) % 4 : (sk - step + 4) % 4;
            if (ends.includes(k)) {
              best = k;
              break;
            }
          }
          next.set(edgeIds[sk], edgeIds[best]);
        }
      }
    }
  }
  // follow the links into rings
  const kx = M_PER_DEG * Math.cos(s.lat0 * DEG);
  const toLonLat = ([gi, gj]: [number, number]): number[] => [s.lon0 + (x0 + gi * cellM) / kx, s.lat0 + (y0 + gj * cellM) / M_PER_DEG];
  const rings: { pts: [number, number][]; area: number }[] = [];
  const used = new Set<number>();
  for (const start of next.keys()) {
    if (used.has(start)) continue;
    const pts: [number, number][] = [];
    let cur = start;
    while (!used.has(cur)) {
      used.add(cur);
      pts.push(pos.get(cur)!);
      const n = next.get(cur);
      if (n === undefined) break;
      cur = n;
    }
    if (pts.length < 3) continue;
    let area = 0;
    for (let k = 0; k < pts.length; k++) {
      const [ax, ay] = pts[k];
      const [bx, by] = pts[(k + 1) % pts.length];
      area += ax * by - bx * ay;
    }
    rings.push({ pts, area: area / 2 });
  }
  const outers = rings.filter((r) => r.area > 0).sort((a, b) => a.area - b.area);
  const polys: { outer: (typeof rings)[number]; holes: (typeof rings)[number][] }[] = outers.map((o) => ({ outer: o, holes: [] }));
  for (const h of rings) {
    if (h.area >= 0) continue;
    const p = h.pts[0];
    // the smallest outer ring containing the hole
    const owner = polys.find((q) => q.outer.area >= -h.area && pointInRing(p, q.outer.pts));
    if (owner) owner.holes.push(h);
  }
  const close = (pts: [number, number][]): number[][] => {
    const ll = pts.map(toLonLat);
    ll.push(ll[0]);
    return ll;
  };
  return polys.map((q) => [close(q.outer.pts), ...q.holes.map((h) => close(h.pts))]);
}

function pointInRing(p: [number, number], ring: [number, number][]): boolean {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa, ya] = ring[a];
    const [xb, yb] = ring[b];
    if (ya > p[1] !== yb > p[1] && p[0] < ((xb - xa) * (p[1] - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}
