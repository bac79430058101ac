/**
 * The generated "shape" of the city: which 200 m cells are inhabited, how old
 * the housing is where (a smooth age field: oldest near the old centre, newest
 * on the northern, western and southern edges), parks and rail yards without
 * residents, and a few villages in the two 镇.
 */
import type { Position } from 'geojson';
import { OLD_CENTRE, unitAt, type AdminLayout } from './admin-units';
import { cellCentre, cellKey, distM, GRID, inArea, M_PER_DEG_LAT, M_PER_DEG_LON } from './geo';
import type { Rng } from './prng';

export interface Cell {
  row: number;
  col: number;
  centre: Position;
  streetCode: string;
  /** typical built year of the housing around (the age field, before per-community noise) */
  baseYear: number;
  /** 'urban' = inside the 13 街道; 'village' = a village of a 镇 */
  kind: 'urban' | 'village';
}

export interface UrbanModel {
  cells: Map<string, Cell>;
  /** cells in a stable order (row, then col) */
  list: Cell[];
  baseYearAt(p: Position): number;
  /** villages: code of the 镇 → its cells */
  villages: Map<string, Cell[]>;
}

export interface Gap {
  name: string;
  centre: Position;
  /** radius (circle) or half-sizes in metres (box) */
  r?: number;
  half?: [number, number];
}

/** parks, a rail yard, a campus, a depot: no residents (generated, loosely modelled on the city) */
export const GAPS: Gap[] = [
  { name: '公园（八一公园示意）', centre: [109.826, 40.66], r: 280 },
  { name: '公园（劳动公园示意）', centre: [109.806, 40.65], r: 220 },
  { name: '植物园（阿尔丁植物园示意）', centre: [109.815, 40.691], r: 460 },
  { name: '铁路货场', centre: [109.815, 40.606], half: [1500, 320] },
  { name: '高校校园', centre: [109.826, 40.627], r: 260 },
  { name: '物流园', centre: [109.756, 40.642], r: 380 },
  { name: '水厂', centre: [109.846, 40.705], r: 250 },
];

function inGap(p: Position): boolean {
  for (const g of GAPS) {
    if (g.r !== undefined && distM(p, g.centre) <= g.r) return true;
    if (g.half) {
      const dx = Math.abs(p[0] - g.centre[0]) * M_PER_DEG_LON;
      const dy = Math.abs(p[1] - g.centre[1]) * M_PER_DEG_LAT;
      if (dx <= g.half[0] && dy <= g.half[1]) return true;
    }
  }
  return false;
}

/** village centres in the two 镇 (cells within ~300 m are inhabited) */
const VILLAGES: { town: 'west' | 'north'; centre: Position; radius: number }[] = [
  { town: 'west', centre: [109.716, 40.632], radius: 330 },
  { town: 'west', centre: [109.79, 40.588], radius: 300 },
  { town: 'north', centre: [109.806, 40.731], radius: 300 },
];

export function buildUrbanModel(layout: AdminLayout, rng: Rng): UrbanModel {
  // smooth noise: a few random plane waves, amplitude about ±6 years
  const waves = Array.from({ length: 5 }, () => ({
    kx: rng.range(0.4, 1.6) * (rng.chance(0.5) ? 1 : -1),
    ky: rng.range(0.4, 1.6) * (rng.chance(0.5) ? 1 : -1),
    phase: rng.range(0, Math.PI * 2),
    amp: rng.range(1, 2.2),
  }));
  const baseYearAt = (p: Position): number => {
    const d = distM(p, OLD_CENTRE) / 1000;
    const xk = ((p[0] - OLD_CENTRE[0]) * M_PER_DEG_LON) / 1000;
    const yk = ((p[1] - OLD_CENTRE[1]) * M_PER_DEG_LAT) / 1000;
    let n = 0;
    for (const w of waves) n += w.amp * Math.sin(w.kx * xk + w.ky * yk + w.phase);
    return 1962 + 9.2 * d + n;
  };

  const cells = new Map<string, Cell>();
  const urbanCodes = new Set(layout.urbanCodes);
  const [minRow, maxRow] = [Math.floor((40.59 - GRID.lat0) / GRID.dLat), Math.ceil((40.72 - GRID.lat0) / GRID.dLat)];
  const [minCol, maxCol] = [Math.floor((109.73 - GRID.lon0) / GRID.dLon), Math.ceil((109.87 - GRID.lon0) / GRID.dLon)];
  for (let row = minRow; row <= maxRow; row++) {
    for (let col = minCol; col <= maxCol; col++) {
      const c = cellCentre(row, col);
      if (inGap(c) || !inArea(c, layout.district)) continue;
      const u = unitAt(layout, c);
      if (!u || !urbanCodes.has(u.code)) continue;
      cells.set(cellKey(row, col), { row, col, centre: c, streetCode: u.code, baseYear: baseYearAt(c), kind: 'urban' });
    }
  }

  const villages = new Map<string, Cell[]>();
  for (const v of VILLAGES) {
    const code = v.town === 'west' ? layout.westTownCode : layout.northTownCode;
    const r0 = Math.floor((v.centre[1] - GRID.lat0) / GRID.dLat);
    const c0 = Math.floor((v.centre[0] - GRID.lon0) / GRID.dLon);
    for (let row = r0 - 3; row <= r0 + 3; row++) {
      for (let col = c0 - 3; col <= c0 + 3; col++) {
        const c = cellCentre(row, col);
        if (distM(c, v.centre) > v.radius || cells.has(cellKey(row, col))) continue;
        const u = unitAt(layout, c);
        if (!u || u.code !== code || !inArea(c, layout.district)) continue;
        const cell: Cell = { row, col, centre: c, streetCode: code, baseYear: 1985, kind: 'village' };
        cells.set(cellKey(row, col), cell);
        villages.set(code, [...(villages.get(code) ?? []), cell]);
      }
    }
  }
  for (const code of [layout.westTownCode, layout.northTownCode]) {
    if (!villages.get(code)?.length) throw new Error(`no village cells in ${code}`);
  }

  const list = [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  return { cells, list, baseYearAt, villages };
}
