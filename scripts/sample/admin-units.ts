/**
 * Generated boundaries of the 16 real 街道/镇: no real boundaries exist, so the
 * district is split into zones (urban south-east, Baotou Steel works to the
 * north-west, hills to the north, the rest) and the urban zone into 13 街道 by a
 * Voronoi diagram of seeded points placed roughly where each 街道 lies.
 */
import { bbox as turfBbox, centroid, difference, featureCollection, intersect, point, pointOnFeature, polygon, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { distM, inArea, roundGeometry, round6, type Area } from './geo';
import type { Rng } from './prng';
import type { SampleInputs, UnitInput } from './inputs';

export interface UnitArea extends UnitInput {
  area: Area;
  /** bbox for quick rejection */
  bbox: [number, number, number, number];
  label: Position;
}

export interface AdminLayout {
  units: UnitArea[];
  /** union of the 13 街道 (the urban area), as separate polygons */
  urbanCodes: string[];
  steelCode: string;
  northTownCode: string;
  westTownCode: string;
  district: Area;
}

/** urban zone (the 13 街道), drawn by hand over the south/south-east of the district */
const URBAN: Position[] = [
  [109.788, 40.714],
  [109.88, 40.714],
  [109.88, 40.596],
  [109.8, 40.596],
  [109.77, 40.606],
  [109.748, 40.615],
  [109.742, 40.6495],
  [109.79, 40.648],
  [109.792, 40.68],
  [109.788, 40.714],
];
/** Baotou Steel works (包钢厂区), north-west of the urban zone; shares its edge with URBAN */
const STEEL: Position[] = [
  [109.722, 40.65],
  [109.742, 40.6495],
  [109.79, 40.648],
  [109.792, 40.68],
  [109.788, 40.714],
  [109.735, 40.716],
  [109.72, 40.69],
  [109.722, 40.65],
];
/** hills and villages of the north (卜尔汉图镇) */
const NORTH: Position[] = [
  [109.5, 40.722],
  [109.72, 40.718],
  [109.735, 40.716],
  [109.788, 40.714],
  [109.9, 40.714],
  [109.9, 40.9],
  [109.5, 40.9],
  [109.5, 40.722],
];

/** approximate position of each 街道 (before jitter and relaxation), north to south */
const STREET_SEEDS: Record<string, Position> = {
  昆北街道: [109.815, 40.704],
  昆工路街道: [109.846, 40.694],
  团结大街街道: [109.8, 40.684],
  林荫路街道: [109.826, 40.68],
  友谊大街街道: [109.8, 40.662],
  阿尔丁大街街道: [109.832, 40.666],
  少先路街道: [109.818, 40.655],
  鞍山道街道: [109.797, 40.643],
  市府东路街道: [109.834, 40.648],
  前进道街道: [109.818, 40.638],
  白云路街道: [109.765, 40.632],
  黄河西路街道: [109.798, 40.618],
  沼潭街道: [109.826, 40.62],
};
/** the old centre: 街道 are smaller (denser) near it */
export const OLD_CENTRE: Position = [109.818, 40.655];

/**
 * Weighted Lloyd relaxation of the seeds over sample points of the urban zone,
 * so the 街道 come out of similar population (smaller near the old centre).
 */
function relax(seeds: Position[], urban: Area, rounds: number): Position[] {
  const [x0, y0, x1, y1] = turfBbox(urban);
  const pts: { p: Position; w: number }[] = [];
  for (let y = y0; y <= y1; y += 0.002) {
    for (let x = x0; x <= x1; x += 0.0026) {
      if (!inArea([x, y], urban)) continue;
      const d = distM([x, y], OLD_CENTRE) / 1000;
      pts.push({ p: [x, y], w: 1 + 2.5 * Math.exp(-(d * d) / (2 * 2.2 * 2.2)) });
    }
  }
  let cur = seeds.map((s) => [...s]);
  for (let r = 0; r < rounds; r++) {
    const acc = cur.map(() => ({ x: 0, y: 0, w: 0 }));
    for (const { p, w } of pts) {
      let best = 0;
      let bestD = Infinity;
      cur.forEach((c, i) => {
        const d = distM(p, c);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
      acc[best].x += p[0] * w;
      acc[best].y += p[1] * w;
      acc[best].w += w;
    }
    cur = cur.map((c, i) => (acc[i].w > 0 ? [acc[i].x / acc[i].w, acc[i].y / acc[i].w] : c));
  }
  return cur;
}

function clip(a: Area, b: Area): Area {
  const r = intersect(featureCollection([a, b]));
  if (!r) throw new Error('empty intersection while building 街道 polygons');
  return r as Area;
}

function minus(a: Area, ...others: Area[]): Area {
  let r: Area | null = a;
  for (const o of others) {
    r = difference(featureCollection([r, o])) as Area | null;
    if (!r) throw new Error('empty difference while building 镇 polygons');
  }
  return r;
}

function finish(u: UnitInput, raw: Area): UnitArea {
  const geom = roundGeometry(raw.geometry);
  const area: Area = { type: 'Feature', properties: {}, geometry: geom };
  let label = centroid(area).geometry.coordinates;
  label = [round6(label[0]), round6(label[1])];
  if (!inArea(label, area)) {
    const p = pointOnFeature(area).geometry.coordinates;
    label = [round6(p[0]), round6(p[1])];
  }
  if (!inArea(label, area)) throw new Error(`no label point inside ${u.name}`);
  return { ...u, area, bbox: turfBbox(area) as [number, number, number, number], label };
}

export function buildAdminUnits(inputs: SampleInputs, rng: Rng): AdminLayout {
  const district = inputs.district as Feature<Polygon | MultiPolygon>;
  const urban = clip(district, polygon([URBAN]));
  const steel = clip(district, polygon([STEEL]));
  const north = minus(clip(district, polygon([NORTH])), steel, urban);
  const west = minus(district, urban, steel, polygon([NORTH]));

  const streets = inputs.units.filter((u) => u.level === 'street');
  const start = streets.map((u): Position => {
    const s = STREET_SEEDS[u.name];
    if (!s) throw new Error(`no seed position for ${u.name}`);
    return [s[0] + rng.range(-0.002, 0.002), s[1] + rng.range(-0.0015, 0.0015)];
  });
  const seeds = relax(start, urban, 6).map((p, i) => point(p, { code: streets[i].code }));
  const cells = voronoi(featureCollection(seeds), { bbox: [109.6, 40.55, 109.95, 40.75] });
  const units: UnitArea[] = [];
  for (const u of inputs.units) {
    if (u.level === 'street') {
      const cell = cells.features.find((f) => f?.properties?.code === u.code);
      if (!cell) throw new Error(`no Voronoi cell for ${u.name}`);
      units.push(finish(u, clip(cell, urban)));
    } else if (u.level === 'other') units.push(finish(u, steel));
    else units.push(finish(u, u.name.includes('卜尔汉图') ? north : west));
  }
  const byName = (pred: (u: UnitArea) => boolean): string => {
    const u = units.find(pred);
    if (!u) throw new Error('unit missing');
    return u.code;
  };
  return {
    units,
    urbanCodes: units.filter((u) => u.level === 'street').map((u) => u.code),
    steelCode: byName((u) => u.level === 'other'),
    northTownCode: byName((u) => u.name.includes('卜尔汉图')),
    westTownCode: byName((u) => u.name.includes('昆河')),
    district,
  };
}

/** code of the unit whose polygon contains p (first match in code order), or null */
export function unitAt(layout: AdminLayout, p: Position): UnitArea | null {
  for (const u of layout.units) {
    const [x0, y0, x1, y1] = u.bbox;
    if (p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1) continue;
    if (inArea(p, u.area)) return u;
  }
  return null;
}
