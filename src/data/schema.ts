/**
 * The five layers of the data model: typed rows, field definitions with Chinese
 * aliases, and the DuckDB table each one lives in.
 *
 * Geometry is kept as WGS84 lon/lat columns (points, polygon centroids) plus,
 * for polygon layers, the GeoJSON geometry as text (`geometry`): duckdb-wasm has
 * no spatial extension offline, spatial work happens in src/analysis.
 */

// the row types and enums live with the engine (src/analysis/model.ts), which imports nothing of src/data
export * from '../analysis/model';
import { KG_TYPES, KG_STATUSES, SUPPORTING_KG_STATUSES, PLAN_KINDS, PLAN_STATUSES, RESPONSIBLE_LINES, type LayerId } from '../analysis/model';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'enum' | 'geometry';

export interface FieldDef {
  name: string;
  type: FieldType;
  required: boolean;
  /** Chinese label shown in tables and exports */
  zh: string;
  en: string;
  /** other header names recognised on import (lower-cased comparison) */
  aliases: string[];
  values?: readonly string[];
  /** Chinese labels of enum values, same order as values, accepted on import too */
  valuesZh?: readonly string[];
  /** English labels of enum values, same order as values (shown with the English switch) */
  valuesEn?: readonly string[];
  min?: number;
  max?: number;
}

export interface LayerDef {
  id: LayerId;
  zh: string;
  en: string;
  /** primary key field */
  key: string;
  /** file name in a data folder */
  file: string;
  fields: FieldDef[];
}

const f = (
  name: string,
  type: FieldType,
  required: boolean,
  zh: string,
  en: string,
  aliases: string[] = [],
  extra: Partial<FieldDef> = {},
): FieldDef => ({ name, type, required, zh, en, aliases, ...extra });

const LON = f('lon', 'number', true, '经度', 'Longitude', ['经度', 'lng', 'long', 'longitude', 'x', 'lon_wgs84'], { min: -180, max: 180 });
const LAT = f('lat', 'number', true, '纬度', 'Latitude', ['纬度', 'latitude', 'y', 'lat_wgs84'], { min: -90, max: 90 });
const STREET = f('street_code', 'string', false, '街道代码', 'Sub-district code', ['街道代码', '街道编码', '所属街道代码', 'street', '街道']);

export const KG_TYPE_ZH = ['公办', '普惠性民办', '非普惠民办'] as const;
export const KG_TYPE_EN = ['Public', 'Inclusive private', 'For-profit private'] as const;
export const KG_STATUS_ZH = ['现状', '规划', '在建', '已关停'] as const;
export const KG_STATUS_EN = ['Existing', 'Planned', 'Under construction', 'Closed'] as const;
export const SUPPORTING_KG_STATUS_ZH = [
  '未规划',
  '已规划未建',
  '在建',
  '缓建/停建',
  '已建未验收',
  '已验收未移交',
  '已移交',
  '办成公办园',
  '委托普惠',
  '挪作他用',
  '营利性',
  '已整改',
] as const;
export const SUPPORTING_KG_STATUS_EN = [
  'Not planned',
  'Planned, not built',
  'Under construction',
  'Delayed / halted',
  'Built, not accepted',
  'Accepted, not handed over',
  'Handed over',
  'Run as public',
  'Entrusted as inclusive',
  'Misused',
  'For-profit',
  'Rectified',
] as const;
export const PLAN_KIND_ZH = ['新建', '改扩建', '原址翻建', '转设', '关停'] as const;
export const PLAN_KIND_EN = ['New build', 'Expansion', 'Rebuild on site', 'Conversion', 'Closure'] as const;
export const PLAN_STATUS_ZH = ['拟建', '已批复', '在建', '已完成'] as const;
export const PLAN_STATUS_EN = ['Proposed', 'Approved', 'Under construction', 'Completed'] as const;

