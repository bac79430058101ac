/**
 * The five layers of the data model: typed rows, field definitions with Chinese
 * aliases, and the DuckDB table each one lives in. Labels of layers, fields and enum
 * values live in the catalogue (src/i18n/catalogue/data.ts).
 *
 * Geometry is kept as WGS84 lon/lat columns (points, polygon centroids) plus,
 * for polygon layers, the GeoJSON geometry as text (`geometry`): duckdb-wasm has
 * no spatial extension offline, spatial work happens in src/analysis.
 */

// the row types and enums live with the engine (src/analysis/model.ts), which imports nothing of src/data
export * from '../analysis/model';
import { isMessageKey, msg, type Lang, type MessageKey } from '../i18n';
import { KG_TYPES, KG_STATUSES, SUPPORTING_KG_STATUSES, PLAN_KINDS, PLAN_STATUSES, RESPONSIBLE_LINES, type LayerId } from '../analysis/model';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'enum' | 'geometry';

export interface FieldDef {
  name: string;
  type: FieldType;
  required: boolean;
  /** other header names recognised on import (lower-cased comparison) */
  aliases: string[];
  /** enum values; their labels are catalogue keys `enum.<layer>.<field>.<value>` (the Chinese label is accepted on import too) */
  values?: readonly string[];
  min?: number;
  max?: number;
}

export interface LayerDef {
  id: LayerId;
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
  aliases: string[] = [],
  extra: Partial<FieldDef> = {},
): FieldDef => ({ name, type, required, aliases, ...extra });

const LON = f('lon', 'number', true, ['经度', 'lng', 'long', 'longitude', 'x', 'lon_wgs84'], { min: -180, max: 180 });
const LAT = f('lat', 'number', true, ['纬度', 'latitude', 'y', 'lat_wgs84'], { min: -90, max: 90 });
const STREET = f('street_code', 'string', false, ['街道代码', '街道编码', '所属街道代码', 'street', '街道']);

