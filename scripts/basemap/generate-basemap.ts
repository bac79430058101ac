/**
 * generateBasemap(): the "示例矢量底图" of the sample district as one GeoJSON text — generated
 * streets, the 昆都仑河, the railway, parks and industrial areas, clipped to the real district
 * boundary. Pure: the same inputs and seed give byte-identical output. Not real roads.
 */
import { featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { GAPS } from '../sample/urban-model';
import { cellKey, cellOf, inArea, type Area } from '../sample/geo';
import { createRng } from '../sample/prng';
import { CommunityIndex, toLonLat, toXY, UrbanMask, type XY } from './frame';
import { keepRuns, round5, roundLine, simplify } from './lines';
import { densify, riverCentreline } from './river';
import { acrossDistrict, gridRoads, type RoadClass } from './roads';

export const DEFAULT_BASEMAP_SEED = 20260302;

export interface BasemapInputs {
  district: Area;
  /** centres of the inhabited 200 m cells (data/population.csv) */
  cells: Position[];
  /** outer rings of the generated 小区 (data/communities.geojson) */
  communityRings: Position[][];
  /** the 包钢厂区 polygon (data/admin_units.geojson, level other), drawn as industrial land */
  steelWorks: Area | null;
}

/** what a feature is: the style draws by `kind` (and `class` for roads) */
export type BasemapKind = 'road' | 'rail' | 'river' | 'water' | 'green' | 'industrial' | 'railyard';

export interface BasemapSummary {
  features: number;
  roadKm: Record<RoadClass, number>;
  railKm: number;
  riverKm: number;
}

type Props = { kind: BasemapKind; class?: RoadClass; name?: string };

/** about 1 m: the basemap needs no more, and it keeps the file small */
const TOL = 1 / 111_320;

function lengthKm(line: Position[]): number {
  let m = 0;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = toXY(line[i - 1]);
    const [bx, by] = toXY(line[i]);
    m += Math.hypot(bx - ax, by - ay);
  }
  return m / 1000;
}

function circle(c: Position, r: number, n = 40): Position[] {
  const [cx, cy] = toXY(c);
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) ring.push(toLonLat([cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)]));
  ring.push(ring[0]);
  return roundLine(ring);
}

function ellipse(c: XY, a: number, b: number, angle: number, n = 48): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const u = a * Math.cos(t);
    const v = b * Math.sin(t);
    ring.push(toLonLat([c[0] + u * Math.cos(angle) - v * Math.sin(angle), c[1] + u * Math.sin(angle) + v * Math.cos(angle)]));
  }
  ring.push(ring[0]);
  return roundLine(ring);
}

function roundPolygon(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(roundLine) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundLine)) };
}

function box(c: Position, half: [number, number]): Position[] {
  const [cx, cy] = toXY(c);
  const [hx, hy] = half;
  const xy: XY[] = [[cx - hx, cy - hy], [cx + hx, cy - hy], [cx + hx, cy + hy], [cx - hx, cy + hy], [cx - hx, cy - hy]];
  return roundLine(xy.map(toLonLat));
}

