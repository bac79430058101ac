/**
 * Generated kindergartens. The counts of public ones are real (2023 实施方案:
 * 28 public, 12 run by the district education bureau, 11 by Baotou Steel's
 * preschool department, 包钢十七园/十八园 among them); names, places, staff,
 * locations and all private ones are generated.
 */
import type { Position } from 'geojson';
import type { KgStatus, KgType } from '../../src/data/schema';
import { OLD_CENTRE, unitAt, type AdminLayout } from './admin-units';
import type { GenCommunity } from './communities';
import { cellKey, cellOf, distM, offsetM, rectPoint, round6 } from './geo';
import { EDU_BUREAU } from './ledger';
import { cnNumber, type NamePool } from './names';
import type { GenCell } from './population';
import type { Rng } from './prng';

export const BAOGANG_OPERATOR = '包钢学前教育处';
/** the 11 包钢 kindergartens (of 包钢一园…包钢十八园; the others were closed or merged long ago) */
const BAOGANG_NUMBERS = [1, 3, 4, 6, 8, 9, 11, 13, 15, 17, 18];
const OTHER_PUBLIC: { name: string; operator: string }[] = [
  { name: '昆区机关幼儿园', operator: '昆都仑区机关事务服务中心' },
  { name: '军分区八一幼儿园', operator: '包头军分区' },
  { name: '科技大学附属幼儿园', operator: '内蒙古科技大学' },
  { name: '供电局幼儿园', operator: '国网包头供电公司' },
  { name: '铁路幼儿园', operator: '包头铁路分局' },
];
/** target counts of the private ones (配套园 included) */
const INCLUSIVE_TOTAL = 54;
const PRIVATE_TOTAL = 32;

export interface GenKg {
  id: string;
  name: string;
  type: KgType;
  pos: Position;
  classes: number;
  places: number;
  enrolled: number;
  staffTotal: number;
  teachers: number;
  carers: number;
  tuoBan: number;
  land: number | null;
  building: number | null;
  streetCode: string;
  communityId: string | null;
  status: KgStatus;
  operator: string;
  /** group, for ordering and the rules below */
  group: 'edu' | 'baogang' | 'other_public' | 'inclusive' | 'private';
  order: number;
  meanYear: number;
}

export interface KgContext {
  layout: AdminLayout;
  cells: GenCell[];
  communities: GenCommunity[];
  names: NamePool;
  rng: Rng;
  /** areas kept free of non-配套 kindergartens (under-served new areas) */
  gapZones: { centre: Position; radius: number }[];
}

const stem = (s: string): string => s.replace(/(一期|二期|三期)$/, '');