export const LAYERS: Record<LayerId, LayerDef> = {
  kindergartens: {
    id: 'kindergartens',
    key: 'id',
    file: 'kindergartens.csv',
    fields: [
      f('id', 'string', true, ['编号', '幼儿园编号', '序号', 'code']),
      f('name', 'string', true, ['幼儿园名称', '名称', '园名', '机构名称']),
      f('type', 'enum', true, ['办园性质', '性质', '类型', '办学性质'], { values: KG_TYPES }),
      LON,
      LAT,
      f('classes', 'integer', true, ['班级数', '班数', '班级'], { min: 0, max: 60 }),
      f('places', 'integer', true, ['学位数', '学位', '核定学位', '学位数量', 'capacity'], { min: 0, max: 3000 }),
      f('enrolled', 'integer', false, ['在园幼儿数', '在园幼儿', '在园人数', '幼儿数'], { min: 0, max: 3000 }),
      f('staff_total', 'integer', false, ['教职工数', '教职工'], { min: 0 }),
      f('teachers', 'integer', false, ['专任教师数', '专任教师', '教师数'], { min: 0 }),
      f('carers', 'integer', false, ['保育员数', '保育员'], { min: 0 }),
      f('tuo_ban_places', 'integer', false, ['托班学位', '托位数', '托班'], { min: 0 }),
      f('land_area_m2', 'number', false, ['占地面积', '用地面积', '占地面积㎡', '占地面积(平方米)'], { min: 0 }),
      f('building_area_m2', 'number', false, ['建筑面积', '建筑面积㎡', '建筑面积(平方米)'], { min: 0 }),
      STREET,
      f('community_id', 'string', false, ['配套小区编号', '小区编号']),
      f('status', 'enum', false, ['状态', '现状'], { values: KG_STATUSES }),
      f('operator', 'string', false, ['举办者', '主办单位', '举办单位']),
    ],
  },
  communities: {
    id: 'communities',
    key: 'id',
    file: 'communities.geojson',
    fields: [
      f('id', 'string', true, ['小区编号', '编号', '序号']),
      f('name', 'string', true, ['小区名称', '名称', '项目名称']),
      LON,
      LAT,
      f('geometry', 'geometry', false, []),
      f('households', 'integer', true, ['户数', '总户数', '住宅户数'], { min: 0, max: 100000 }),
      f('residents', 'integer', false, ['常住人口', '人口', '居住人口', '人数'], { min: 0, max: 300000 }),
      f('built_year', 'integer', false, ['建成年份', '建成年代', '竣工年份'], { min: 1900, max: 2100 }),
      f('developer', 'string', false, ['开发单位', '开发商', '建设单位']),
      STREET,
      f('supporting_kg_required', 'boolean', false, ['应配建幼儿园', '是否应配建', '需配建']),
      f('supporting_kg_classes', 'integer', false, ['应配建班数', '配建班数'], { min: 0, max: 30 }),
      f('supporting_kg_status', 'enum', false, ['配套园状态', '配建状态', '状态'], {
        values: SUPPORTING_KG_STATUSES,
      }),
      f('supporting_kg_id', 'string', false, ['配套园编号', '幼儿园编号']),
      f('completion_date', 'date', false, ['竣工验收日期', '竣工日期']),
      f('handover_due', 'date', false, ['应移交日期', '移交期限', '移交时限']),
      f('responsible_unit', 'string', false, ['责任单位', '责任部门']),
      f('responsible_line', 'enum', false, ['责任条线', '条线', '主管条线'], {
        values: RESPONSIBLE_LINES,
      }),
      f('deadline', 'date', false, ['办结期限', '整改期限', '完成时限']),
      f('status_date', 'date', false, ['状态日期', '状态变更日期']),
      f('opened_date', 'date', false, ['开园日期', '开办日期', '开园时间']),
    ],
  },
  population: {
    id: 'population',
    key: 'id',
    file: 'population.csv',
    fields: [
      f('id', 'string', true, ['网格编号', '编号']),
      LON,
      LAT,
      f('cell_size_m', 'number', false, ['网格边长', '网格大小'], { min: 0, max: 5000 }),
      f('residents', 'number', true, ['常住人口', '人口', '人口数'], { min: 0 }),
      f('children_0_2', 'number', false, ['0-2岁人数', '0-2岁', '0～2岁'], { min: 0 }),
      f('children_3_5', 'number', true, ['3-5岁人数', '3-5岁', '3～5岁', '学龄前儿童'], { min: 0 }),
      f('year', 'integer', false, ['统计年份', '年份'], { min: 1990, max: 2100 }),
      STREET,
    ],
  },
  admin_units: {
    id: 'admin_units',
    key: 'code',
    file: 'admin_units.geojson',
    fields: [
      f('code', 'string', true, ['统计用区划代码', '区划代码', '代码', '编码']),
      f('name', 'string', true, ['名称', '街道名称', '街道']),
      f('level', 'string', false, ['级别', '类型']),
      LON,
      LAT,
      f('geometry', 'geometry', false, []),
      f('geometry_generated', 'boolean', false, []),
    ],
  },
  plan_projects: {
    id: 'plan_projects',
    key: 'id',
    file: 'plan_projects.csv',
    fields: [
      f('id', 'string', true, ['项目编号', '编号']),
      f('kind', 'enum', true, ['建设类型', '项目类型', '类型'], { values: PLAN_KINDS }),
      f('kindergarten_id', 'string', false, ['幼儿园编号']),
      f('name', 'string', true, ['项目名称', '名称']),
      LON,
      LAT,
      f('start_year', 'integer', true, ['开工年份', '开工年'], { min: 2000, max: 2100 }),
      f('finish_year', 'integer', true, ['竣工年份', '完成年份', '投用年份'], { min: 2000, max: 2100 }),
      f('classes_after', 'integer', true, ['建成后班数', '班级数', '班数'], { min: 0, max: 60 }),
      f('places_after', 'integer', true, ['建成后学位', '学位数', '学位'], { min: 0, max: 3000 }),
      f('land_area_m2', 'number', false, ['占地面积', '用地面积'], { min: 0 }),
      f('cost_10k_yuan', 'number', false, ['投资', '总投资', '投资额(万元)', '投资(万元)'], { min: 0 }),
      f('status', 'enum', false, ['项目状态', '状态'], { values: PLAN_STATUSES }),
      f('type_after', 'enum', false, ['建成后性质', '办园性质'], { values: KG_TYPES }),
      f('tuo_ban_places_after', 'integer', false, ['托班学位', '托位'], { min: 0, max: 1000 }),
      f('building_area_m2', 'number', false, ['建筑面积'], { min: 0 }),
      f('responsible_unit', 'string', false, ['责任单位', '实施单位']),
    ],
  },
  childcare_centres: {
    id: 'childcare_centres',
    key: 'id',
    file: 'childcare_centres.csv',
    fields: [
      f('id', 'string', true, ['机构编号', '编号', '备案号']),
      f('name', 'string', true, ['机构名称', '名称', '托育机构']),
      LON,
      LAT,
      f('places', 'integer', true, ['托位数', '托位', '收托规模'], { min: 0, max: 2000 }),
      f('type', 'string', false, ['机构性质', '性质', '类型']),
      STREET,
      f('opened_year', 'integer', false, ['开办年份', '开业年份'], { min: 1950, max: 2100 }),
      f('operator', 'string', false, ['举办者', '举办单位']),
    ],
  },
};

/** Catalogue key of a layer's name (`data.layer.<layer>`). */
export const layerKey = (layer: LayerId): MessageKey => `data.layer.${layer}` as MessageKey;

/** Catalogue key of a field's label (`field.<layer>.<field>`). */
export const fieldKey = (layer: LayerId, field: string): MessageKey => `field.${layer}.${field}` as MessageKey;

/** Catalogue key of an enum value's label (`enum.<layer>.<field>.<value>`). */
export const enumKey = (layer: LayerId, field: string, value: string): MessageKey => `enum.${layer}.${field}.${value}` as MessageKey;

/** Name of a layer in the language. */
export const layerLabel = (lang: Lang, layer: LayerId): string => msg(lang, layerKey(layer));

/** Label of a field in the language (the field name when it has none). */
export function fieldLabel(lang: Lang, layer: LayerId, field: string): string {
  const key = fieldKey(layer, field);
  return isMessageKey(key) ? msg(lang, key) : field;
}

/** Label of an enum value in the language, falling back to the raw value; '' for null. */
export function enumLabel(lang: Lang, layer: LayerId, field: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const key = enumKey(layer, field, value);
  return isMessageKey(key) ? msg(lang, key) : value;
}

export function fieldOf(layer: LayerId, name: string): FieldDef {
  const def = LAYERS[layer].fields.find((x) => x.name === name);
  if (!def) throw new Error(`unknown field ${layer}.${name}`);
  return def;
}
