/**
 * Walking-network reach: for each site a Dijkstra over the WalkGraph cut off at the
 * radius, started from both ends of the site's snapped edge (snap distance + the
 * partial lengths); each demand point on an edge the search reaches gets
 *   d = min over the edge's reached ends (dist[end] + partial length to the point) + its snap distance,
 * or, on the site's own edge, snap + |t_site − t_point|·len + snap. A route is never
 * shorter than the straight line, so d = max(d, great-circle distance) (this only
 * matters within the join tolerance). Pairs come out in cell order like the
 * straight-line ones; the nearest-kindergarten distance is one multi-source Dijkstra.
 */
import { haversineM } from '../geo';
import type { NeighbourPairs } from '../neighbour-pairs';
import type { Reach } from '../reach';
import { DijkstraWorkspace } from './dijkstra';
import { contourPolygons, isochroneSurface, rasterizeDistances, type DistanceSurface, type EdgeSeed, type MultiPolygonCoords, type SurfaceOptions } from './isochrone';
import { buildEdgeIndex, groupByEdge, snapPoints, type Snapped } from './snap';
import type { WalkGraph } from './walk-graph';

export class NetworkReach implements Reach {
  readonly mode = 'walking' as const;
  readonly label = 'engine.reach.walking' as const;
  readonly units: number;
  readonly chunk = 32;
  readonly unreachableCells: number;
  readonly unreachableSites: number;
  readonly siteSnap: Snapped;
  readonly cellSnap: Snapped;
  private readonly ws: DijkstraWorkspace;
  private readonly cellsByEdge: { offsets: Int32Array; items: Int32Array };
  private readonly best: Float64Array;
  private readonly stamp: Int32Array;
  private touched: Int32Array;
  private pk: Int32Array;
  private pc: Int32Array;
  private pd: Float64Array;
  private count = 0;
  private next = 0;
  private nearestCache: { accept: Uint8Array; maxM: number; dist: Float64Array } | null = null;

  constructor(
    readonly graph: WalkGraph,
    private readonly siteLon: ArrayLike<number>,
    private readonly siteLat: ArrayLike<number>,
    private readonly cellLon: ArrayLike<number>,
    private readonly cellLat: ArrayLike<number>,
    readonly radiusM: number,
    readonly snapMaxM: number,
  ) {
    const idx = buildEdgeIndex(graph, Math.max(50, Math.min(200, snapMaxM)));
    this.siteSnap = snapPoints(graph, idx, siteLon, siteLat, snapMaxM);
    this.cellSnap = snapPoints(graph, idx, cellLon, cellLat, snapMaxM);
    this.cellsByEdge = groupByEdge(this.cellSnap, graph.edgeA.length);
    this.units = siteLon.length;
    let uc = 0;
    for (let i = 0; i < cellLon.length; i++) if (this.cellSnap.edge[i] < 0) uc++;
    let us = 0;
    for (let j = 0; j < siteLon.length; j++) if (this.siteSnap.edge[j] < 0) us++;
    this.unreachableCells = uc;
    this.unreachableSites = us;
    this.ws = new DijkstraWorkspace(graph);
    const n = cellLon.length;
    this.best = new Float64Array(n);
    this.stamp = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(Math.max(16, n));
    const cap = Math.max(1024, n);
    this.pk = new Int32Array(cap);
    this.pc = new Int32Array(cap);
    this.pd = new Float64Array(cap);
  }

  private emit(j: number, i: number, d: number): void {
    if (this.count === this.pk.length) {
      const cap = this.count * 2;
      const pk = new Int32Array(cap);
      pk.set(this.pk);
      const pc = new Int32Array(cap);
      pc.set(this.pc);
      const pd = new Float64Array(cap);
      pd.set(this.pd);
      this.pk = pk;
      this.pc = pc;
      this.pd = pd;
    }
    this.pk[this.count] = j;
    this.pc[this.count] = i;
    this.pd[this.count] = d;
    this.count++;
  }

  /** Seeds of a snapped point: the two ends of its edge at snap + partial length. */
  private seeds(s: Snapped, p: number): { nodes: [number, number]; dist: [number, number] } | null {
    const e = s.edge[p];
    if (e < 0) return null;
    const len = this.graph.edgeLenM[e];
    return { nodes: [this.graph.edgeA[e], this.graph.edgeB[e]], dist: [s.snapM[p] + s.t[p] * len, s.snapM[p] + (1 - s.t[p]) * len] };
  }

