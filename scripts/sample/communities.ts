/**
 * Generated residential communities (小区): rotated rectangles 100–500 m across,
 * placed without overlap on inhabited cells, older and smaller near the old
 * centre, newer and larger towards the edges.
 */
import type { Position } from 'geojson';
import { unitAt, type AdminLayout } from './admin-units';
import { cellKey, cellOf, distM, inArea, rectPoint, rectRing } from './geo';
import type { NamePool } from './names';
import type { Rng } from './prng';
import type { UrbanModel } from './urban-model';

export type Era = 'old' | 'mid' | 'new';

export interface GenCommunity {
  id: string;
  name: string;
  centre: Position;
  w: number;
  h: number;
  angle: number;
  ring: Position[];
  era: Era;
  builtYear: number;
  residents: number;
  households: number;
  developer: string | null;
  streetCode: string;
  /** filled in by the ledger */
  required: boolean;
  kgClasses: number | null;
  kgStatus: string | null;
  kgId: string | null;
  completionDate: string | null;
  handoverDue: string | null;
  responsibleUnit: string | null;
  /** housing not finished yet: not in the population grid */
  underConstruction: boolean;
}

export const eraOf = (year: number): Era => (year < 1990 ? 'old' : year <= 2010 ? 'mid' : 'new');

interface EraSpec {
  quota: number;
  size: [number, number];
  /** residents per km² of the compound */
  density: [number, number];
}

const ERAS: Record<Era, EraSpec> = {
  new: { quota: 95, size: [280, 500], density: [28000, 42000] },
  mid: { quota: 100, size: [160, 400], density: [13000, 20000] },
  old: { quota: 150, size: [200, 420], density: [14000, 20000] },
};
/** small 楼院 between the others, old or mid by where they are */
const INFILL: EraSpec = { quota: 70, size: [100, 200], density: [13000, 19000] };

/** sample points of a rectangle, for the overlap with grid cells */
export function rectSamples(c: GenCommunity | { centre: Position; w: number; h: number; angle: number }, n = 8): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out.push(rectPoint(c.centre, c.w, c.h, c.angle, (i + 0.5) / n - 0.5, (j + 0.5) / n - 0.5));
  }
  return out;
}

interface Box {
  x: number;
  y: number;
  hx: number;
  hy: number;
}