export function buildKindergartens(ctx: KgContext): GenKg[] {
  const { layout, cells, communities, names, rng } = ctx;
  const cellMap = new Map(cells.map((c) => [cellKey(c.row, c.col), c]));
  const kgs: GenKg[] = [];
  const cellAt = (p: Position): GenCell | undefined => {
    const { row, col } = cellOf(p);
    return cellMap.get(cellKey(row, col));
  };
  const make = (
    partial: Pick<GenKg, 'name' | 'type' | 'classes' | 'group' | 'operator'> & Partial<GenKg>,
    pos: Position,
  ): GenKg => {
    const p: Position = [round6(pos[0]), round6(pos[1])];
    const unit = unitAt(layout, p);
    const cell = cellAt(p);
    if (!unit || !cell) throw new Error(`kindergarten ${partial.name} outside the inhabited area`);
    const kg: GenKg = {
      id: '',
      pos: p,
      places: 0,
      enrolled: 0,
      staffTotal: 0,
      teachers: 0,
      carers: 0,
      tuoBan: 0,
      land: null,
      building: null,
      streetCode: unit.code,
      communityId: null,
      status: 'existing',
      order: 0,
      meanYear: cell.meanYear,
      ...partial,
    };
    kgs.push(kg);
    return kg;
  };
  const okPoint = (p: Position, spacing: number): boolean => {
    const r = [round6(p[0]), round6(p[1])];
    const cell = cellAt(r);
    const unit = unitAt(layout, r);
    return !!cell && cell.residents > 0 && !!unit && unit.code === cell.streetCode && kgs.every((k) => distM(k.pos, r) >= spacing);
  };
  /** a point in a cell drawn from `pool` by weight, at least `spacing` m from every kindergarten so far */
  const drawPoint = (pool: GenCell[], weight: (c: GenCell) => number, spacing: number): Position => {
    const weights = pool.map(weight);
    for (let s = spacing; s >= 100; s *= 0.8) {
      for (let t = 0; t < 300; t++) {
        const c = pool[rng.weighted(weights)];
        const p = offsetM(c.centre, rng.range(-85, 85), rng.range(-85, 85));
        if (okPoint(p, s)) return p;
      }
    }
    throw new Error('no room for a kindergarten');
  };
  const inGapZone = (p: Position): boolean => ctx.gapZones.some((z) => distM(p, z.centre) <= z.radius);
  const urban = cells.filter((c) => c.kind === 'urban' && !inGapZone(c.centre));

  // 配套园 of the communities (inside their rectangle, near a corner)
  const commPoint = (c: GenCommunity): Position => {
    const corners: [number, number][] = rng.shuffle([
      [0.3, 0.3],
      [-0.3, 0.3],
      [0.3, -0.3],
      [-0.3, -0.3],
    ]);
    for (const [u, v] of [...corners, [0, 0] as [number, number]]) {
      const p = rectPoint(c.centre, c.w, c.h, c.angle, u, v);
      if (okPoint(p, 60)) return p;
    }
    throw new Error(`no place for the 配套园 of ${c.id}`);
  };
  const linked = communities.filter((c) =>
    ['operating_public', 'operating_inclusive', 'rectified', 'for_profit', 'under_construction'].includes(c.kgStatus ?? '') ||
    (c.kgStatus === 'planned' && c.underConstruction),
  );
  const publicLinked = linked.filter((c) => c.kgStatus === 'operating_public').sort((a, b) => a.builtYear - b.builtYear || a.id.localeCompare(b.id));
  publicLinked.forEach((c, i) => {
    // built to at least 9 classes when the district took them over
    const classes = Math.max(9, c.kgClasses ?? 6) + (rng.chance(0.4) ? 3 : 0);
    const kg = make({ name: `昆区第${cnNumber(5 + i)}幼儿园`, type: 'public', group: 'edu', operator: EDU_BUREAU, classes, order: 5 + i }, commPoint(c));
    kg.communityId = c.id;
  });
  for (const c of linked) {
    if (c.kgStatus === 'operating_public') continue;
    const forProfit = c.kgStatus === 'for_profit';
    const byCommunity = rng.chance(0.5);
    const name = byCommunity ? names.communityKg(stem(c.name)) : names.kindergarten();
    // some built larger than the rule asks, some smaller (配建不达标)
    const delta = c.kgClasses !== null && c.kgClasses > 6 && rng.chance(0.25) ? -3 : rng.chance(0.3) ? 3 : 0;
    const kg = make(
      {
        name,
        type: forProfit ? 'private' : 'inclusive_private',
        group: forProfit ? 'private' : 'inclusive',
        operator: names.kgOperator(name),
        classes: (c.kgClasses ?? 6) + delta,
        status: c.kgStatus === 'under_construction' ? 'under_construction' : c.kgStatus === 'planned' ? 'planned' : 'existing',
      },
      commPoint(c),
    );
    kg.communityId = c.id;
  }

  // the four oldest district kindergartens, near the old centre
  const central = urban.filter((c) => distM(c.centre, OLD_CENTRE) < 2600 && c.meanYear < 1995);
  for (let i = 1; i <= 4; i++) {
    make({ name: `昆区第${cnNumber(i)}幼儿园`, type: 'public', group: 'edu', operator: EDU_BUREAU, classes: rng.int(14, 15), order: i }, drawPoint(central, (c) => c.residents, 700));
  }
  // 包钢 kindergartens in the steelworkers' 街坊 west of the centre, next to the works
  const baogangArea = urban.filter((c) => c.centre[0] < 109.818 && c.centre[1] > 40.632 && c.centre[1] < 40.69 && c.meanYear < 2000);
  for (const n of BAOGANG_NUMBERS) {
    const classes = n === 17 ? 8 : n === 18 ? 6 : rng.int(12, 15);
    const kg = make({ name: `包钢${cnNumber(n)}园`, type: 'public', group: 'baogang', operator: BAOGANG_OPERATOR, classes, order: n }, drawPoint(baogangArea, (c) => c.residents, 550));
    if (n === 17 || n === 18) {
      kg.land = 5000;
      kg.building = n === 17 ? 2650 : 2150;
    }
  }
  OTHER_PUBLIC.forEach((o, i) => {
    make({ ...o, type: 'public', group: 'other_public', classes: rng.int(9, 12), order: i }, drawPoint(urban.filter((c) => c.meanYear < 2005), (c) => c.residents, 450));
  });

  // the rest of the private kindergartens, where the children are
  const inclusiveLeft = Math.max(6, INCLUSIVE_TOTAL - kgs.filter((k) => k.type === 'inclusive_private').length);
  const privateLeft = Math.max(6, PRIVATE_TOTAL - kgs.filter((k) => k.type === 'private').length);
  const villages = cells.filter((c) => c.kind === 'village' && c.streetCode === layout.westTownCode);
  for (let i = 0; i < inclusiveLeft; i++) {
    const name = names.kindergarten();
    const pool = i === 0 ? villages : urban;
    make({ name, type: 'inclusive_private', group: 'inclusive', operator: names.kgOperator(name), classes: i === 0 ? 3 : rng.int(5, 10) }, drawPoint(pool, (c) => c.children3to5, 380));
  }
  for (let i = 0; i < privateLeft; i++) {
    const name = names.kindergarten();
    const kg = make({ name, type: 'private', group: 'private', operator: names.kgOperator(name), classes: rng.int(5, 8) }, drawPoint(urban, (c) => c.residents, 300));
    if (i < 2) kg.status = 'closed';
  }

  for (const kg of kgs) fillAttributes(kg, rng);
  const groupOrder = ['edu', 'baogang', 'other_public', 'inclusive', 'private'];
  kgs.sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || a.order - b.order);
  kgs.forEach((k, i) => (k.id = `KG${String(i + 1).padStart(3, '0')}`));
  const byComm = new Map(communities.map((c) => [c.id, c]));
  for (const k of kgs) if (k.communityId) byComm.get(k.communityId)!.kgId = k.id;
  return kgs;
}