  /** Distances from site j to the demand points it reaches within `cutoffM`: calls visit(cell, networkM). */
  reachFromSite(j: number, cutoffM: number, visit: (cell: number, dM: number) => void): void {
    const seed = this.seeds(this.siteSnap, j);
    if (!seed) return;
    const g = this.graph;
    const ws = this.ws;
    const n = ws.run(seed.nodes, seed.dist, cutoffM);
    const { adjOffsets, adjEdge, edgeA, edgeLenM } = g;
    const { offsets, items } = this.cellsByEdge;
    const { t: ct, snapM: cs } = this.cellSnap;
    const dist = ws.dist;
    const best = this.best;
    const stamp = this.stamp;
    const touched = this.touched;
    let nt = 0;
    for (let q = 0; q < n; q++) {
      const v = ws.settled[q];
      const dv = dist[v];
      for (let k = adjOffsets[v], end = adjOffsets[v + 1]; k < end; k++) {
        const e = adjEdge[k];
        const o0 = offsets[e];
        const o1 = offsets[e + 1];
        if (o0 === o1) continue;
        const fromA = edgeA[e] === v;
        const len = edgeLenM[e];
        for (let o = o0; o < o1; o++) {
          const i = items[o];
          const d = dv + (fromA ? ct[i] : 1 - ct[i]) * len + cs[i];
          if (d > cutoffM) continue;
          if (stamp[i] !== j) {
            stamp[i] = j;
            best[i] = d;
            touched[nt++] = i;
          } else if (d < best[i]) best[i] = d;
        }
      }
    }
    // demand on the site's own edge: straight along the edge
    const e = this.siteSnap.edge[j];
    const len = edgeLenM[e];
    const ts = this.siteSnap.t[j];
    const ss = this.siteSnap.snapM[j];
    for (let o = offsets[e]; o < offsets[e + 1]; o++) {
      const i = items[o];
      const d = ss + Math.abs(ct[i] - ts) * len + cs[i];
      if (d > cutoffM) continue;
      if (stamp[i] !== j) {
        stamp[i] = j;
        best[i] = d;
        touched[nt++] = i;
      } else if (d < best[i]) best[i] = d;
    }
    for (let q = 0; q < nt; q++) visit(touched[q], best[touched[q]]);
  }

  run(from: number, to: number): void {
    if (from !== this.next) throw new Error('sites must be processed in order');
    const R = this.radiusM;
    for (let j = from; j < to; j++) {
      const sLon = this.siteLon[j];
      const sLat = this.siteLat[j];
      this.reachFromSite(j, R, (i, dNet) => {
        // a route is never shorter than the straight line
        const straight = haversineM(sLon, sLat, this.cellLon[i], this.cellLat[i]);
        const d = dNet > straight ? dNet : straight;
        if (d <= R) this.emit(j, i, d);
      });
    }
    this.next = to;
  }

  finish(): NeighbourPairs {
    if (this.next !== this.units) throw new Error('not all sites processed');
    const nCells = this.cellLon.length;
    const count = this.count;
    const cellOffsets = new Int32Array(nCells + 1);
    for (let p = 0; p < count; p++) cellOffsets[this.pc[p] + 1]++;
    for (let i = 0; i < nCells; i++) cellOffsets[i + 1] += cellOffsets[i];
    const fill = cellOffsets.slice(0, nCells);
    const kg = new Int32Array(Math.max(1, count));
    const cell = new Int32Array(Math.max(1, count));
    const distM = new Float64Array(Math.max(1, count));
    // stable: within a cell, sites in ascending order (they were processed in order)
    for (let p = 0; p < count; p++) {
      const q = fill[this.pc[p]]++;
      kg[q] = this.pk[p];
      cell[q] = this.pc[p];
      distM[q] = this.pd[p];
    }
    return { radiusM: this.radiusM, count, kg, cell, distM, cellOffsets };
  }

  /** Network distance of every node to the nearest accepted site (Infinity beyond maxM): one multi-source Dijkstra. */
  nodeDistancesToNearest(accept: Uint8Array, maxM: number): Float64Array {
    const c = this.nearestCache;
    if (c && c.maxM === maxM && c.accept.length === accept.length && c.accept.every((v, k) => v === accept[k])) return c.dist;
    const { nodes, dist } = this.acceptedSeeds(accept);
    this.ws.run(nodes, dist, maxM);
    const out = Float64Array.from(this.ws.dist);
    this.nearestCache = { accept: accept.slice(), maxM, dist: out };
    return out;
  }

