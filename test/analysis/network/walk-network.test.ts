import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, haversineM } from '../../../src/analysis/geo';
import { computeNeighbourPairs } from '../../../src/analysis/neighbour-pairs';
import { NetworkReach } from '../../../src/analysis/network/network-reach';
import { buildEdgeIndex, snapPoints } from '../../../src/analysis/network/snap';
import { buildWalkGraph, packLines, type WalkGraph } from '../../../src/analysis/network/walk-graph';
import { reachPairs } from '../../../src/analysis/reach';
import { rng } from '../helpers';

const LON0 = 110;
const LAT0 = 40;
const M = (EARTH_RADIUS_M * Math.PI) / 180;
/** local metres (x east, y north) → [lon, lat] */
const P = (x: number, y: number): [number, number] => [LON0 + x / (M * Math.cos((LAT0 * Math.PI) / 180)), LAT0 + y / M];

function pts(list: [number, number][]) {
  const ll = list.map(([x, y]) => P(x, y));
  return { lon: ll.map((p) => p[0]), lat: ll.map((p) => p[1]) };
}

function pairMap(graph: WalkGraph, sites: [number, number][], cells: [number, number][], radiusM: number, snapMaxM = 200) {
  const s = pts(sites);
  const c = pts(cells);
  const pr = reachPairs({ mode: 'walking', graph, snapMaxM }, s.lon, s.lat, c.lon, c.lat, radiusM);
  const out = new Map<string, number>();
  for (let p = 0; p < pr.count; p++) out.set(`${pr.kg[p]}:${pr.cell[p]}`, pr.distM[p]);
  return out;
}

/** A river along y = 0; a road on each bank (y = ±20) and one bridge at x = 400. */
function riverGraph() {
  return buildWalkGraph(
    packLines([
      [P(-500, 20), P(400, 20), P(500, 20)],
      [P(-500, -20), P(500, -20)], // the bridge's south end meets this road mid-segment: a T-junction
      [P(400, 20), P(400, -20)],
    ]),
  );
}

describe('walk graph', () => {
  it('joins ends by distance tolerance and T-junctions, and labels components', () => {
    const g = riverGraph();
    expect(g.stats.joinedEnds).toBe(1);
    expect(g.stats.components).toBe(1);
    expect(g.stats.lengthM).toBeCloseTo(1000 + 1000 + 40, 3);
    // ends 0.6 m apart join at tolerance 1 m, not at 0.5 m
    const lines = packLines([
      [P(0, 0), P(100, 0)],
      [P(100.6, 0), P(200, 0)],
    ]);
    expect(buildWalkGraph(lines, 1).stats.components).toBe(1);
    const apart = buildWalkGraph(lines, 0.5);
    expect(apart.stats.components).toBe(2);
    expect(apart.componentNodes[0]).toBe(2);
    // a separate piece is reported: 100 m of the 200 m is detached
    expect(apart.stats.detachedLengthM).toBeCloseTo(99.4, 1);
  });

  it('never joins a line end onto its own next segment (a path drawn across a road ends on the road)', () => {
    // a path from (0, 25) to (0, −25) with its ends on the two roads: the middle segment passes through both ends
    const g = buildWalkGraph(packLines([[P(-100, 20), P(100, 20)], [P(-100, -20), P(100, -20)], [P(0, 20), P(0, 25), P(0, -25), P(0, -20)]]));
    expect(g.stats.joinedEnds).toBe(2);
    expect(g.stats.components).toBe(1);
  });

  it('snaps to the nearest edge with the projection and its distance; beyond the limit not at all', () => {
    const g = riverGraph();
    const idx = buildEdgeIndex(g, 50);
    const q = pts([[100, 35], [450, -5], [0, 400]]);
    const s = snapPoints(g, idx, q.lon, q.lat, 200);
    expect(s.snapM[0]).toBeCloseTo(15, 2);
    expect(s.snapM[1]).toBeCloseTo(15, 2); // 15 m from the south road, 50 m from the bridge
    expect(s.edge[2]).toBe(-1);
    expect(s.snapM[2]).toBeNaN(); // nothing within the limit: the search stops there
  });
});