export function generateBasemap(inputs: BasemapInputs, seed: number = DEFAULT_BASEMAP_SEED): { text: string; summary: BasemapSummary } {
  const rng = createRng(seed);
  const inDistrict = (p: Position): boolean => inArea(p, inputs.district);
  const urban = new UrbanMask(inputs.cells, 0);
  const nearUrban = new UrbanMask(inputs.cells, 2);
  const inhabited = new Set(inputs.cells.map((c) => { const { row, col } = cellOf(c); return cellKey(row, col); }));
  const housingNear = (p: Position): number => {
    const { row, col } = cellOf(p);
    let n = 0;
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if (inhabited.has(cellKey(row + dr, col + dc))) n++;
    return n;
  };
  const communities = new CommunityIndex(inputs.communityRings);
  const xy = inputs.cells.map(toXY);
  const extent: [number, number, number, number] = [
    Math.min(...xy.map((p) => p[0])), Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[1])),
  ];
  const dXY = (inputs.district.geometry.type === 'Polygon' ? [inputs.district.geometry.coordinates] : inputs.district.geometry.coordinates).flat(2).map(toXY);
  const dExtent = [Math.min(...dXY.map((p) => p[0])), Math.min(...dXY.map((p) => p[1])), Math.max(...dXY.map((p) => p[0])), Math.max(...dXY.map((p) => p[1]))];

  const features: Feature[] = [];
  const line = (props: Props, coords: Position[]): void => {
    features.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: roundLine(simplify(coords, TOL)) } });
  };
  const polygon = (props: Props, geometry: Polygon | MultiPolygon): void => {
    features.push({ type: 'Feature', properties: props, geometry });
  };

  // land first (drawn underneath): the steel works, parks, the rail yard, other closed sites
  if (inputs.steelWorks) polygon({ kind: 'industrial', name: '包钢厂区（示意）' }, inputs.steelWorks.geometry);
  for (const g of GAPS) {
    const ring = g.half ? box(g.centre, g.half) : circle(g.centre, g.r ?? 200);
    const kind: BasemapKind = g.half ? 'railyard' : /公园|植物园/.test(g.name) ? 'green' : 'industrial';
    // clipped to the district (a site at the edge would otherwise spill over)
    const clipped = intersect(featureCollection([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }, inputs.district]));
    if (clipped) polygon({ kind, name: g.name }, roundPolygon(clipped.geometry));
  }

  // the river, then the reservoir upstream in the hills
  const riverXY = riverCentreline(
    { inDistrict, housingNear, yNorth: dExtent[3], ySouth: dExtent[1], xWest: -6800, xEast: -1200 },
    rng.fork('river'),
  );
  const riverPts = densify(riverXY, 25).map(toLonLat);
  let riverKm = 0;
  for (const run of keepRuns(riverPts, inDistrict, 8)) {
    riverKm += lengthKm(run);
    line({ kind: 'river', name: '昆都仑河（示意）' }, run);
  }
  // the first place upstream of the city where a reservoir fits inside the district
  const lakeTilt = rng.range(-0.3, 0.3);
  for (const p of riverXY.filter((q) => q[1] > extent[3] + 1500).reverse()) {
    const lake = ellipse(p, 550, 200, Math.PI / 2 + lakeTilt);
    if (lake.every(inDistrict)) {
      polygon({ kind: 'water', name: '水库（示意）' }, { type: 'Polygon', coordinates: [lake] });
      break;
    }
  }

  // streets
  const roadKm: Record<RoadClass, number> = { highway: 0, arterial: 0, street: 0 };
  const steel = inputs.steelWorks;
  const inSteel = (p: Position): boolean => steel !== null && inArea(p, steel);
  const roads = gridRoads(
    { inDistrict, nearUrban: (p) => nearUrban.has(p) || inSteel(p), urban: (p) => urban.has(p), insideCommunity: (p) => communities.inside(p), extent },
    rng.fork('roads'),
  );
  // a bypass north of the built-up area, and the valley road north along the river
  for (const run of acrossDistrict(extent[3] + 700, 150, inDistrict, [dExtent[0], dExtent[2]])) roads.push({ cls: 'highway', coords: run });
  const valley = densify(riverXY.filter((p) => p[1] > extent[3] - 400).map(([x, y]): XY => [x + 260, y]), 25).map(toLonLat);
  for (const run of keepRuns(valley, (p) => inDistrict(p) && !urban.has(p), 16)) roads.push({ cls: 'arterial', coords: run });
  for (const r of roads) {
    roadKm[r.cls] += lengthKm(r.coords);
    line({ kind: 'road', class: r.cls }, r.coords);
  }

  // the railway east–west through the rail yard, and a branch to the steel works
  const yard = GAPS.find((g) => g.half);
  let railKm = 0;
  if (yard) {
    const [, yy] = toXY(yard.centre);
    for (const run of acrossDistrict(yy, 60, inDistrict, [dExtent[0], dExtent[2]])) {
      railKm += lengthKm(run);
      line({ kind: 'rail', name: '铁路（示意）' }, run);
    }
    if (steel) {
      // the works' branch line: west from the yard, then north along the river's east bank into the works
      const [, sy] = toXY(labelOf(steel));
      const x0 = toXY(yard.centre)[0] - (yard.half?.[0] ?? 0);
      const bank = (y: number): number => {
        // mean of the river's x over ±500 m, so the track bends smoothly
        const near = riverXY.filter((p) => Math.abs(p[1] - y) <= 500);
        return near.reduce((s, p) => s + p[0], 0) / Math.max(1, near.length) + 240;
      };
      const corner = bank(yy);
      const pts: XY[] = [];
      for (let x = x0; x > corner + 400; x -= 25) pts.push([x, yy]);
      for (let t = 0; t <= 1; t += 0.05) {
        const a = (t * Math.PI) / 2;
        pts.push([corner + 400 - 400 * Math.sin(a), yy + 400 - 400 * Math.cos(a)]);
      }
      for (let y = yy + 400; y <= sy + 1500; y += 25) pts.push([bank(y), y]);
      for (const run of keepRuns(pts.map(toLonLat), inDistrict, 4)) {
        railKm += lengthKm(run);
        line({ kind: 'rail', name: '铁路专用线（示意）' }, run);
      }
    }
  }

  const fc: FeatureCollection & Record<string, unknown> = {
    type: 'FeatureCollection',
    generated: true,
    note_zh: '示例底图（生成数据，非真实道路）：街道、昆都仑河、铁路和用地均按固定随机种子生成，仅供演示。',
    note_en: 'Sample basemap (generated, not real roads): streets, the river, the railway and land use are generated from a fixed seed, for demonstration only.',
    seed,
    features,
  };
  // one feature a line: diffs stay readable
  const text = `{"type":"FeatureCollection","generated":true,"note_zh":${JSON.stringify(fc.note_zh)},"note_en":${JSON.stringify(fc.note_en)},"seed":${seed},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    text,
    summary: {
      features: features.length,
      roadKm: { highway: round(roadKm.highway), arterial: round(roadKm.arterial), street: round(roadKm.street) },
      railKm: round(railKm),
      riverKm: round(riverKm),
    },
  };
}

/** a point inside the polygon, near its vertex centroid */
function labelOf(a: Area): Position {
  const ring = a.geometry.type === 'Polygon' ? a.geometry.coordinates[0] : a.geometry.coordinates[0][0];
  const c: Position = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  return inArea(c, a) ? [round5(c[0]), round5(c[1])] : ring[0];
}