const ENROLMENT_2025_FACTOR = 3220 / 5164;

/** places, enrolment, staff and areas by type, size and the age of the area */
function fillAttributes(kg: GenKg, rng: Rng): void {
  const c = Math.max(3, Math.min(15, kg.classes));
  kg.classes = c;
  kg.places = c * 30;
  const area = kg.meanYear >= 2011 ? 1.1 : kg.meanYear < 1990 ? 0.9 : 1;
  // enrolment of 2025 (the base year): the fill of 2020 scaled by the births behind the 3–5-year-olds,
  // B(2020–2022) ÷ B(2015–2017) = 3,220 ÷ 5,164 ≈ 0.62, so the gross rate stays ≈ 94 % of the 2025 children
  const base = ENROLMENT_2025_FACTOR * (kg.type === 'public' ? 1.1 : kg.type === 'inclusive_private' ? 0.7 : 0.48);
  const running = kg.status === 'existing';
  kg.enrolled = running ? Math.round(kg.places * base * area * rng.range(0.93, 1.07)) : 0;
  if (running) {
    kg.teachers = 2 * c - (rng.chance(0.15) ? rng.int(1, Math.min(3, c)) : 0);
    kg.carers = c - (rng.chance(0.1) ? 1 : 0);
    kg.staffTotal = kg.teachers + kg.carers + Math.round(0.5 * c + 2 + rng.int(0, 2));
    const tuoBanChance = kg.type === 'inclusive_private' ? 0.35 : kg.group === 'edu' ? 0.3 : 0.2;
    kg.tuoBan = rng.chance(tuoBanChance) ? (kg.type === 'inclusive_private' && rng.chance(0.3) ? 40 : 20) : 0;
  }
  if (kg.land === null) {
    const stdLand = 450 * c;
    const stdBuilding = c <= 6 ? 400 * c : 2400 + 300 * (c - 6);
    let f = rng.range(0.92, 1.25);
    if (kg.type === 'private' && rng.chance(0.35)) f = rng.range(0.45, 0.8);
    if (kg.group === 'baogang' && rng.chance(0.3)) f = rng.range(0.7, 0.9);
    kg.land = kg.type === 'private' && rng.chance(0.12) ? null : Math.round((stdLand * f) / 10) * 10;
    kg.building = Math.round((stdBuilding * f * rng.range(0.95, 1.05)) / 10) * 10;
  }
}