describe('walking reach on hand-built graphs', () => {
  it('detours over the bridge: 60 m straight, 860 m on foot', () => {
    const g = riverGraph();
    const site: [number, number][] = [[0, 30]];
    const cell: [number, number][] = [[0, -30]];
    expect(pairMap(g, site, cell, 300).size).toBe(0);
    const far = pairMap(g, site, cell, 1000);
    // 10 (snap) + 400 (north bank) + 40 (bridge) + 400 (south bank) + 10 (snap)
    expect(far.get('0:0')).toBeCloseTo(860, 1);
    // straight line: paired at 60 m
    const s = pts(site);
    const c = pts(cell);
    const straight = computeNeighbourPairs(s.lon, s.lat, c.lon, c.lat, 300);
    expect(straight.count).toBe(1);
    expect(straight.distM[0]).toBeCloseTo(60, 1);
  });

  it('is undirected: swapping site and demand gives the same distance', () => {
    const g = riverGraph();
    const a: [number, number] = [-200, 45];
    const b: [number, number] = [300, -60];
    const ab = pairMap(g, [a], [b], 5000).get('0:0')!;
    const ba = pairMap(g, [b], [a], 5000).get('0:0')!;
    expect(ab).toBeCloseTo(25 + 600 + 40 + 100 + 40, 1);
    expect(ba).toBeCloseTo(ab, 9);
  });

  it('on the site’s own edge walks straight along it; never shorter than the straight line', () => {
    const g = buildWalkGraph(packLines([[P(0, 0), P(1000, 0)]]));
    const d = pairMap(g, [[100, 10]], [[400, -20], [100, 10]], 1000);
    expect(d.get('0:0')).toBeCloseTo(10 + 300 + 20, 1);
    expect(d.get('0:1')).toBeCloseTo(20, 6); // same snap point: 10 + 0 + 10
  });

  it('points beyond the snap limit reach nothing and are counted', () => {
    const g = riverGraph();
    const s = pts([[0, 30]]);
    const c = pts([[0, 31], [0, 600]]);
    const r = new NetworkReach(g, s.lon, s.lat, c.lon, c.lat, 300, 200);
    r.run(0, 1);
    const pr = r.finish();
    expect(pr.count).toBe(1);
    expect(r.unreachableCells).toBe(1);
    expect(Array.from(pr.cellOffsets)).toEqual([0, 1, 1]);
  });

  it('nearest kindergarten: one multi-source search over the accepted sites', () => {
    const g = riverGraph();
    const s = pts([[0, 30], [-400, -25]]);
    const c = pts([[0, -30]]);
    const r = new NetworkReach(g, s.lon, s.lat, c.lon, c.lat, 300, 200);
    r.run(0, 2);
    r.finish();
    const out = new Float64Array(1);
    r.nearestM(Uint8Array.from([1, 1]), 3000, out, null, 0, 1);
    expect(out[0]).toBeCloseTo(5 + 400 + 10, 1);
    r.nearestM(Uint8Array.from([1, 0]), 3000, out, null, 0, 1);
    expect(out[0]).toBeCloseTo(860, 1);
    r.nearestM(Uint8Array.from([1, 0]), 500, out, null, 0, 1);
    expect(out[0]).toBeNaN();
  });
});

/** Reference: O(n²) Dijkstra from the snapped seeds, written independently of the engine. */
function referenceDistances(g: WalkGraph, seeds: [number, number][]): number[] {
  const n = g.nodeLon.length;
  const dist: number[] = Array.from({ length: n }, () => Infinity);
  const done: boolean[] = Array.from({ length: n }, () => false);
  for (const [v, d] of seeds) dist[v] = Math.min(dist[v], d);
  const nbr: [number, number][][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < g.edgeA.length; e++) {
    const len = haversineM(g.nodeLon[g.edgeA[e]], g.nodeLat[g.edgeA[e]], g.nodeLon[g.edgeB[e]], g.nodeLat[g.edgeB[e]]);
    nbr[g.edgeA[e]].push([g.edgeB[e], len]);
    nbr[g.edgeB[e]].push([g.edgeA[e], len]);
  }
  for (;;) {
    let v = -1;
    for (let u = 0; u < n; u++) if (!done[u] && dist[u] < Infinity && (v < 0 || dist[u] < dist[v])) v = u;
    if (v < 0) break;
    done[v] = true;
    for (const [w, len] of nbr[v]) if (dist[v] + len < dist[w]) dist[w] = dist[v] + len;
  }
  return dist;
}

