/** Rows of a feature as (label, display value) pairs, for the tooltip and the detail panel. */
import { LAYERS, enumLabel, fieldLabel, type LayerId, type LayerRows } from '../data/schema';
import { msg, type Lang } from '../i18n';
import { formatArea, formatDateZh, formatInt } from './format';

export function findRow(layers: LayerRows, layer: LayerId, id: string): Record<string, unknown> | null {
  const key = LAYERS[layer].key;
  const rows = layers[layer] as unknown as Record<string, unknown>[];
  return rows.find((r) => String(r[key]) === id) ?? null;
}

export interface FieldLine {
  name: string;
  label: string;
  value: string;
}

/** All attributes of a row, formatted; geometry omitted. Values stay plain text (React escapes them). */
export function featureLines(layer: LayerId, row: Record<string, unknown>, lang: Lang): FieldLine[] {
  const out: FieldLine[] = [];
  for (const fd of LAYERS[layer].fields) {
    if (fd.type === 'geometry') continue;
    const v = row[fd.name];
    let value: string;
    if (v === null || v === undefined || v === '') value = '—';
    else if (fd.type === 'enum') value = enumLabel(lang, layer, fd.name, String(v));
    else if (fd.type === 'boolean') value = msg(lang, v ? 'shell.yes' : 'shell.no');
    else if (fd.type === 'date') value = formatDateZh(String(v));
    else if (fd.name === 'lon' || fd.name === 'lat') value = Number(v).toFixed(6);
    else if (fd.name.endsWith('_m2')) value = formatArea(Number(v), lang);
    else if (fd.type === 'integer' || fd.type === 'number') value = fd.name === 'year' || fd.name.endsWith('_year') ? String(v) : formatInt(Number(v));
    else value = String(v);
    out.push({ name: fd.name, label: fieldLabel(lang, layer, fd.name), value });
  }
  return out;
}

/** The few fields a tooltip shows per layer. */
export const TOOLTIP_FIELDS: Record<LayerId, string[]> = {
  kindergartens: ['name', 'type', 'classes', 'places', 'enrolled'],
  communities: ['name', 'households', 'residents', 'built_year', 'supporting_kg_status'],
  population: ['residents', 'children_3_5', 'children_0_2'],
  admin_units: ['name', 'code'],
  plan_projects: ['name', 'kind', 'finish_year', 'places_after'],
  childcare_centres: ['name', 'places', 'type', 'opened_year'],
};
