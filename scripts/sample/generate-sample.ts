/**
 * generateSample(seed): the whole sample data folder of 昆都仑区 as file texts.
 * Pure apart from reading the real inputs; same seed → byte-identical files.
 */
import type { Position } from 'geojson';
import { buildAdminUnits, unitAt, type AdminLayout } from './admin-units';
import { capResidents, placeCommunities, type GenCommunity } from './communities';
import { readmeText, metaText, type SampleSummary } from './docs';
import { distM, GRID, inArea, round6 } from './geo';
import { censusChildren, DEFAULT_INPUT_DIR, readInputs } from './inputs';
import { buildKindergartens } from './kindergartens';
import { assignLedger } from './ledger';
import type { SupportingKgStatus } from '../../src/data/schema';

const PRE_HANDOVER = new Set<SupportingKgStatus>(['not_planned', 'planned', 'under_construction', 'delayed', 'built_not_accepted', 'accepted_not_handed_over']);
import { NamePool } from './names';
import { buildPlanProjects } from './plan-projects';
import { buildPopulation } from './population';
import { createRng } from './prng';
import { layerProperties, toCsv, toGeojson } from './serialize';
import { buildUrbanModel } from './urban-model';

export const DEFAULT_SEED = 20260301;

/** file name (inside data/) → text */
export type SampleFiles = Record<string, string>;

export interface SampleOutput {
  files: SampleFiles;
  summary: SampleSummary;
}

/** residents of the villages of the two 镇 (generated) */
const VILLAGE_RESIDENTS = { west: 6800, north: 2400 };

function pickGapZones(communities: GenCommunity[], rng: ReturnType<typeof createRng>): { centre: Position; radius: number }[] {
  const candidates = rng.shuffle(
    communities.filter((c) => !c.underConstruction && ['not_planned', 'accepted_not_handed_over', 'misused', 'delayed', 'handed_over'].includes(c.kgStatus ?? '')),
  );
  const zones: { centre: Position; radius: number }[] = [];
  for (const c of candidates) {
    if (zones.length >= 4) break;
    if (zones.every((z) => distM(z.centre, c.centre) > 1800)) zones.push({ centre: c.centre, radius: 550 });
  }
  return zones;
}

function check(layout: AdminLayout, what: string, p: Position, code: string): void {
  if (!inArea(p, layout.district)) throw new Error(`${what} (${p.join(',')}) is outside the district`);
  const u = layout.units.find((x) => x.code === code);
  if (!u || !inArea(p, u.area)) throw new Error(`${what} (${p.join(',')}) is not inside 街道 ${code}`);
}