export const LAYERS: Record<LayerId, LayerDef> = {
  kindergartens: {
    id: 'kindergartens',
    zh: '幼儿园',
    en: 'Kindergartens',
    key: 'id',
    file: 'kindergartens.csv',
    fields: [
      f('id', 'string', true, '编号', 'ID', ['编号', '幼儿园编号', '序号', 'code']),
      f('name', 'string', true, '幼儿园名称', 'Name', ['幼儿园名称', '名称', '园名', '机构名称']),
      f('type', 'enum', true, '办园性质', 'Type', ['办园性质', '性质', '类型', '办学性质'], { values: KG_TYPES, valuesZh: KG_TYPE_ZH, valuesEn: KG_TYPE_EN }),
      LON,
      LAT,
      f('classes', 'integer', true, '班级数', 'Classes', ['班级数', '班数', '班级'], { min: 0, max: 60 }),
      f('places', 'integer', true, '学位数', 'Places', ['学位数', '学位', '核定学位', '学位数量', 'capacity'], { min: 0, max: 3000 }),
      f('enrolled', 'integer', false, '在园幼儿数', 'Enrolled', ['在园幼儿数', '在园幼儿', '在园人数', '幼儿数'], { min: 0, max: 3000 }),
      f('staff_total', 'integer', false, '教职工数', 'Staff', ['教职工数', '教职工'], { min: 0 }),
      f('teachers', 'integer', false, '专任教师数', 'Teachers', ['专任教师数', '专任教师', '教师数'], { min: 0 }),
      f('carers', 'integer', false, '保育员数', 'Care workers', ['保育员数', '保育员'], { min: 0 }),
      f('tuo_ban_places', 'integer', false, '托班学位', 'Infant-care places', ['托班学位', '托位数', '托班'], { min: 0 }),
      f('land_area_m2', 'number', false, '占地面积(㎡)', 'Land area (m²)', ['占地面积', '用地面积', '占地面积㎡', '占地面积(平方米)'], { min: 0 }),
      f('building_area_m2', 'number', false, '建筑面积(㎡)', 'Floor area (m²)', ['建筑面积', '建筑面积㎡', '建筑面积(平方米)'], { min: 0 }),
      STREET,
      f('community_id', 'string', false, '配套小区编号', 'Community ID', ['配套小区编号', '小区编号']),
      f('status', 'enum', false, '状态', 'Status', ['状态', '现状'], { values: KG_STATUSES, valuesZh: KG_STATUS_ZH, valuesEn: KG_STATUS_EN }),
      f('operator', 'string', false, '举办者', 'Operator', ['举办者', '主办单位', '举办单位']),
    ],
  },
  communities: {
    id: 'communities',
    zh: '居住小区',
    en: 'Residential communities',
    key: 'id',
    file: 'communities.geojson',
    fields: [
      f('id', 'string', true, '小区编号', 'ID', ['小区编号', '编号', '序号']),
      f('name', 'string', true, '小区名称', 'Name', ['小区名称', '名称', '项目名称']),
      LON,
      LAT,
      f('geometry', 'geometry', false, '范围', 'Geometry', []),
      f('households', 'integer', true, '户数', 'Households', ['户数', '总户数', '住宅户数'], { min: 0, max: 100000 }),
      f('residents', 'integer', false, '常住人口', 'Residents', ['常住人口', '人口', '居住人口', '人数'], { min: 0, max: 300000 }),
      f('built_year', 'integer', false, '建成年份', 'Built year', ['建成年份', '建成年代', '竣工年份'], { min: 1900, max: 2100 }),
      f('developer', 'string', false, '开发单位', 'Developer', ['开发单位', '开发商', '建设单位']),
      STREET,
      f('supporting_kg_required', 'boolean', false, '应配建幼儿园', 'Requires 配套园', ['应配建幼儿园', '是否应配建', '需配建']),
      f('supporting_kg_classes', 'integer', false, '应配建班数', 'Required classes', ['应配建班数', '配建班数'], { min: 0, max: 30 }),
      f('supporting_kg_status', 'enum', false, '配套园状态', '配套园 status', ['配套园状态', '配建状态', '状态'], {
        values: SUPPORTING_KG_STATUSES,
        valuesZh: SUPPORTING_KG_STATUS_ZH,
        valuesEn: SUPPORTING_KG_STATUS_EN,
      }),
      f('supporting_kg_id', 'string', false, '配套园编号', '配套园 ID', ['配套园编号', '幼儿园编号']),
      f('completion_date', 'date', false, '竣工验收日期', 'Completion date', ['竣工验收日期', '竣工日期']),
      f('handover_due', 'date', false, '应移交日期', 'Handover due', ['应移交日期', '移交期限', '移交时限']),
      f('responsible_unit', 'string', false, '责任单位', 'Responsible unit', ['责任单位', '责任部门']),
      f('responsible_line', 'enum', false, '责任条线', 'Responsible line', ['责任条线', '条线', '主管条线'], {
        values: RESPONSIBLE_LINES,
        valuesZh: ['教育线', '住建线'],
        valuesEn: ['Education', 'Housing & construction'],
      }),
      f('deadline', 'date', false, '办结期限', 'Deadline', ['办结期限', '整改期限', '完成时限']),
      f('status_date', 'date', false, '状态日期', 'Status date', ['状态日期', '状态变更日期']),
      f('opened_date', 'date', false, '开园日期', 'Opened on', ['开园日期', '开办日期', '开园时间']),
    ],
  },
  population: {
    id: 'population',
    zh: '人口分布',
    en: 'Population',
    key: 'id',
    file: 'population.csv',
    fields: [
      f('id', 'string', true, '网格编号', 'Cell ID', ['网格编号', '编号']),
      LON,
      LAT,
      f('cell_size_m', 'number', false, '网格边长(米)', 'Cell size (m)', ['网格边长', '网格大小'], { min: 0, max: 5000 }),
      f('residents', 'number', true, '常住人口', 'Residents', ['常住人口', '人口', '人口数'], { min: 0 }),
      f('children_0_2', 'number', false, '0-2岁人数', 'Children 0–2', ['0-2岁人数', '0-2岁', '0～2岁'], { min: 0 }),
      f('children_3_5', 'number', true, '3-5岁人数', 'Children 3–5', ['3-5岁人数', '3-5岁', '3～5岁', '学龄前儿童'], { min: 0 }),
      f('year', 'integer', false, '统计年份', 'Year', ['统计年份', '年份'], { min: 1990, max: 2100 }),
      STREET,
    ],
  },
  admin_units: {
    id: 'admin_units',
    zh: '街道/镇',
    en: 'Sub-districts',
    key: 'code',
    file: 'admin_units.geojson',
    fields: [
      f('code', 'string', true, '统计用区划代码', 'Code', ['统计用区划代码', '区划代码', '代码', '编码']),
      f('name', 'string', true, '名称', 'Name', ['名称', '街道名称', '街道']),
      f('level', 'string', false, '级别', 'Level', ['级别', '类型']),
      LON,
      LAT,
      f('geometry', 'geometry', false, '范围', 'Geometry', []),
      f('geometry_generated', 'boolean', false, '边界为生成', 'Generated boundary', []),
    ],
  },
  plan_projects: {
    id: 'plan_projects',
    zh: '规划项目',
    en: 'Plan projects',
    key: 'id',
    file: 'plan_projects.csv',
    fields: [
      f('id', 'string', true, '项目编号', 'ID', ['项目编号', '编号']),
      f('kind', 'enum', true, '建设类型', 'Kind', ['建设类型', '项目类型', '类型'], { values: PLAN_KINDS, valuesZh: PLAN_KIND_ZH, valuesEn: PLAN_KIND_EN }),
      f('kindergarten_id', 'string', false, '幼儿园编号', 'Kindergarten ID', ['幼儿园编号']),
      f('name', 'string', true, '项目名称', 'Name', ['项目名称', '名称']),
      LON,
      LAT,
      f('start_year', 'integer', true, '开工年份', 'Start year', ['开工年份', '开工年'], { min: 2000, max: 2100 }),
      f('finish_year', 'integer', true, '竣工年份', 'Finish year', ['竣工年份', '完成年份', '投用年份'], { min: 2000, max: 2100 }),
      f('classes_after', 'integer', true, '建成后班数', 'Classes after', ['建成后班数', '班级数', '班数'], { min: 0, max: 60 }),
      f('places_after', 'integer', true, '建成后学位', 'Places after', ['建成后学位', '学位数', '学位'], { min: 0, max: 3000 }),
      f('land_area_m2', 'number', false, '占地面积(㎡)', 'Land area (m²)', ['占地面积', '用地面积'], { min: 0 }),
      f('cost_10k_yuan', 'number', false, '投资(万元)', 'Cost (10k yuan)', ['投资', '总投资', '投资额(万元)', '投资(万元)'], { min: 0 }),
      f('status', 'enum', false, '项目状态', 'Status', ['项目状态', '状态'], { values: PLAN_STATUSES, valuesZh: PLAN_STATUS_ZH, valuesEn: PLAN_STATUS_EN }),
      f('type_after', 'enum', false, '建成后性质', 'Type after', ['建成后性质', '办园性质'], { values: KG_TYPES, valuesZh: KG_TYPE_ZH, valuesEn: KG_TYPE_EN }),
      f('tuo_ban_places_after', 'integer', false, '建成后托班学位', 'Infant-class places after', ['托班学位', '托位'], { min: 0, max: 1000 }),
      f('building_area_m2', 'number', false, '建筑面积(㎡)', 'Building area (m²)', ['建筑面积'], { min: 0 }),
      f('responsible_unit', 'string', false, '责任单位', 'Responsible unit', ['责任单位', '实施单位']),
    ],
  },
  childcare_centres: {
    id: 'childcare_centres',
    zh: '托育机构',
    en: 'Infant-care centres',
    key: 'id',
    file: 'childcare_centres.csv',
    fields: [
      f('id', 'string', true, '机构编号', 'ID', ['机构编号', '编号', '备案号']),
      f('name', 'string', true, '机构名称', 'Name', ['机构名称', '名称', '托育机构']),
      LON,
      LAT,
      f('places', 'integer', true, '托位数', 'Infant-care places', ['托位数', '托位', '收托规模'], { min: 0, max: 2000 }),
      f('type', 'string', false, '机构性质', 'Type', ['机构性质', '性质', '类型']),
      STREET,
      f('opened_year', 'integer', false, '开办年份', 'Opening year', ['开办年份', '开业年份'], { min: 1950, max: 2100 }),
      f('operator', 'string', false, '举办者', 'Operator', ['举办者', '举办单位']),
    ],
  },
};

/** Label of an enum value in the language (Chinese by default), falling back to the raw value. */
export function labelOfEnum(field: FieldDef, value: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (value === null || value === undefined) return '';
  const i = field.values?.indexOf(value) ?? -1;
  const labels = lang === 'en' ? field.valuesEn : field.valuesZh;
  return i >= 0 && labels ? labels[i] : value;
}

export function fieldOf(layer: LayerId, name: string): FieldDef {
  const def = LAYERS[layer].fields.find((x) => x.name === name);
  if (!def) throw new Error(`unknown field ${layer}.${name}`);
  return def;
}
