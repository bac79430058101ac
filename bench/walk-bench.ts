/**
 * Walking-distance benchmark (part of npm run bench; alone: npx tsx bench/walk-bench.ts [--quick]):
 * a generated county network of ~50,000 segments (jittered 80 m lattice, 10 % of links missing,
 * some diagonals, every segment its own line with ends up to 0.3 m apart so the tolerance join
 * does real work), 300 kindergartens, 50,000 demand points, 500 m.
 *   - graph build (tolerance join, T-junctions, CSR, components)      goal ≤ 1 s
 *   - all pairs: snapping + cutoff Dijkstra per site + cell order       goal ≤ 1 s
 *   - isochrone polygons of the 300 sites (surface + marching squares)   goal ≤ 1 s
 *   - naive baseline: a full (uncut) Dijkstra per site, then every demand point checked;
 *     the same pairs, counted and compared
 *   - the sample city: runAnalysis straight vs walking (data/walk-network.geojson)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../scripts/sample/prng';
import { EARTH_RADIUS_M, haversineM } from '../src/analysis/geo';
import { DijkstraWorkspace } from '../src/analysis/network/dijkstra';
import { NetworkReach } from '../src/analysis/network/network-reach';
import { buildEdgeIndex, snapPoints } from '../src/analysis/network/snap';
import { buildWalkGraph, type WalkLines } from '../src/analysis/network/walk-graph';
import { loadDataFolder } from '../src/data/load-folder-node';
import { defaultAnalysisParams } from '../src/analysis/params';
import { runAnalysis } from '../src/analysis/run-analysis';
import { walkLinesFromGeoJson } from '../src/data/network/walk-lines';
import { computeNeighbourPairs } from '../src/analysis/neighbour-pairs';
import { reachPairs } from '../src/analysis/reach';
import { generateProvince } from './province';

const M = (EARTH_RADIUS_M * Math.PI) / 180;
const LON0 = 109.8;
const LAT0 = 40.6;
const KX = M * Math.cos((LAT0 * Math.PI) / 180);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

/** A county-size network as separate 2-point lines. */
export function countyNetwork(seed: number, side: number, spacingM: number): WalkLines {
  const r = mulberry32(seed);
  const nodeX = new Float64Array(side * side);
  const nodeY = new Float64Array(side * side);
  for (let i = 0; i < side; i++) {
    for (let k = 0; k < side; k++) {
      nodeX[i * side + k] = i * spacingM + (r() - 0.5) * spacingM * 0.4;
      nodeY[i * side + k] = k * spacingM + (r() - 0.5) * spacingM * 0.4;
    }
  }
  const segs: number[] = [];
  const add = (a: number, b: number): void => {
    // each line's ends drawn independently, up to 0.3 m off the node
    const j = (): number => (r() - 0.5) * 0.6;
    segs.push(LON0 + (nodeX[a] + j()) / KX, LAT0 + (nodeY[a] + j()) / M, LON0 + (nodeX[b] + j()) / KX, LAT0 + (nodeY[b] + j()) / M);
  };
  for (let i = 0; i < side; i++) {
    for (let k = 0; k < side; k++) {
      const v = i * side + k;
      if (i + 1 < side && r() > 0.1) add(v, v + side);
      if (k + 1 < side && r() > 0.1) add(v, v + 1);
      if (i + 1 < side && k + 1 < side && r() > 0.93) add(v, v + side + 1);
    }
  }
  const n = segs.length / 4;
  const lineOffsets = new Int32Array(n + 1);
  for (let l = 0; l <= n; l++) lineOffsets[l] = 2 * l;
  return { coords: Float64Array.from(segs), lineOffsets };
}

function randomPoints(seed: number, n: number, extentM: number): { lon: Float64Array; lat: Float64Array } {
  const r = mulberry32(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = LON0 + (r() * extentM) / KX;
    lat[i] = LAT0 + (r() * extentM) / M;
  }
  return { lon, lat };
}

/** Run `f` `runs` times: each run's ms and the last value. */
export function time<T>(runs: number, f: () => T): { ms: number[]; last: T } {
  const ms: number[] = [];
  let last!: T;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    last = f();
    ms.push(performance.now() - t);
  }
  return { ms, last };
}

export interface WalkBenchRow {
  cells: (string | number)[];
}

