/** Hand-made rows of every layer (WGS84), including hostile text, for export/import round trips. */
import type { LayerRows } from '../../../src/data/schema';

const poly = JSON.stringify({ type: 'Polygon', coordinates: [[[109.8, 40.65], [109.81, 40.65], [109.81, 40.66], [109.8, 40.66], [109.8, 40.65]]] });
const multi = JSON.stringify({ type: 'MultiPolygon', coordinates: [[[[109.7, 40.6], [109.72, 40.6], [109.72, 40.62], [109.7, 40.6]]]] });

type Loose<T> = { [K in keyof T]: T[K] | null };
type Kg = Loose<LayerRows['kindergartens'][number]>;

const kg = (o: Partial<Kg>): Kg => ({
  id: 'K1', name: '甲园', type: 'public', lon: 109.822146, lat: 40.657321, classes: 6, places: 180, enrolled: null, staff_total: null, teachers: null,
  carers: null, tuo_ban_places: null, land_area_m2: null, building_area_m2: null, street_code: null, community_id: null, status: null, operator: null, ...o,
});

export const SAMPLE = {
  kindergartens: [
    kg({}),
    kg({ id: 'K2', name: '=HYPERLINK("http://evil","x")', type: 'inclusive_private', lon: 109.8035123456789, lat: 40.6628741234567, classes: 12, places: 360, enrolled: 355, staff_total: 40, teachers: 24, carers: 12, tuo_ban_places: 20, land_area_m2: 5000.5, building_area_m2: 4200.25, street_code: '150203001', community_id: 'C1', status: 'existing', operator: '区教育局' }),
    kg({ id: 'K3', name: '+86 "乙" 园, 分园\n二部', type: 'private', status: 'planned', operator: '@SUM(A1)', street_code: '-150203002' }),
    kg({ id: '001', name: '<script>alert(1)</script>', classes: 0, places: 0, status: 'closed', lon: 121.4, lat: 31.2 }),
    kg({ id: 'K5', name: "'=已带撇号", operator: "'普通撇号", street_code: '=150203' }),
  ],
  communities: [
    { id: 'C1', name: '阿尔丁小区', lon: 109.805, lat: 40.655, geometry: poly, households: 1200, residents: 2800, built_year: 2015, developer: '包钢房地产', street_code: '150203001', supporting_kg_required: true, supporting_kg_classes: 9, supporting_kg_status: 'accepted_not_handed_over', supporting_kg_id: 'K2', completion_date: '2021-06-30', handover_due: '2021-09-30', responsible_unit: '区住建局', responsible_line: 'housing', deadline: '2022-03-31', status_date: '2021-09-01', opened_date: null },
    { id: 'C2', name: '友谊小区', lon: 109.812, lat: 40.662, geometry: null, households: 300, residents: null, built_year: null, developer: null, street_code: null, supporting_kg_required: false, supporting_kg_classes: null, supporting_kg_status: null, supporting_kg_id: null, completion_date: null, handover_due: null, responsible_unit: null, responsible_line: null, deadline: null, status_date: null, opened_date: null },
    { id: 'C3', name: '新区', lon: 109.813, lat: 40.663, geometry: null, households: 0, residents: 0, built_year: 2030, developer: '=1', street_code: null, supporting_kg_required: null, supporting_kg_classes: 0, supporting_kg_status: 'not_planned', supporting_kg_id: null, completion_date: null, handover_due: null, responsible_unit: null, responsible_line: 'education', deadline: null, status_date: null, opened_date: '2030-09-01' },
  ],
  population: [
    { id: 'P1', lon: 109.80005, lat: 40.65005, cell_size_m: 100, residents: 312.5, children_0_2: 9.1, children_3_5: 11.25, year: 2024, street_code: '150203001' },
    { id: 'P2', lon: 109.80105, lat: 40.65005, cell_size_m: 100, residents: 0, children_0_2: null, children_3_5: 0, year: null, street_code: null },
  ],
  admin_units: [
    { code: '150203001', name: '沙河街道', level: 'street', lon: 109.71, lat: 40.61, geometry: multi, geometry_generated: true },
    { code: '150203100', name: '卜尔汉图镇', level: 'town', lon: 109.75, lat: 40.7, geometry: null, geometry_generated: false },
  ],
  plan_projects: [
    { id: 'X1', kind: 'new_build', kindergarten_id: null, name: '包钢十七园', lon: 109.81, lat: 40.66, start_year: 2026, finish_year: 2027, classes_after: 12, places_after: 360, land_area_m2: 5000, cost_10k_yuan: 2400.5, status: 'approved', type_after: 'public', tuo_ban_places_after: null, building_area_m2: null, responsible_unit: null },
    { id: 'X2', kind: 'rebuild', kindergarten_id: 'K2', name: '-改建', lon: 109.83, lat: 40.67, start_year: 2026, finish_year: 2028, classes_after: 9, places_after: 270, land_area_m2: null, cost_10k_yuan: null, status: null, type_after: null, tuo_ban_places_after: null, building_area_m2: null, responsible_unit: null },
  ],
  childcare_centres: [
    { id: 'T1', name: '=宝贝托育中心', lon: 109.8, lat: 40.65, places: 60, type: '普惠', street_code: '150203001', opened_year: 2027, operator: null },
  ],
} as unknown as LayerRows; // optional fields are null, as coerceRecords returns them
