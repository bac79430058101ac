/**
 * The data model the engine works on: the five layers' row types and their enums
 * (pure types and constant lists, no I/O). src/data/schema.ts re-exports them with
 * the layers' field definitions, Chinese aliases and DuckDB tables.
 *
 * Geometry is kept as WGS84 lon/lat columns (points, polygon centroids) plus,
 * for polygon layers, the GeoJSON geometry as text (`geometry`).
 */

export type LayerId = 'kindergartens' | 'communities' | 'population' | 'admin_units' | 'plan_projects' | 'childcare_centres';

export const LAYER_IDS: readonly LayerId[] = [
  'kindergartens',
  'communities',
  'population',
  'admin_units',
  'plan_projects',
  'childcare_centres',
];

export type KgType = 'public' | 'inclusive_private' | 'private';
export const KG_TYPES: readonly KgType[] = ['public', 'inclusive_private', 'private'];

export type KgStatus = 'existing' | 'planned' | 'under_construction' | 'closed';
export const KG_STATUSES: readonly KgStatus[] = ['existing', 'planned', 'under_construction', 'closed'];

/** Which rows supply places: src/analysis/supply.ts (the one supply rule). */

/**
 * Ledger states of a community-supporting kindergarten (配套园), in workflow order,
 * then the exception states. See shared planning-standards.md ("Ledger status").
 */
export type SupportingKgStatus =
  | 'not_planned' // 未规划
  | 'planned' // 已规划未建
  | 'under_construction' // 在建
  | 'delayed' // 缓建/停建
  | 'built_not_accepted' // 已建未验收
  | 'accepted_not_handed_over' // 已验收未移交 (建而不交)
  | 'handed_over' // 已移交 (not yet opened)
  | 'operating_public' // 办成公办园
  | 'operating_inclusive' // 委托办成普惠性民办园
  | 'misused' // 挪作他用
  | 'for_profit' // 营利性
  | 'rectified'; // 已整改
export const SUPPORTING_KG_STATUSES: readonly SupportingKgStatus[] = [
  'not_planned',
  'planned',
  'under_construction',
  'delayed',
  'built_not_accepted',
  'accepted_not_handed_over',
  'handed_over',
  'operating_public',
  'operating_inclusive',
  'misused',
  'for_profit',
  'rectified',
];

export type PlanKind = 'new_build' | 'expansion' | 'rebuild' | 'conversion' | 'closure';
export const PLAN_KINDS: readonly PlanKind[] = ['new_build', 'expansion', 'rebuild', 'conversion', 'closure'];

export type PlanStatus = 'proposed' | 'approved' | 'under_construction' | 'completed';
export const PLAN_STATUSES: readonly PlanStatus[] = ['proposed', 'approved', 'under_construction', 'completed'];

export interface Kindergarten {
  id: string;
  name: string;
  type: KgType;
  lon: number;
  lat: number;
  classes: number;
  places: number;
  enrolled: number;
  staff_total: number;
  teachers: number;
  carers: number;
  tuo_ban_places: number;
  land_area_m2: number | null;
  building_area_m2: number | null;
  street_code: string;
  /** set when the kindergarten is the 配套园 of a community */
  community_id: string | null;
  status: KgStatus;
  /** 举办者, e.g. 区教育局, 包钢学前教育处 */
  operator: string | null;
}

export interface Community {
  id: string;
  name: string;
  /** centroid (WGS84) */
  lon: number;
  lat: number;
  /** GeoJSON Polygon/MultiPolygon as text, or null when only a point is known */
  geometry: string | null;
  households: number;
  residents: number;
  built_year: number | null;
  developer: string | null;
  street_code: string;
  /** null = derive from the rule table */
  supporting_kg_required: boolean | null;
  /** classes the rule table asks for (given or derived) */
  supporting_kg_classes: number | null;
  supporting_kg_status: SupportingKgStatus | null;
  supporting_kg_id: string | null;
  /** 竣工验收日期 of the housing, ISO date */
  completion_date: string | null;
  /** handover deadline, ISO date */
  handover_due: string | null;
  responsible_unit: string | null;
  /** 责任条线: 教育线 (education) or 住建线 (housing and construction), as seeds/004 assign them */
  responsible_line: ResponsibleLine | null;
  /** 办结期限: the date the current step is due (overrides handover_due for overdue days when set) */
  deadline: string | null;
  /** date the ledger status last changed, ISO date (stamped by the ledger) */
  status_date: string | null;
  /** 开园日期: date the 配套园 opened as 公办 / 委托普惠, ISO date */
  opened_date: string | null;
}

export type ResponsibleLine = 'education' | 'housing';
export const RESPONSIBLE_LINES: readonly ResponsibleLine[] = ['education', 'housing'];

export interface PopulationCell {
  id: string;
  lon: number;
  lat: number;
  /** edge length of the grid cell in metres (0 for a point count) */
  cell_size_m: number;
  residents: number;
  children_0_2: number;
  children_3_5: number;
  year: number;
  street_code: string;
}

export interface AdminUnit {
  code: string;
  name: string;
  /** 'street' (街道) | 'town' (镇) | 'other' (e.g. 厂区办事处) */
  level: string;
  lon: number;
  lat: number;
  /** GeoJSON Polygon/MultiPolygon as text */
  geometry: string | null;
  /** true when the boundary is generated (no real 街道 boundaries were available) */
  geometry_generated: boolean;
}

export interface PlanProject {
  id: string;
  kind: PlanKind;
  kindergarten_id: string | null;
  name: string;
  lon: number;
  lat: number;
  start_year: number;
  finish_year: number;
  classes_after: number;
  places_after: number;
  land_area_m2: number | null;
  cost_10k_yuan: number | null;
  status: PlanStatus;
  /** public / inclusive_private / private after completion */
  type_after: KgType | null;
  /** 托班 places (2–3-year-olds) after completion */
  tuo_ban_places_after?: number | null;
  building_area_m2?: number | null;
  /** 责任单位 */
  responsible_unit?: string | null;
}

/** 托育机构: an infant-care centre (0–3) outside kindergartens; its 托位 count toward the 4.5 per 1,000 target. */
export interface ChildcareCentre {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** 托位 */
  places: number;
  /** 'public' | 'inclusive' | 'private' … as the 卫健 register writes it (free text) */
  type: string | null;
  street_code: string;
  /** first year it offers places (null = already open) */
  opened_year: number | null;
  operator: string | null;
}

export interface LayerRows {
  kindergartens: Kindergarten[];
  communities: Community[];
  population: PopulationCell[];
  admin_units: AdminUnit[];
  plan_projects: PlanProject[];
  childcare_centres: ChildcareCentre[];
}