  nearestM(accept: Uint8Array, maxM: number, out: Float64Array, skip: Uint8Array | null, from: number, to: number): void {
    const nodeDist = this.nodeDistancesToNearest(accept, maxM);
    const g = this.graph;
    const { edge, t, snapM } = this.cellSnap;
    // accepted sites on the same edge as a point
    const sameEdge = new Map<number, number[]>();
    for (let j = 0; j < accept.length; j++) {
      const e = this.siteSnap.edge[j];
      if (accept[j] !== 1 || e < 0) continue;
      const l = sameEdge.get(e);
      if (l) l.push(j);
      else sameEdge.set(e, [j]);
    }
    for (let i = from; i < to; i++) {
      if (skip && skip[i] === 1) continue;
      const e = edge[i];
      out[i] = Number.NaN;
      if (e < 0) continue;
      const len = g.edgeLenM[e];
      let d = Math.min(nodeDist[g.edgeA[e]] + t[i] * len, nodeDist[g.edgeB[e]] + (1 - t[i]) * len);
      const same = sameEdge.get(e);
      if (same) for (const j of same) d = Math.min(d, this.siteSnap.snapM[j] + Math.abs(this.siteSnap.t[j] - t[i]) * len);
      d += snapM[i];
      out[i] = d <= maxM ? d : Number.NaN;
    }
  }

  /** Start nodes and distances of every accepted site on the network (both ends of its snapped edge). */
  private acceptedSeeds(accept: Uint8Array): { nodes: number[]; dist: number[]; seeds: EdgeSeed[] } {
    const nodes: number[] = [];
    const dist: number[] = [];
    const seeds: EdgeSeed[] = [];
    for (let j = 0; j < accept.length; j++) {
      if (accept[j] !== 1) continue;
      const s = this.seeds(this.siteSnap, j);
      if (!s) continue;
      nodes.push(s.nodes[0], s.nodes[1]);
      dist.push(s.dist[0], s.dist[1]);
      seeds.push(this.edgeSeed(j));
    }
    return { nodes, dist, seeds };
  }

  private edgeSeed(j: number): EdgeSeed {
    return { edge: this.siteSnap.edge[j], t: this.siteSnap.t[j], snapM: this.siteSnap.snapM[j] };
  }

  /** Catchment polygon of site j: where walking distance ≤ cutoffM (null when the site is not on the network). */
  siteIsochrone(j: number, cutoffM: number, opts: SurfaceOptions = {}): MultiPolygonCoords | null {
    const seed = this.seeds(this.siteSnap, j);
    if (!seed) return null;
    this.ws.run(seed.nodes, seed.dist, cutoffM);
    const s = isochroneSurface(this.graph, this.ws, cutoffM, opts, [this.edgeSeed(j)]);
    return s ? contourPolygons(s, cutoffM) : null;
  }

  /**
   * Walking distance to the nearest accepted site as a surface over the whole network
   * (Infinity beyond maxM) — one multi-source Dijkstra, rasterised.
   */
  nearestSurface(accept: Uint8Array, maxM: number, opts: SurfaceOptions = {}): DistanceSurface | null {
    const { nodes, dist, seeds } = this.acceptedSeeds(accept);
    if (nodes.length === 0) return null;
    this.ws.run(nodes, dist, maxM);
    const g = this.graph;
    let minLon = Infinity;
    let minLat = Infinity;
    let maxLon = -Infinity;
    let maxLat = -Infinity;
    for (let v = 0; v < g.nodeLon.length; v++) {
      minLon = Math.min(minLon, g.nodeLon[v]);
      maxLon = Math.max(maxLon, g.nodeLon[v]);
      minLat = Math.min(minLat, g.nodeLat[v]);
      maxLat = Math.max(maxLat, g.nodeLat[v]);
    }
    return rasterizeDistances(g, this.ws.dist, this.ws.settled, this.ws.settledCount, { minLon, minLat, maxLon, maxLat }, maxM, opts, seeds);
  }
}

/** Isochrone polygons of a few points (e.g. chosen 选址 sites): one Dijkstra each; [] for a point off the network. */
export function isochronesOf(graph: WalkGraph, lon: ArrayLike<number>, lat: ArrayLike<number>, radiusM: number, snapMaxM: number): MultiPolygonCoords[] {
  const r = new NetworkReach(graph, lon, lat, [], [], radiusM, snapMaxM);
  return Array.from({ length: lon.length }, (_, j) => r.siteIsochrone(j, radiusM) ?? []);
}
