import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { SUPPORTING_KG_STATUSES } from '../../src/data/schema';
import { DEFAULT_SEED, generateSample } from '../../scripts/sample/generate-sample';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
const { data, issues, missing } = loadDataFolder(DATA);

/** the 16 街道/镇 of 昆都仑区 (NBS 2023 codes) */
const REAL_CODES = [
  '150203001', '150203003', '150203004', '150203005', '150203006', '150203007', '150203008', '150203009',
  '150203010', '150203011', '150203012', '150203013', '150203014', '150203100', '150203102', '150203400',
];

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
const district = (JSON.parse(readFileSync(path.join(DATA, 'district.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>).features[0];
const streetPolygons = new Map(
  data.admin_units.map((u): [string, Feature<Polygon | MultiPolygon>] => [
    u.code,
    { type: 'Feature', properties: {}, geometry: JSON.parse(u.geometry ?? 'null') as Polygon | MultiPolygon },
  ]),
);

/** every located row of the five layers: [what, lon, lat, street code] */
const points: [string, number, number, string | null][] = [
  ...data.kindergartens.map((r): [string, number, number, string | null] => [r.id, r.lon, r.lat, r.street_code]),
  ...data.communities.map((r): [string, number, number, string | null] => [r.id, r.lon, r.lat, r.street_code]),
  ...data.population.map((r): [string, number, number, string | null] => [r.id, r.lon, r.lat, r.street_code]),
  ...data.admin_units.map((r): [string, number, number, string | null] => [r.code, r.lon, r.lat, r.code]),
  ...data.plan_projects.map((r): [string, number, number, string | null] => [r.id, r.lon, r.lat, null]),
];

describe('sample data folder data/ (昆都仑区)', () => {
  it('loads with zero issues and no missing layer', () => {
    expect(issues).toEqual([]);
    // the sample has no 托育机构 layer (planners import their own)
    expect(missing).toEqual(['childcare_centres']);
  });

  it('adds up to the 2020 census', () => {
    const residents = sum(data.population.map((c) => c.residents));
    expect(Math.abs(residents - 787681) / 787681).toBeLessThan(0.01);
    const c35 = sum(data.population.map((c) => c.children_3_5));
    expect(c35).toBeGreaterThanOrEqual(21000);
    expect(c35).toBeLessThanOrEqual(24000);
    expect(data.population.every((c) => c.cell_size_m === 200 && c.year === 2020)).toBe(true);
  });

  it('has the 16 real 街道/镇 codes, all with generated boundaries', () => {
    expect(data.admin_units.map((u) => u.code).sort()).toEqual(REAL_CODES);
    expect(data.admin_units.every((u) => u.geometry_generated === true && u.geometry !== null)).toBe(true);
    const levels = Object.fromEntries(data.admin_units.map((u) => [u.name, u.level]));
    expect(levels['昆河镇']).toBe('town');
    expect(levels['包钢厂区办事处']).toBe('other');
    expect(levels['少先路街道']).toBe('street');
  });

  it('keeps every point inside the district and inside the polygon of its 街道', () => {
    for (const [what, lon, lat, code] of points) {
      expect(booleanPointInPolygon([lon, lat], district), `${what} in district`).toBe(true);
      if (code === null) continue;
      expect(REAL_CODES, `${what} street code`).toContain(code);
      expect(booleanPointInPolygon([lon, lat], streetPolygons.get(code)!), `${what} in ${code}`).toBe(true);
    }
  });

  it('has the real mix of public kindergartens', () => {
    const kgs = data.kindergartens;
    expect(kgs.length).toBeGreaterThanOrEqual(100);
    expect(kgs.length).toBeLessThanOrEqual(130);
    const pub = kgs.filter((k) => k.type === 'public');
    expect(pub).toHaveLength(28);
    expect(pub.filter((k) => k.operator === '昆都仑区教育局')).toHaveLength(12);
    expect(pub.filter((k) => k.operator === '包钢学前教育处')).toHaveLength(11);
    expect(kgs.every((k) => k.places === k.classes * 30 && k.classes >= 3 && k.classes <= 15)).toBe(true);
    const ids = new Set(kgs.map((k) => k.id));
    for (const c of data.communities) if (c.supporting_kg_id) expect(ids.has(c.supporting_kg_id), c.id).toBe(true);
    const byId = new Map(data.communities.map((c) => [c.id, c]));
    for (const k of kgs) if (k.community_id) expect(byId.get(k.community_id)?.supporting_kg_id, k.id).toBe(k.id);
  });

  it('rebuilds 包钢十七园 and 包钢十八园 on their sites: 12 classes, 360 places, 5,000 m²', () => {
    for (const name of ['包钢十七园', '包钢十八园']) {
      const kg = data.kindergartens.find((k) => k.name === name);
      expect(kg, name).toBeDefined();
      expect(kg!.operator).toBe('包钢学前教育处');
      const p = data.plan_projects.find((x) => x.kind === 'rebuild' && x.kindergarten_id === kg!.id);
      expect(p, `${name} rebuild`).toBeDefined();
      expect(p).toMatchObject({ classes_after: 12, places_after: 360, land_area_m2: 5000, start_year: 2026, finish_year: 2027, lon: kg!.lon, lat: kg!.lat });
    }
  });

  it('uses every 配套园 ledger state among the communities that require one', () => {
    const required = data.communities.filter((c) => c.supporting_kg_required === true);
    const seen = new Set(required.map((c) => c.supporting_kg_status));
    for (const s of SUPPORTING_KG_STATUSES) expect(seen.has(s), s).toBe(true);
    const operating = required.filter((c) => c.supporting_kg_status === 'operating_public' || c.supporting_kg_status === 'operating_inclusive');
    expect(operating.length * 2).toBeGreaterThan(required.length);
    expect(data.communities.filter((c) => c.supporting_kg_required === false).every((c) => c.supporting_kg_status === null)).toBe(true);
    for (const c of required) if (c.completion_date) expect(c.handover_due, c.id).not.toBeNull();
  });

  it('describes itself in sample-meta.json', () => {
    const meta = JSON.parse(readFileSync(path.join(DATA, 'sample-meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({ name: '昆都仑区（示例数据）', adcode: '150203', censusPopulation: 787681 });
    expect(typeof meta.seed).toBe('number');
  });
});

describe('generateSample', () => {
  it('is deterministic: the same seed gives identical files', () => {
    const a = generateSample(DEFAULT_SEED).files;
    const b = generateSample(DEFAULT_SEED).files;
    expect(Object.keys(a).sort()).toEqual(
      ['README.md', 'admin_units.geojson', 'communities.geojson', 'district.geojson', 'kindergartens.csv', 'plan_projects.csv', 'population.csv', 'sample-meta.json'],
    );
    for (const name of Object.keys(a)) expect(a[name] === b[name], name).toBe(true);
  });
});
