/** Row builders and seeded random data for the analysis tests. */
import { mulberry32 } from '../../scripts/sample/prng';
import type { AdminUnit, Community, Kindergarten, PopulationCell } from '../../src/data/schema';
import { EARTH_RADIUS_M } from '../../src/analysis/geo';
import type { AnalysisInput } from '../../src/analysis/types';

export const LON0 = 110;
export const LAT0 = 40;

/** Latitude `northM` metres north of LAT0 along the meridian LON0 (exact on the sphere). */
export function latAtM(northM: number): number {
  return LAT0 + (northM / EARTH_RADIUS_M) * (180 / Math.PI);
}

export function kg(p: Partial<Kindergarten> & { id: string }): Kindergarten {
  return {
    name: p.id,
    type: 'public',
    lon: LON0,
    lat: LAT0,
    classes: 6,
    places: 180,
    enrolled: 150,
    staff_total: 20,
    teachers: 12,
    carers: 6,
    tuo_ban_places: 0,
    land_area_m2: null,
    building_area_m2: null,
    street_code: 'S1',
    community_id: null,
    status: 'existing',
    operator: null,
    ...p,
  };
}

export function cell(p: Partial<PopulationCell> & { id: string }): PopulationCell {
  return {
    lon: LON0,
    lat: LAT0,
    cell_size_m: 100,
    residents: 1000,
    children_0_2: 20,
    children_3_5: 30,
    year: 2025,
    street_code: 'S1',
    ...p,
  };
}

export function community(p: Partial<Community> & { id: string }): Community {
  return {
    name: p.id,
    lon: LON0,
    lat: LAT0,
    geometry: null,
    households: 1000,
    residents: 3000,
    built_year: 2020,
    developer: null,
    street_code: 'S1',
    supporting_kg_required: null,
    supporting_kg_classes: null,
    supporting_kg_status: null,
    supporting_kg_id: null,
    completion_date: null,
    handover_due: null,
    responsible_unit: null,
    responsible_line: null,
    deadline: null,
    status_date: null,
    opened_date: null,
    ...p,
  };
}

export function admin(code: string, name: string, geometry: string | null = null): AdminUnit {
  return { code, name, level: 'street', lon: LON0, lat: LAT0, geometry, geometry_generated: false };
}

/** mulberry32: small seeded PRNG (the sample generator's) */
export const rng = mulberry32;

/**
 * Random city: nKg kindergartens and nCells cells in a ~sizeM square around
 * (LON0, LAT0), in 3 streets; some kindergartens planned, some places 0.
 */
export function randomCity(seed: number, nKg: number, nCells: number, sizeM = 4000): AnalysisInput {
  const r = rng(seed);
  const dLat = (sizeM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.cos((LAT0 * Math.PI) / 180);
  const streets = ['S1', 'S2', 'S3'];
  const kindergartens: Kindergarten[] = [];
  for (let j = 0; j < nKg; j++) {
    const u = r();
    kindergartens.push(
      kg({
        id: `k${j}`,
        lon: LON0 + r() * dLon,
        lat: LAT0 + r() * dLat,
        places: u < 0.05 ? 0 : Math.round(60 + r() * 300),
        enrolled: Math.round(50 + r() * 300),
        classes: 1 + Math.floor(r() * 12),
        type: u < 0.5 ? 'public' : u < 0.8 ? 'inclusive_private' : 'private',
        status: u > 0.93 ? 'planned' : 'existing',
        street_code: streets[Math.floor(r() * 3)],
      }),
    );
  }
  const population: PopulationCell[] = [];
  for (let i = 0; i < nCells; i++) {
    population.push(
      cell({
        id: `c${i}`,
        lon: LON0 + r() * dLon,
        lat: LAT0 + r() * dLat,
        children_3_5: r() < 0.1 ? 0 : Math.round(r() * 40),
        residents: Math.round(r() * 1200),
        street_code: streets[Math.floor(r() * 3)],
      }),
    );
  }
  return { kindergartens, population, communities: [], admin_units: streets.map((s) => admin(s, `街道${s}`)) };
}