export function placeCommunities(layout: AdminLayout, model: UrbanModel, names: NamePool, householdSize: number, rng: Rng): GenCommunity[] {
  const urban = model.list.filter((c) => c.kind === 'urban');
  const origin = urban[0].centre;
  // proposals per era: a random inhabited cell, the era from the age field (with noise and redevelopment)
  const proposals: Record<Era, { centre: Position; year: number }[]> = { new: [], mid: [], old: [] };
  for (let tries = 0; tries < 200000; tries++) {
    const cell = rng.pick(urban);
    const centre: Position = [cell.centre[0] + rng.range(-0.001, 0.001), cell.centre[1] + rng.range(-0.0008, 0.0008)];
    let year = Math.round(model.baseYearAt(centre) + rng.gauss() * 4);
    if (year < 2000 && rng.chance(0.1)) year = rng.int(2008, 2022); // 棚改/redevelopment in the old city
    year = Math.min(2025, Math.max(1962, year));
    const era = eraOf(year);
    if (proposals[era].length < ERAS[era].quota * 20) proposals[era].push({ centre, year });
    if ((Object.keys(ERAS) as Era[]).every((e) => proposals[e].length >= ERAS[e].quota * 20)) break;
  }

  const placed: GenCommunity[] = [];
  const boxes: Box[] = [];
  const toBox = (centre: Position, w: number, h: number, angle: number): Box => {
    const cos = Math.abs(Math.cos(angle));
    const sin = Math.abs(Math.sin(angle));
    const dx = distM([origin[0], centre[1]], centre) * Math.sign(centre[0] - origin[0]);
    const dy = distM([centre[0], origin[1]], centre) * Math.sign(centre[1] - origin[1]);
    return { x: dx, y: dy, hx: (w * cos + h * sin) / 2 + 12, hy: (w * sin + h * cos) / 2 + 12 };
  };
  const overlaps = (b: Box): boolean => boxes.some((o) => Math.abs(o.x - b.x) < o.hx + b.hx && Math.abs(o.y - b.y) < o.hy + b.hy);

  // new estates first (they are large), then mid, old, and small infill 楼院 between them
  const infill = proposals.old.flatMap((p, i) => (proposals.mid[i] ? [p, proposals.mid[i]] : [p]));
  const passes: { spec: EraSpec; list: { centre: Position; year: number }[]; shrink: number[] }[] = [
    { spec: ERAS.new, list: proposals.new, shrink: [1] },
    { spec: ERAS.mid, list: proposals.mid, shrink: [1, 0.85, 0.72] },
    { spec: ERAS.old, list: proposals.old, shrink: [1, 0.85, 0.72] },
    { spec: INFILL, list: infill, shrink: [1, 0.8] },
  ];
  for (const { spec, list, shrink } of passes) {
    let count = 0;
    for (const prop of list) {
      if (count >= spec.quota) break;
      const era = eraOf(prop.year);
      const w0 = rng.range(spec.size[0], spec.size[1]);
      const h0 = Math.min(spec.size[1], Math.max(spec.size[0], w0 * rng.range(0.6, 1.4)));
      const angle = rng.range(-0.1, 0.1);
      const unit = unitAt(layout, prop.centre);
      if (!unit) continue;
      // the drawn size, or smaller when it does not fit
      let fit: { w: number; h: number; ring: Position[]; box: Box } | null = null;
      for (const k of shrink) {
        const w = Math.round(Math.max(100, spec.size[0] * 0.8, w0 * k) / 5) * 5;
        const h = Math.round(Math.max(100, spec.size[0] * 0.8, h0 * k) / 5) * 5;
        const box = toBox(prop.centre, w, h, angle);
        if (overlaps(box)) continue;
        const ring = rectRing(prop.centre, w, h, angle);
        if (!ring.every((p) => inArea(p, layout.district))) continue;
        if (!rectSamples({ centre: prop.centre, w, h, angle }).every((p) => model.cells.get(cellKey(cellOf(p).row, cellOf(p).col))?.kind === 'urban')) continue;
        fit = { w, h, ring, box };
        break;
      }
      if (!fit) continue;
      const { w, h, ring, box } = fit;
      // a few large high-rise estates (大型住区) among the new ones
      const estate = spec === ERAS.new && w * h >= 150000 && rng.chance(0.45);
      const density = estate ? rng.range(50000, 62000) : rng.range(spec.density[0], spec.density[1]);
      const residents = Math.max(150, Math.round(((w * h) / 1e6) * density));
      placed.push({
        id: '',
        name: names.community(era),
        centre: prop.centre,
        w,
        h,
        angle,
        ring,
        era,
        builtYear: prop.year,
        residents,
        households: Math.round(residents / (householdSize * rng.range(0.93, 1.07))),
        developer: names.developer(era),
        streetCode: unit.code,
        required: false,
        kgClasses: null,
        kgStatus: null,
        kgId: null,
        completionDate: null,
        handoverDue: null,
        responsibleUnit: null,
        underConstruction: false,
      });
      boxes.push(box);
      count++;
    }
  }
  // stable ids: north to south, then west to east
  placed.sort((a, b) => b.centre[1] - a.centre[1] || a.centre[0] - b.centre[0]);
  placed.forEach((c, i) => (c.id = `XQ${String(i + 1).padStart(4, '0')}`));
  return placed;
}

/**
 * Scale residents (and households) down when the communities would leave less
 * than `maxTotal` for the rest of the population (other seeds can pack more).
 */
export function capResidents(communities: GenCommunity[], maxTotal: number, householdSize: number): void {
  const total = communities.filter((c) => !c.underConstruction).reduce((s, c) => s + c.residents, 0);
  if (total <= maxTotal) return;
  const f = maxTotal / total;
  for (const c of communities) {
    c.residents = Math.max(150, Math.floor(c.residents * f));
    c.households = Math.round(c.residents / householdSize);
  }
}
