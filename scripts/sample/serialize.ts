/** Writing layer rows as the files of a data folder: CSV with schema field names as headers, GeoJSON one feature a line. */
import type { Geometry } from 'geojson';
import { LAYERS, type LayerId } from '../../src/data/schema';

export type Cell = string | number | boolean | null;

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of rows in the field order of the layer (geometry fields left out) */
export function toCsv(layer: LayerId, rows: Record<string, Cell>[]): string {
  const fields = LAYERS[layer].fields.filter((f) => f.type !== 'geometry').map((f) => f.name);
  const lines = [fields.join(',')];
  for (const r of rows) {
    lines.push(
      fields
        .map((f) => {
          if (!(f in r)) throw new Error(`${layer}: row without ${f}`);
          return csvCell(r[f]);
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface OutFeature {
  properties: Record<string, Cell>;
  geometry: Geometry;
}

/** GeoJSON FeatureCollection text, one feature a line; properties in the given order */
export function toGeojson(features: OutFeature[], extra: Record<string, unknown> = {}): string {
  const head = JSON.stringify({ type: 'FeatureCollection', ...extra }).slice(0, -1);
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
  return `${head},"features":[\n${lines.join(',\n')}\n]}\n`;
}

/** properties of a GeoJSON layer in schema order (lon/lat included, geometry left to the feature) */
export function layerProperties(layer: LayerId, row: Record<string, Cell>): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const f of LAYERS[layer].fields) {
    if (f.type === 'geometry') continue;
    if (!(f.name in row)) throw new Error(`${layer}: row without ${f.name}`);
    out[f.name] = row[f.name];
  }
  return out;
}
