/**
 * The local metric frame of the basemap generator (metres east/north of the old centre),
 * the urban mask (near inhabited 200 m cells) and a point-in-community test.
 */
import type { Position } from 'geojson';
import { OLD_CENTRE } from '../sample/admin-units';
import { cellKey, cellOf, inArea, M_PER_DEG_LAT, M_PER_DEG_LON, type Area } from '../sample/geo';

export type XY = [number, number];

/** metres east/north of the old centre → lon/lat */
export function toLonLat([x, y]: XY): Position {
  return [OLD_CENTRE[0] + x / M_PER_DEG_LON, OLD_CENTRE[1] + y / M_PER_DEG_LAT];
}

/** lon/lat → metres east/north of the old centre */
export function toXY(p: Position): XY {
  return [(p[0] - OLD_CENTRE[0]) * M_PER_DEG_LON, (p[1] - OLD_CENTRE[1]) * M_PER_DEG_LAT];
}

/** Which places are built up: inhabited cells, optionally grown by `grow` cells (≈200 m each). */
export class UrbanMask {
  private readonly keys = new Set<string>();

  constructor(cells: Position[], grow: number) {
    for (const c of cells) {
      const { row, col } = cellOf(c);
      for (let dr = -grow; dr <= grow; dr++)
        for (let dc = -grow; dc <= grow; dc++) if (dr * dr + dc * dc <= grow * grow + 1) this.keys.add(cellKey(row + dr, col + dc));
    }
  }

  has(p: Position): boolean {
    const { row, col } = cellOf(p);
    return this.keys.has(cellKey(row, col));
  }
}

/** Rectangles of the generated communities, bucketed on a 500 m grid for quick inside tests. */
export class CommunityIndex {
  private readonly buckets = new Map<string, Area[]>();

  constructor(rings: Position[][]) {
    for (const ring of rings) {
      const area: Area = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
      const keys = new Set(ring.map((p) => this.key(p)));
      for (const k of keys) this.buckets.set(k, [...(this.buckets.get(k) ?? []), area]);
    }
  }

  private key(p: Position): string {
    const [x, y] = toXY(p);
    return `${Math.floor(x / 500)}:${Math.floor(y / 500)}`;
  }

  /** true when p lies inside a community (rectangles are < 500 m, so their corners' buckets suffice, plus neighbours) */
  inside(p: Position): boolean {
    const [x, y] = toXY(p);
    const bx = Math.floor(x / 500);
    const by = Math.floor(y / 500);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) for (const a of this.buckets.get(`${bx + dx}:${by + dy}`) ?? []) if (inArea(p, a)) return true;
    return false;
  }
}
