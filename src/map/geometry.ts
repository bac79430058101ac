/** Geometry helpers for drawing: parse stored GeoJSON text once, square cells from centres. */
import type { AdminUnit, Community, PopulationCell } from '../data/schema';

type Ring = [number, number][];

/** Outer rings of a stored Polygon/MultiPolygon geometry text (holes ignored for drawing fills). */
export function ringsOf(geometry: string | null): Ring[] {
  if (!geometry) return [];
  try {
    const g = JSON.parse(geometry) as { type: string; coordinates: unknown };
    if (g.type === 'Polygon') return [(g.coordinates as Ring[])[0]];
    if (g.type === 'MultiPolygon') return (g.coordinates as Ring[][]).map((p) => p[0]);
  } catch {
    /* a bad geometry is drawn as nothing; the importer reports it */
  }
  return [];
}

export interface PolygonDatum<T> {
  polygon: Ring;
  row: T;
  index: number;
}

export function polygonsOf<T extends AdminUnit | Community>(rows: T[]): PolygonDatum<T>[] {
  const out: PolygonDatum<T>[] = [];
  rows.forEach((row, index) => {
    for (const polygon of ringsOf(row.geometry)) out.push({ polygon, row, index });
  });
  return out;
}

/** metres per degree of latitude (and of longitude at the equator) on the local sphere used for drawing */
export const M_PER_DEG_LAT = 111_320;

/** Square of a grid cell around its centre (cell_size_m, default 200 m). */
export function cellSquare(c: PopulationCell): Ring {
  const half = (c.cell_size_m > 0 ? c.cell_size_m : 200) / 2;
  const dLat = half / M_PER_DEG_LAT;
  const dLon = half / (M_PER_DEG_LAT * Math.cos((c.lat * Math.PI) / 180));
  return [
    [c.lon - dLon, c.lat - dLat],
    [c.lon + dLon, c.lat - dLat],
    [c.lon + dLon, c.lat + dLat],
    [c.lon - dLon, c.lat + dLat],
    [c.lon - dLon, c.lat - dLat],
  ];
}
