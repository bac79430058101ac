/**
 * generateWalkNetwork(): the sample's generated walking network (data/walk-network.geojson),
 * made from the generated basemap: a lattice of footpaths (100 m apart) over the built-up
 * area, with some links missing (walls, closed compounds); no path crosses the 昆都仑河
 * or a railway except where a generated arterial or highway crosses it (bridges, level
 * crossings), and none enters the steel works, the rail yard or other closed land. Pure:
 * the same basemap, cells and seed give byte-identical output. Not real paths.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { inArea, type Area } from '../sample/geo';
import { createRng } from '../sample/prng';
import { toLonLat, toXY, UrbanMask, type XY } from './frame';

export const DEFAULT_WALK_SEED = 20261205;
const SPACING = 100;
/** a barrier may be crossed within this distance of a road's crossing point (a bridge) */
const CROSSING_M = 75;

export interface WalkNetworkSummary {
  lines: number;
  links: number;
  crossings: number;
  km: number;
}

type Seg = [XY, XY];

function segsOf(coords: Position[]): Seg[] {
  const xy = coords.map(toXY);
  const out: Seg[] = [];
  for (let k = 0; k + 1 < xy.length; k++) out.push([xy[k], xy[k + 1]]);
  return out;
}

/** intersection point of segments ab and cd, or null */
function intersect([a, b]: Seg, [c, d]: Seg): XY | null {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [a[0] + t * rx, a[1] + t * ry];
}

/** Barrier segments bucketed on a 200 m grid for quick crossing tests. */
class SegIndex {
  private readonly b = new Map<string, Seg[]>();
  constructor(segs: Seg[]) {
    for (const s of segs) {
      const x0 = Math.floor(Math.min(s[0][0], s[1][0]) / 200);
      const x1 = Math.floor(Math.max(s[0][0], s[1][0]) / 200);
      const y0 = Math.floor(Math.min(s[0][1], s[1][1]) / 200);
      const y1 = Math.floor(Math.max(s[0][1], s[1][1]) / 200);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) this.b.set(`${x}:${y}`, [...(this.b.get(`${x}:${y}`) ?? []), s]);
    }
  }
  crosses(s: Seg): boolean {
    const x0 = Math.floor(Math.min(s[0][0], s[1][0]) / 200);
    const x1 = Math.floor(Math.max(s[0][0], s[1][0]) / 200);
    const y0 = Math.floor(Math.min(s[0][1], s[1][1]) / 200);
    const y1 = Math.floor(Math.max(s[0][1], s[1][1]) / 200);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) for (const t of this.b.get(`${x}:${y}`) ?? []) if (intersect(s, t)) return true;
    return false;
  }
}

