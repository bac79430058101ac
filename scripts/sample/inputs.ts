/**
 * The real inputs of the sample (scripts/sample/inputs/, extracts of the team's reference data
 * for 昆都仑区 — see the README there): district outline, 街道/镇 codes, census totals.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_INPUT_DIR = path.resolve(REPO_ROOT, 'scripts/sample/inputs');

export interface UnitInput {
  code: string;
  name: string;
  level: 'street' | 'town' | 'other';
}

export interface CensusInput {
  code: string;
  name: string;
  population: number;
  /** shares of the population (fractions) */
  ages0: number;
  ages1to4: number;
  ages5to9: number;
  householdSize: number;
}

export interface SampleInputs {
  district: Feature<Polygon | MultiPolygon>;
  /** name and adcode of the district as published */
  districtName: string;
  adcode: string;
  units: UnitInput[];
  census: CensusInput;
}

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
}

export function readInputs(dir: string, adcode = '150203'): SampleInputs {
  const fc = JSON.parse(readFileSync(path.join(dir, 'district_kundulun_wgs84.geojson'), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const district = fc.features[0];
  if (!district || String(district.properties?.adcode) !== adcode) throw new Error(`district ${adcode} not found in ${dir}`);

  const units = readCsv(path.join(dir, 'admin_units_kundulun_nbs2023.csv'))
    .filter((r) => r.level === 'street_or_town' && r.parent_code === adcode)
    .map((r): UnitInput => ({
      code: r.code,
      name: r.name,
      level: r.name.endsWith('街道') ? 'street' : r.name.endsWith('镇') ? 'town' : 'other',
    }));
  if (units.length !== 16) throw new Error(`expected 16 街道/镇, found ${units.length}`);

  const row = readCsv(path.join(dir, 'census2020_county_selected.csv')).find((r) => r.CODE === adcode);
  if (!row) throw new Error(`census row ${adcode} not found`);
  const num = (k: string): number => {
    const v = Number(row[k]);
    if (!Number.isFinite(v)) throw new Error(`census ${k} is not a number`);
    return v;
  };
  const census: CensusInput = {
    code: row.CODE,
    name: row.NAME,
    population: num('POPU'),
    ages0: num('AGES_0'),
    ages1to4: num('AGES_1-4'),
    ages5to9: num('AGES_5-9'),
    householdSize: num('HHLD_S'),
  };
  return { district, districtName: String(district.properties?.name), adcode, units, census };
}

/** children aged 3–5 and 0–2 implied by the census age shares (uniform within brackets) */
export function censusChildren(c: CensusInput): { age3to5: number; age0to2: number } {
  return {
    age3to5: Math.round(c.population * ((c.ages1to4 * 2) / 4 + c.ages5to9 / 5)),
    age0to2: Math.round(c.population * (c.ages0 + (c.ages1to4 * 2) / 4)),
  };
}