describe('walking reach equals a reference Dijkstra on a random graph', () => {
  it('every pair within 0.1 m, the same pairs (away from the radius by 0.1 m)', () => {
    const r = rng(7);
    // a jittered 25 × 25 lattice with 80 m spacing, 30 % of the links removed, plus random diagonals
    const N = 25;
    const node = (i: number, k: number): [number, number] => P(i * 80 + (r() - 0.5) * 30, k * 80 + (r() - 0.5) * 30);
    const grid: [number, number][][] = [];
    for (let i = 0; i < N; i++) {
      grid.push([]);
      for (let k = 0; k < N; k++) grid[i].push(node(i, k));
    }
    const lines: [number, number][][] = [];
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < N; k++) {
        if (i + 1 < N && r() > 0.3) lines.push([grid[i][k], grid[i + 1][k]]);
        if (k + 1 < N && r() > 0.3) lines.push([grid[i][k], grid[i][k + 1]]);
        if (i + 1 < N && k + 1 < N && r() > 0.85) lines.push([grid[i][k], grid[i + 1][k + 1]]);
      }
    }
    const g = buildWalkGraph(packLines(lines), 0.5);
    const sites: [number, number][] = Array.from({ length: 40 }, () => [r() * 1900, r() * 1900]);
    const cells: [number, number][] = Array.from({ length: 600 }, () => [r() * 1900, r() * 1900]);
    const R = 500;
    const got = pairMap(g, sites, cells, R);
    expect(got.size).toBeGreaterThan(200);

    const idx = buildEdgeIndex(g, 50);
    const s = pts(sites);
    const c = pts(cells);
    const ss = snapPoints(g, idx, s.lon, s.lat, 200);
    const cs = snapPoints(g, idx, c.lon, c.lat, 200);
    let checked = 0;
    for (let j = 0; j < sites.length; j++) {
      const e = ss.edge[j];
      if (e < 0) continue;
      const len = g.edgeLenM[e];
      const dist = referenceDistances(g, [
        [g.edgeA[e], ss.snapM[j] + ss.t[j] * len],
        [g.edgeB[e], ss.snapM[j] + (1 - ss.t[j]) * len],
      ]);
      for (let i = 0; i < cells.length; i++) {
        const f = cs.edge[i];
        let d = Infinity;
        if (f >= 0) {
          const lf = g.edgeLenM[f];
          d = Math.min(dist[g.edgeA[f]] + cs.t[i] * lf, dist[g.edgeB[f]] + (1 - cs.t[i]) * lf);
          if (f === e) d = Math.min(d, ss.snapM[j] + Math.abs(ss.t[j] - cs.t[i]) * lf);
          d += cs.snapM[i];
          d = Math.max(d, haversineM(s.lon[j], s.lat[j], c.lon[i], c.lat[i]));
        }
        const key = `${j}:${i}`;
        if (d <= R - 0.1) {
          expect(got.has(key), key).toBe(true);
          expect(Math.abs(got.get(key)! - d)).toBeLessThan(0.1);
          checked++;
        } else if (d > R + 0.1) expect(got.has(key), key).toBe(false);
      }
    }
    expect(checked).toBe([...got.values()].filter((d) => d <= R - 0.1).length);
  });
});

describe('straight-line provider', () => {
  it('is the grid index unchanged: identical pairs and distances', () => {
    const r = rng(3);
    const kLon = Array.from({ length: 200 }, () => LON0 + r() * 0.1);
    const kLat = Array.from({ length: 200 }, () => LAT0 + r() * 0.07);
    const cLon = Array.from({ length: 3000 }, () => LON0 + r() * 0.1);
    const cLat = Array.from({ length: 3000 }, () => LAT0 + r() * 0.07);
    const a = computeNeighbourPairs(kLon, kLat, cLon, cLat, 300);
    const b = reachPairs({ mode: 'straight' }, kLon, kLat, cLon, cLat, 300);
    expect(b.count).toBe(a.count);
    expect(Array.from(b.kg.subarray(0, b.count))).toEqual(Array.from(a.kg.subarray(0, a.count)));
    expect(Array.from(b.distM.subarray(0, b.count))).toEqual(Array.from(a.distM.subarray(0, a.count)));
    expect(Array.from(b.cellOffsets)).toEqual(Array.from(a.cellOffsets));
  });
});