/** Build the walking network from the generated basemap and the inhabited cell centres. */
export function generateWalkNetwork(basemap: FeatureCollection, cells: Position[], seed: number = DEFAULT_WALK_SEED): { text: string; summary: WalkNetworkSummary } {
  const rng = createRng(seed);
  const barriers: Seg[] = [];
  const roads: Seg[] = [];
  const closed: Area[] = [];
  for (const f of basemap.features) {
    const k = (f.properties as { kind?: string; class?: string } | null)?.kind;
    const cls = (f.properties as { class?: string } | null)?.class;
    if (f.geometry.type === 'LineString' && (k === 'river' || k === 'rail')) barriers.push(...segsOf(f.geometry.coordinates));
    if (f.geometry.type === 'LineString' && k === 'road' && cls !== 'street') roads.push(...segsOf(f.geometry.coordinates));
    if ((f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') && (k === 'industrial' || k === 'railyard' || k === 'water')) {
      closed.push({ type: 'Feature', properties: {}, geometry: f.geometry as Polygon | MultiPolygon } as Area);
    }
  }
  // where roads cross a barrier: bridges and level crossings
  const crossings: XY[] = [];
  const barrierIndex = new SegIndex(barriers);
  for (const r of roads) {
    if (!barrierIndex.crosses(r)) continue;
    for (const b of barriers) {
      const p = intersect(r, b);
      if (p) crossings.push(p);
    }
  }
  const nearCrossing = (p: XY): boolean => crossings.some((c) => Math.hypot(c[0] - p[0], c[1] - p[1]) <= CROSSING_M);

  const near = new UrbanMask(cells, 1);
  const xy = cells.map(toXY);
  const xMin = Math.floor(Math.min(...xy.map((p) => p[0])) / SPACING) * SPACING - 300;
  const yMin = Math.floor(Math.min(...xy.map((p) => p[1])) / SPACING) * SPACING - 300;
  const xMax = Math.max(...xy.map((p) => p[0])) + 300;
  const yMax = Math.max(...xy.map((p) => p[1])) + 300;
  const nx = Math.floor((xMax - xMin) / SPACING) + 1;
  const ny = Math.floor((yMax - yMin) / SPACING) + 1;
  const at = (i: number, k: number): XY => [xMin + i * SPACING, yMin + k * SPACING];
  const keepNode = new Uint8Array(nx * ny);
  for (let i = 0; i < nx; i++) {
    for (let k = 0; k < ny; k++) {
      const p = toLonLat(at(i, k));
      keepNode[i * ny + k] = near.has(p) && !closed.some((a) => inArea(p, a)) ? 1 : 0;
    }
  }
  let links = 0;
  let crossingLinks = 0;
  const link = (a: XY, b: XY, ia: number, ib: number): boolean => {
    if (!keepNode[ia] || !keepNode[ib]) return false;
    const s: Seg = [a, b];
    if (barrierIndex.crosses(s)) {
      const mid: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      if (!nearCrossing(mid)) return false;
      crossingLinks++;
      links++;
      return true;
    }
    // walls and fences: some links missing
    if (rng.next() < 0.12) return false;
    links++;
    return true;
  };
  const round = (p: Position): Position => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
  const features: Feature<LineString>[] = [];
  let km = 0;
  const flush = (run: XY[]): void => {
    if (run.length < 2) return;
    km += (run.length - 1) * SPACING / 1000;
    features.push({ type: 'Feature', properties: { kind: 'path' }, geometry: { type: 'LineString', coordinates: run.map((p) => round(toLonLat(p))) } });
  };
  // east–west runs, then north–south runs; consecutive kept links form one line
  for (let k = 0; k < ny; k++) {
    let run: XY[] = [];
    for (let i = 0; i + 1 < nx; i++) {
      if (link(at(i, k), at(i + 1, k), i * ny + k, (i + 1) * ny + k)) {
        if (run.length === 0) run.push(at(i, k));
        run.push(at(i + 1, k));
      } else {
        flush(run);
        run = [];
      }
    }
    flush(run);
  }
  for (let i = 0; i < nx; i++) {
    let run: XY[] = [];
    for (let k = 0; k + 1 < ny; k++) {
      if (link(at(i, k), at(i, k + 1), i * ny + k, i * ny + k + 1)) {
        if (run.length === 0) run.push(at(i, k));
        run.push(at(i, k + 1));
      } else {
        flush(run);
        run = [];
      }
    }
    flush(run);
  }
  const fc = {
    type: 'FeatureCollection',
    generated: true,
    note_zh: '示例步行路网（生成数据，非真实道路）：按示例底图生成的 100 米步行道网格，部分路段因围墙缺失；昆都仑河与铁路只能在干道桥梁/道口处通过，厂区与铁路站场不可穿行。仅供演示。',
    note_en: 'Sample walking network (generated, not real paths): a 100 m footpath lattice made with the sample basemap, some links missing (walls); the river and railways can be crossed only where an arterial crosses them; closed industrial land and the rail yard cannot be entered. For demonstration only.',
    seed,
    features,
  };
  return { text: `${JSON.stringify(fc)}\n`, summary: { lines: features.length, links, crossings: crossingLinks, km: Math.round(km * 10) / 10 } };
}