export function generateSample(seed: number = DEFAULT_SEED, inputDir: string = DEFAULT_INPUT_DIR): SampleOutput {
  const inputs = readInputs(inputDir);
  const rng = createRng(seed);
  const layout = buildAdminUnits(inputs, rng.fork('admin'));
  const model = buildUrbanModel(layout, rng.fork('urban'));
  const names = new NamePool(rng.fork('names'));
  const communities = placeCommunities(layout, model, names, inputs.census.householdSize, rng.fork('communities'));
  // leave at least 5 % of the census population to the background (housing not listed as a 小区)
  const villageTotal = VILLAGE_RESIDENTS.west + VILLAGE_RESIDENTS.north;
  capResidents(communities, Math.floor(0.95 * inputs.census.population) - villageTotal, inputs.census.householdSize);
  assignLedger(communities, rng.fork('ledger'));
  const children = censusChildren(inputs.census);
  const cells = buildPopulation(
    model,
    communities,
    {
      residents: inputs.census.population,
      age3to5: children.age3to5,
      age0to2: children.age0to2,
      villageResidents: new Map([
        [layout.westTownCode, VILLAGE_RESIDENTS.west],
        [layout.northTownCode, VILLAGE_RESIDENTS.north],
      ]),
    },
    rng.fork('population'),
  );
  const gapZones = pickGapZones(communities, rng.fork('gaps'));
  const kgs = buildKindergartens({ layout, cells, communities, names, rng: rng.fork('kindergartens'), gapZones });
  const projects = buildPlanProjects(kgs, cells, communities, gapZones.map((z) => z.centre), rng.fork('plans'));

  // every point inside the district and inside the polygon of its 街道
  for (const u of layout.units) check(layout, u.name, u.label, u.code);
  for (const c of cells) check(layout, c.id, c.centre, c.streetCode);
  for (const c of communities) check(layout, c.id, [round6(c.centre[0]), round6(c.centre[1])], c.streetCode);
  for (const k of kgs) check(layout, k.id, k.pos, k.streetCode);
  for (const p of projects) {
    const u = unitAt(layout, p.pos);
    if (!u) throw new Error(`${p.id} outside every 街道`);
    check(layout, p.id, p.pos, u.code);
  }

  const files: SampleFiles = {};
  const district = inputs.district;
  files['district.geojson'] = toGeojson([
    {
      properties: {
        name: inputs.districtName,
        adcode: inputs.adcode,
        source: 'Aliyun DataV GeoAtlas (via GitHub anzhou99/GeoJsons), converted GCJ-02 → WGS84; no licence stated',
      },
      geometry: district.geometry,
    },
  ]);
  files['admin_units.geojson'] = toGeojson(
    layout.units.map((u) => ({
      properties: layerProperties('admin_units', {
        code: u.code,
        name: u.name,
        level: u.level,
        lon: u.label[0],
        lat: u.label[1],
        geometry_generated: true,
      }),
      geometry: u.area.geometry,
    })),
  );
  files['population.csv'] = toCsv(
    'population',
    cells.map((c) => ({
      id: c.id,
      lon: c.centre[0],
      lat: c.centre[1],
      cell_size_m: GRID.cellM,
      residents: c.residents,
      children_0_2: c.children0to2,
      children_3_5: c.children3to5,
      year: 2020,
      street_code: c.streetCode,
    })),
  );
  files['communities.geojson'] = toGeojson(
    communities.map((c) => ({
      properties: layerProperties('communities', {
        id: c.id,
        name: c.name,
        lon: round6(c.centre[0]),
        lat: round6(c.centre[1]),
        households: c.households,
        residents: c.residents,
        built_year: c.builtYear,
        developer: c.developer,
        street_code: c.streetCode,
        supporting_kg_required: c.required,
        supporting_kg_classes: c.kgClasses,
        supporting_kg_status: c.kgStatus,
        supporting_kg_id: c.kgId,
        completion_date: c.completionDate,
        handover_due: c.handoverDue,
        responsible_unit: c.responsibleUnit,
        // before handover the developer's side answers (住建线), afterwards the education bureau (教育线)
        responsible_line: c.kgStatus === null ? null : PRE_HANDOVER.has(c.kgStatus as SupportingKgStatus) ? 'housing' : 'education',
        deadline: null,
        status_date: null,
        opened_date: null,
      }),
      geometry: { type: 'Polygon', coordinates: [c.ring] },
    })),
  );
  files['kindergartens.csv'] = toCsv(
    'kindergartens',
    kgs.map((k) => ({
      id: k.id,
      name: k.name,
      type: k.type,
      lon: k.pos[0],
      lat: k.pos[1],
      classes: k.classes,
      places: k.places,
      enrolled: k.enrolled,
      staff_total: k.staffTotal,
      teachers: k.teachers,
      carers: k.carers,
      tuo_ban_places: k.tuoBan,
      land_area_m2: k.land,
      building_area_m2: k.building,
      street_code: k.streetCode,
      community_id: k.communityId,
      status: k.status,
      operator: k.operator,
    })),
  );
  files['plan_projects.csv'] = toCsv(
    'plan_projects',
    projects.map((p) => ({
      id: p.id,
      kind: p.kind,
      kindergarten_id: p.kindergartenId,
      name: p.name,
      lon: round6(p.pos[0]),
      lat: round6(p.pos[1]),
      start_year: p.start,
      finish_year: p.finish,
      classes_after: p.classesAfter,
      places_after: p.placesAfter,
      land_area_m2: p.land,
      cost_10k_yuan: p.cost,
      status: p.status,
      type_after: p.typeAfter,
      // builds get one 托班 (≤ 20 children) and the building area of their scale (哈尔滨 2019)
      tuo_ban_places_after: p.kind === 'new_build' || p.kind === 'rebuild' ? 20 : null,
      building_area_m2: p.kind === 'new_build' || p.kind === 'rebuild' ? (p.classesAfter >= 12 ? 4200 : p.classesAfter >= 9 ? 3300 : 2400) : null,
      responsible_unit: p.typeAfter === 'public' ? '昆都仑区教育局' : null,
    })),
  );

  const running = kgs.filter((k) => k.status === 'existing');
  const enrolledBy = (t: string): number => running.filter((k) => k.type === t).reduce((s, k) => s + k.enrolled, 0);
  const summary: SampleSummary = {
    seed,
    adcode: inputs.adcode,
    name: `${inputs.districtName}（示例数据）`,
    censusPopulation: inputs.census.population,
    residents: cells.reduce((s, c) => s + c.residents, 0),
    children3to5: cells.reduce((s, c) => s + c.children3to5, 0),
    children0to2: cells.reduce((s, c) => s + c.children0to2, 0),
    cells: cells.length,
    communities: communities.length,
    communityResidents: communities.reduce((s, c) => s + c.residents, 0),
    requiringKg: communities.filter((c) => c.required).length,
    ledger: Object.fromEntries(
      [...new Set(communities.map((c) => c.kgStatus).filter((s): s is string => s !== null))].sort().map((s) => [s, communities.filter((c) => c.kgStatus === s).length]),
    ),
    kindergartens: kgs.length,
    kgByType: Object.fromEntries(['public', 'inclusive_private', 'private'].map((t) => [t, kgs.filter((k) => k.type === t).length])),
    kgByStatus: Object.fromEntries(['existing', 'planned', 'under_construction', 'closed'].map((t) => [t, kgs.filter((k) => k.status === t).length])),
    places: running.reduce((s, k) => s + k.places, 0),
    enrolled: running.reduce((s, k) => s + k.enrolled, 0),
    enrolledByType: { public: enrolledBy('public'), inclusive_private: enrolledBy('inclusive_private'), private: enrolledBy('private') },
    projects: projects.length,
  };
  files['README.md'] = readmeText(summary);
  files['sample-meta.json'] = metaText(summary);
  return { files, summary };
}
