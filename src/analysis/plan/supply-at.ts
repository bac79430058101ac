/**
 * Supply in a plan year: the kindergartens as they stand in `year` under a
 * scenario's projects. One rule for every consumer (engine, tables, map):
 *
 * - new build: a new site (or an existing row named by kindergarten_id, e.g. a
 *   planned one) supplies `places_after` from finish_year + lag;
 * - expansion: the kindergarten keeps its places during the works and has
 *   `places_after` from finish_year + lag;
 * - rebuild on the original site: offline from start_year until finish_year + lag − 1,
 *   then `places_after` (包钢十七园 2026–2027: −240 in 2026 and 2027, 360 from 2028);
 * - conversion: type (and places when given) change from finish_year (no works);
 * - closure: not supplying from start_year.
 * The supply of a row is then suppliesPlaces(row) (src/analysis/supply.ts).
 */
import type { Kindergarten, PlanProject } from '../model';
import { hasSupplyingStatus, suppliesPlaces } from '../supply';
import type { PlanMessage } from './plan-types';

export type ProjectEvent = 'opens' | 'offline' | 'closes' | 'converts' | 'expands';

/** The sites of a scenario: all kindergarten rows, then one new site per new build without a row. */
export interface PlanSites {
  rows: Kindergarten[];
  /** index of the site each project acts on (−1 = none: missing target) */
  siteOfProject: number[];
  /** number of leading sites that are kindergarten rows */
  nExisting: number;
  /** sites that open in a year (配套园 opened through the ledger): index → first year supplying */
  opensIn: Map<number, number>;
  messages: PlanMessage[];
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** New-site row of a new build (status 'planned' until it opens). */
function newSiteRow(p: PlanProject): Kindergarten {
  return {
    id: p.id,
    name: p.name,
    type: p.type_after ?? 'public',
    lon: p.lon,
    lat: p.lat,
    classes: num(p.classes_after),
    places: num(p.places_after),
    enrolled: 0,
    staff_total: Number.NaN,
    teachers: Number.NaN,
    carers: Number.NaN,
    tuo_ban_places: num(p.tuo_ban_places_after),
    land_area_m2: p.land_area_m2 ?? null,
    building_area_m2: p.building_area_m2 ?? null,
    street_code: '',
    community_id: null,
    status: 'planned',
    operator: p.responsible_unit ?? null,
  };
}

/** Sites of a scenario (kindergartens first, in order; then new builds in project order). */
export function planSites(kgs: readonly Kindergarten[], projects: readonly PlanProject[], openings: readonly { id: string; year: number }[] = []): PlanSites {
  const byId = new Map<string, number>();
  kgs.forEach((k, j) => byId.set(k.id, j));
  const opensIn = new Map<number, number>();
  for (const o of openings) {
    const j = byId.get(o.id);
    if (j !== undefined) opensIn.set(j, o.year);
  }
  const rows = kgs.slice();
  const siteOfProject: number[] = [];
  const messages: PlanMessage[] = [];
  for (const p of projects) {
    const target = p.kindergarten_id ? byId.get(p.kindergarten_id) : undefined;
    if (target !== undefined) siteOfProject.push(target);
    else if (p.kind === 'new_build') {
      siteOfProject.push(rows.length);
      rows.push(newSiteRow(p));
    } else {
      siteOfProject.push(-1);
      messages.push({ key: 'plan.targetMissing', values: { id: p.id, kg: p.kindergarten_id ?? '' } });
    }
  }
  return { rows, siteOfProject, nExisting: kgs.length, opensIn, messages };
}

/** Year from which a project's new state applies. */
export function effectiveYear(p: PlanProject, lagYears: number): number {
  if (p.kind === 'closure') return p.start_year;
  if (p.kind === 'conversion') return p.finish_year;
  return p.finish_year + lagYears;
}

/**
 * Rows of all sites as they stand in `year` (new objects only where something
 * changed), plus what each project does that year.
 */
export function sitesAt(
  sites: PlanSites,
  projects: readonly PlanProject[],
  year: number,
  lagYears: number,
): { rows: Kindergarten[]; events: { projectId: string; what: ProjectEvent }[] } {
  const rows = sites.rows.slice();
  const events: { projectId: string; what: ProjectEvent }[] = [];
  // a kindergarten opened through the ledger is not there before its opening year
  for (const [j, y] of sites.opensIn) if (year < y && hasSupplyingStatus(rows[j])) rows[j] = { ...rows[j], status: 'planned' };
  // apply in order of effect so a later project (e.g. closure after expansion) wins
  const order = projects.map((_p, k) => k).sort((a, b) => effectiveYear(projects[a], lagYears) - effectiveYear(projects[b], lagYears) || a - b);
  for (const k of order) {
    const p = projects[k];
    const j = sites.siteOfProject[k];
    if (j < 0) continue;
    const from = effectiveYear(p, lagYears);
    const r = rows[j];
    const after = (): Kindergarten => ({
      ...r,
      status: 'existing',
      places: num(p.places_after),
      classes: num(p.classes_after),
      type: p.type_after ?? r.type,
      tuo_ban_places: p.tuo_ban_places_after ?? r.tuo_ban_places,
    });
    switch (p.kind) {
      case 'new_build':
        if (year >= from) {
          rows[j] = after();
          if (year === from) events.push({ projectId: p.id, what: 'opens' });
        }
        break;
      case 'expansion':
        if (year >= from) {
          rows[j] = after();
          if (year === from) events.push({ projectId: p.id, what: 'expands' });
        }
        break;
      case 'rebuild':
        if (year >= from) {
          rows[j] = after();
          if (year === from) events.push({ projectId: p.id, what: 'opens' });
        } else if (year >= p.start_year && hasSupplyingStatus(r)) {
          rows[j] = { ...r, status: 'under_construction' };
          events.push({ projectId: p.id, what: 'offline' });
        }
        break;
      case 'conversion':
        if (year >= from) {
          const places = num(p.places_after);
          rows[j] = {
            ...r,
            type: p.type_after ?? r.type,
            places: places > 0 ? places : r.places,
            classes: num(p.classes_after) > 0 ? num(p.classes_after) : r.classes,
          };
          if (year === from) events.push({ projectId: p.id, what: 'converts' });
        }
        break;
      case 'closure':
        if (year >= from) {
          rows[j] = { ...r, status: 'closed' };
          if (year === from) events.push({ projectId: p.id, what: 'closes' });
        }
        break;
    }
  }
  return { rows, events };
}

/** The kindergarten rows of a scenario as they stand in `year` (existing rows, ledger openings, new builds). */
export function kindergartensAt(
  kgs: readonly Kindergarten[],
  projects: readonly PlanProject[],
  openings: readonly { id: string; year: number }[] | undefined,
  year: number,
  lagYears: number,
): Kindergarten[] {
  return sitesAt(planSites(kgs, projects, openings), projects, year, lagYears).rows;
}

/** The one supply rule of a plan: does site `j` supply places in `year`? */
export function isSupplying(sites: PlanSites, projects: readonly PlanProject[], j: number, year: number, lagYears: number): boolean {
  return suppliesPlaces(sitesAt(sites, projects, year, lagYears).rows[j]);
}

/** 万元 spent in `year`: each project's cost spread evenly over start_year…finish_year. */
export function costInYear(projects: readonly PlanProject[], year: number): number {
  let sum = 0;
  for (const p of projects) {
    const c = num(p.cost_10k_yuan);
    if (c <= 0 || year < p.start_year || year > p.finish_year) continue;
    sum += c / (p.finish_year - p.start_year + 1);
  }
  return sum;
}