/** Run the benchmark; returns markdown rows (| case | method | median | runs | notes |). */
export function runWalkBench(quick = false, runs = 5): string[] {
  const md: string[] = [];
  const row = (c: (string | number)[]): void => {
    md.push(`| ${c.join(' | ')} |`);
  };
  const side = quick ? 60 : 160;
  const SPACING = 80;
  const extent = (side - 1) * SPACING;
  const R = 500;
  const nSites = 300;
  const nDemand = quick ? 10000 : 50000;
  const lines = countyNetwork(11, side, SPACING);
  const nSeg = lines.lineOffsets.length - 1;
  const sites = randomPoints(12, nSites, extent);
  const demand = randomPoints(13, nDemand, extent);
  buildWalkGraph(lines); // warm-up
  const build = time(runs, () => buildWalkGraph(lines));
  const g = build.last;
  const gs = g.stats;
  const caseName = `county network ${nSeg.toLocaleString('en-US')} segments, ${nSites} × ${nDemand.toLocaleString('en-US')}, ${R} m`;
  console.log(`\n步行路网（${caseName}）`);
  console.log(`建图：中位数 ${fmt(median(build.ms))}（目标 ≤ 1 s ${median(build.ms) <= 1000 ? '✓' : '✗'}）；${gs.nodes} 节点、${gs.edges} 边、${gs.components} 个连通块`);
  row([caseName, 'graph build (1 m tolerance join of 0.3 m-jittered ends, T-junctions, CSR, components)', fmt(median(build.ms)), build.ms.map((x) => x.toFixed(0)).join(', '), `goal ≤ 1 s; ${gs.nodes} nodes, ${gs.edges} edges, ${gs.components} components`]);

  const pairsOnce = (): { count: number; reach: NetworkReach } => {
    const reach = new NetworkReach(g, sites.lon, sites.lat, demand.lon, demand.lat, R, 200);
    reach.run(0, nSites);
    return { count: reach.finish().count, reach };
  };
  pairsOnce();
  const pairs = time(runs, pairsOnce);
  const pairCount = pairs.last.count;
  console.log(`全部配对（吸附 + 每园截断 Dijkstra + 按网格排序）：中位数 ${fmt(median(pairs.ms))}（目标 ≤ 1 s ${median(pairs.ms) <= 1000 ? '✓' : '✗'}），${pairCount.toLocaleString()} 对`);
  row([caseName, 'all pairs: snap sites + demand, cutoff Dijkstra per site, pairs in cell order', fmt(median(pairs.ms)), pairs.ms.map((x) => x.toFixed(0)).join(', '), `goal ≤ 1 s; ${pairCount} pairs`]);

  const reach = pairs.last.reach;
  const iso = time(runs, () => {
    let rings = 0;
    for (let j = 0; j < nSites; j++) rings += reach.siteIsochrone(j, R)?.length ?? 0;
    return rings;
  });
  console.log(`等时圈多边形（${nSites} 所，25 m 栅格 + 行进方块）：中位数 ${fmt(median(iso.ms))}（目标 ≤ 1 s ${median(iso.ms) <= 1000 ? '✓' : '✗'}），${iso.last} 个多边形`);
  row([caseName, `isochrone polygons of the ${nSites} sites (25 m grid, 60 m off-road, marching squares)`, fmt(median(iso.ms)), iso.ms.map((x) => x.toFixed(0)).join(', '), `goal ≤ 1 s; ${iso.last} polygons`]);

  // naive: full Dijkstra per site (no cutoff), then every demand point
  const idx = buildEdgeIndex(g, 100);
  const naive = (): number => {
    const ss = snapPoints(g, idx, sites.lon, sites.lat, 200);
    const cs = snapPoints(g, idx, demand.lon, demand.lat, 200);
    const ws = new DijkstraWorkspace(g);
    let count = 0;
    for (let j = 0; j < nSites; j++) {
      const e = ss.edge[j];
      if (e < 0) continue;
      const len = g.edgeLenM[e];
      ws.run([g.edgeA[e], g.edgeB[e]], [ss.snapM[j] + ss.t[j] * len, ss.snapM[j] + (1 - ss.t[j]) * len], Infinity);
      for (let i = 0; i < nDemand; i++) {
        const f = cs.edge[i];
        if (f < 0) continue;
        const lf = g.edgeLenM[f];
        let d = Math.min(ws.dist[g.edgeA[f]] + cs.t[i] * lf, ws.dist[g.edgeB[f]] + (1 - cs.t[i]) * lf);
        if (f === e) d = Math.min(d, ss.snapM[j] + Math.abs(ss.t[j] - cs.t[i]) * lf);
        d = Math.max(d + cs.snapM[i], haversineM(sites.lon[j], sites.lat[j], demand.lon[i], demand.lat[i]));
        if (d <= R) count++;
      }
    }
    return count;
  };
  const nv = time(quick ? 1 : 2, naive);
  const ratio = median(nv.ms) / median(pairs.ms);
  const same = nv.last === pairCount;
  console.log(`朴素基线（每园完整 Dijkstra，不截断，再逐点检查）：中位数 ${fmt(median(nv.ms))}，${nv.last.toLocaleString()} 对（${same ? '与截断结果一致' : '与截断结果不一致！'}）；截断快 ${ratio.toFixed(0)}×`);
  row([caseName, 'naive: full (uncut) Dijkstra per site, then every demand point', fmt(median(nv.ms)), nv.ms.map((x) => x.toFixed(0)).join(', '), `${nv.last} pairs (${same ? 'same as the cutoff search' : 'DIFFERENT'}); cutoff is ${ratio.toFixed(0)}× faster`]);

  // the province on straight lines: the provider wrapper against the grid index called directly, same run
  const prov = generateProvince(42, quick ? 2000 : 20000, quick ? 100000 : 1000000, 100);
  const direct = () => computeNeighbourPairs(prov.kgLon, prov.kgLat, prov.cellLon, prov.cellLat, 300).count;
  const wrapped = () => reachPairs({ mode: 'straight' }, prov.kgLon, prov.kgLat, prov.cellLon, prov.cellLat, 300).count;
  direct();
  wrapped();
  const dRuns: number[] = [];
  const wRuns: number[] = [];
  let dc = 0;
  let wc = 0;
  for (let k = 0; k < runs; k++) {
    // interleaved, so load from other processes hits both alike
    let t = performance.now();
    dc = direct();
    dRuns.push(performance.now() - t);
    t = performance.now();
    wc = wrapped();
    wRuns.push(performance.now() - t);
  }
  const pName = `province ${(quick ? 2000 : 20000).toLocaleString('en-US')} × ${(quick ? 100000 : 1000000).toLocaleString('en-US')}, 300 m`;
  console.log(`省级直线配对：直接调用网格索引 ${fmt(median(dRuns))}，经距离接口（直线） ${fmt(median(wRuns))}（${dc === wc ? '配对相同' : '配对不同！'}，${(median(wRuns) / median(dRuns)).toFixed(2)}×）`);
  row([pName, 'straight-line pairs: grid index called directly / through the reach provider (interleaved runs)', `${fmt(median(dRuns))} / ${fmt(median(wRuns))}`, wRuns.map((x) => x.toFixed(0)).join(', '), `${dc === wc ? 'same' : 'DIFFERENT'} ${dc} pairs; provider ÷ direct ${(median(wRuns) / median(dRuns)).toFixed(2)}×`]);

  const dataDir = path.resolve(import.meta.dirname ?? '.', '../data');
  const netFile = path.join(dataDir, 'walk-network.geojson');
  if (existsSync(netFile) && existsSync(path.join(dataDir, 'kindergartens.csv'))) {
    const { data } = loadDataFolder(dataDir);
    const wl = walkLinesFromGeoJson(JSON.parse(readFileSync(netFile, 'utf8')), 'walk-network.geojson');
    const sg = time(runs, () => buildWalkGraph(wl.lines));
    const input = { ...data, walkGraph: sg.last };
    const params = defaultAnalysisParams('2026-06-30');
    runAnalysis(input, params);
    const st = time(Math.max(runs, 7), () => runAnalysis(input, params));
    const wp = { ...params, distanceMode: 'walking' as const };
    runAnalysis(input, wp);
    const wk = time(Math.max(runs, 7), () => runAnalysis(input, wp));
    const a = st.last.district;
    const b = wk.last.district;
    const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
    console.log(`样例城市：路网建图 ${fmt(median(sg.ms))}；runAnalysis 直线 ${fmt(median(st.ms))}（覆盖 ${pct(a.coveredChildrenShare)}），步行路网 ${fmt(median(wk.ms))}（覆盖 ${pct(b.coveredChildrenShare)}）`);
    row(['sample city', `walk network graph build (${sg.last.stats.edges} edges)`, fmt(median(sg.ms)), sg.ms.map((x) => x.toFixed(1)).join(', '), `${sg.last.stats.components} components`]);
    row(['sample city', 'runAnalysis straight line / walking network', `${fmt(median(st.ms))} / ${fmt(median(wk.ms))}`, wk.ms.map((x) => x.toFixed(1)).join(', '), `children covered ${pct(a.coveredChildrenShare)} straight → ${pct(b.coveredChildrenShare)} walking; ${st.last.pairCount} → ${wk.last.pairCount} pairs`]);
  }
  return md;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  const md = runWalkBench(process.argv.includes('--quick'));
  console.log(`\n${md.join('\n')}`);
}
