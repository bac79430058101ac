/** Small geometry helpers for the sample generator: a local metric frame, rounding, the 200 m grid. */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type Area = Feature<Polygon | MultiPolygon>;

/** reference latitude of the local equirectangular frame (middle of the district) */
export const LAT0 = 40.66;
export const M_PER_DEG_LAT = 111_320;
export const M_PER_DEG_LON = 111_320 * Math.cos((LAT0 * Math.PI) / 180);

/** round to 6 decimals (≈0.1 m), the precision of every written coordinate */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** straight-line distance in metres (local frame; < 0.1 % error over the district) */
export function distM(a: Position, b: Position): number {
  const dx = (a[0] - b[0]) * M_PER_DEG_LON;
  const dy = (a[1] - b[1]) * M_PER_DEG_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}

/** point `p` moved by dx, dy metres */
export function offsetM(p: Position, dx: number, dy: number): Position {
  return [p[0] + dx / M_PER_DEG_LON, p[1] + dy / M_PER_DEG_LAT];
}

/** corners (closed ring, counter-clockwise) of a w×h metre rectangle centred on c, rotated by `angle` radians */
export function rectRing(c: Position, w: number, h: number, angle: number): Position[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const local: [number, number][] = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ];
  const ring = local.map(([x, y]) => {
    const p = offsetM(c, x * cos - y * sin, x * sin + y * cos);
    return [round6(p[0]), round6(p[1])];
  });
  ring.push(ring[0]);
  return ring;
}

/** point of a w×h rectangle at fractional position (u, v) ∈ [-0.5, 0.5]² */
export function rectPoint(c: Position, w: number, h: number, angle: number, u: number, v: number): Position {
  const x = u * w;
  const y = v * h;
  return offsetM(c, x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle));
}

export function inArea(p: Position, area: Area): boolean {
  return booleanPointInPolygon(p, area);
}

/** Coordinates of a Polygon/MultiPolygon rounded to 6 decimals, consecutive duplicates dropped. */
export function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of r) {
      const q = [round6(p[0]), round6(p[1])];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

/** The 200 m population grid: cell (row, col) ↔ centre; origin south-west of the district. */
export const GRID = {
  cellM: 200,
  lon0: 109.6,
  lat0: 40.56,
  dLon: 200 / M_PER_DEG_LON,
  dLat: 200 / M_PER_DEG_LAT,
} as const;

export const cellKey = (row: number, col: number): string => `${row}:${col}`;

export function cellOf(p: Position): { row: number; col: number } {
  return { row: Math.floor((p[1] - GRID.lat0) / GRID.dLat), col: Math.floor((p[0] - GRID.lon0) / GRID.dLon) };
}

export function cellCentre(row: number, col: number): Position {
  return [round6(GRID.lon0 + (col + 0.5) * GRID.dLon), round6(GRID.lat0 + (row + 0.5) * GRID.dLat)];
}
