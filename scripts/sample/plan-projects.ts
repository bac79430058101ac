/**
 * Plan projects of the 15th five-year plan (2026–2030). Real: the rebuilds of
 * 包钢十七园 and 包钢十八园 on their original sites (5,000 m², 12 classes, 360
 * places each). Generated: new builds in under-served new areas, expansions,
 * conversions and closures.
 */
import type { Position } from 'geojson';
import type { KgType, PlanKind, PlanStatus } from '../../src/data/schema';
import type { GenCommunity } from './communities';
import { distM } from './geo';
import type { GenKg } from './kindergartens';
import { cnNumber } from './names';
import type { GenCell } from './population';
import type { Rng } from './prng';

export interface GenProject {
  id: string;
  kind: PlanKind;
  kindergartenId: string | null;
  name: string;
  pos: Position;
  start: number;
  finish: number;
  classesAfter: number;
  placesAfter: number;
  land: number | null;
  cost: number | null;
  status: PlanStatus;
  typeAfter: KgType | null;
}

/** cost of a new kindergarten in 万元 (construction ≈ 5,500–6,500 元/m² incl. fit-out) */
const buildCost = (building: number, rng: Rng): number => Math.round((building * rng.range(0.55, 0.65)) / 10) * 10;

export function buildPlanProjects(
  kgs: GenKg[],
  cells: GenCell[],
  communities: GenCommunity[],
  sites: Position[],
  rng: Rng,
): GenProject[] {
  const out: GenProject[] = [];
  const add = (p: Omit<GenProject, 'id'>): void => {
    out.push({ ...p, id: `XM${String(out.length + 1).padStart(2, '0')}` });
  };

  for (const n of ['十七', '十八']) {
    const kg = kgs.find((k) => k.name === `包钢${n}园`);
    if (!kg) throw new Error(`包钢${n}园 missing`);
    add({
      kind: 'rebuild',
      kindergartenId: kg.id,
      name: `包钢${n}园原址翻建`,
      pos: kg.pos,
      start: 2026,
      finish: 2027,
      classesAfter: 12,
      placesAfter: 360,
      land: 5000,
      cost: buildCost(4200, rng),
      status: 'approved',
      typeAfter: 'public',
    });
  }

  // new builds where children live far from any kindergarten
  const running = kgs.filter((k) => k.status !== 'closed');
  sites.forEach((site, i) => {
    const near = cells.filter((c) => c.kind === 'urban' && distM(c.centre, site) < 450 && running.every((k) => distM(k.pos, c.centre) > 150));
    const best = near.sort((a, b) => b.children3to5 - a.children3to5 || a.id.localeCompare(b.id))[0];
    if (!best) throw new Error('no site for a new kindergarten');
    const classes = i % 3 === 2 ? 9 : 12;
    add({
      kind: 'new_build',
      kindergartenId: null,
      name: `昆区第${cnNumber(13 + i)}幼儿园新建工程`,
      pos: best.centre,
      start: 2026 + Math.floor(i / 2),
      finish: 2028 + Math.floor(i / 2),
      classesAfter: classes,
      placesAfter: classes * 30,
      land: classes === 12 ? 5400 : 4050,
      cost: buildCost(classes === 12 ? 4200 : 3300, rng),
      status: i === 0 ? 'approved' : 'proposed',
      typeAfter: 'public',
    });
  });

  // expansions of the fullest public kindergartens (to at most 15 classes)
  const full = kgs
    .filter((k) => k.type === 'public' && k.status === 'existing' && k.classes <= 12 && !/包钢十[七八]园/.test(k.name))
    .sort((a, b) => b.enrolled / b.places - a.enrolled / a.places || a.id.localeCompare(b.id))
    .slice(0, 3);
  full.forEach((k, i) => {
    const classes = Math.min(15, k.classes + 3);
    add({
      kind: 'expansion',
      kindergartenId: k.id,
      name: `${k.name}改扩建`,
      pos: k.pos,
      start: 2027 + i,
      finish: 2028 + i,
      classesAfter: classes,
      placesAfter: classes * 30,
      land: k.land,
      cost: Math.round(((classes - k.classes) * rng.range(110, 150)) / 10) * 10,
      status: 'proposed',
      typeAfter: 'public',
    });
  });

  // conversions to 普惠: the for-profit 配套园 (整改) and the largest other private one
  const forProfit = kgs.find((k) => k.type === 'private' && k.communityId && communities.some((c) => c.id === k.communityId && c.kgStatus === 'for_profit'));
  const bigPrivate = kgs
    .filter((k) => k.type === 'private' && k.status === 'existing' && !k.communityId)
    .sort((a, b) => b.places - a.places || a.id.localeCompare(b.id))[0];
  for (const k of [forProfit, bigPrivate]) {
    if (!k) throw new Error('no private kindergarten to convert');
    add({
      kind: 'conversion',
      kindergartenId: k.id,
      name: `${k.name}转为普惠性民办园`,
      pos: k.pos,
      start: 2026,
      finish: 2026,
      classesAfter: k.classes,
      placesAfter: k.places,
      land: k.land,
      cost: null,
      status: 'approved',
      typeAfter: 'inclusive_private',
    });
  }

  // closures: the emptiest small private ones in the old city
  const empty = kgs
    .filter((k) => k.type === 'private' && k.status === 'existing' && !k.communityId && k !== bigPrivate && k.meanYear < 2000)
    .sort((a, b) => a.enrolled / a.places - b.enrolled / b.places || a.id.localeCompare(b.id))
    .slice(0, 2);
  empty.forEach((k, i) => {
    add({
      kind: 'closure',
      kindergartenId: k.id,
      name: `${k.name}停办`,
      pos: k.pos,
      start: 2027 + i,
      finish: 2027 + i,
      classesAfter: 0,
      placesAfter: 0,
      land: k.land,
      cost: null,
      status: 'proposed',
      typeAfter: null,
    });
  });
  return out;
}
