/**
 * Parsing the text formats of a data folder (CSV, GeoJSON) into typed layer rows.
 * Used by the app to load the sample, by the CLI, and as the base of the importer.
 */
import Papa from 'papaparse';
import { m } from '../i18n';
import { coerceRecords, type CoerceResult, type RawRecord } from './coerce';
import { guessFieldMapping, missingRequiredFields } from './field-mapping';
import type { RowIssue } from './issues';
import { LAYERS, fieldKey, type LayerId } from './schema';

export interface Grid {
  headers: string[];
  rows: string[][];
}

/** Parse CSV text (BOM stripped, quoted fields, CRLF) into a header row and data rows. */
export function parseCsvText(text: string): Grid {
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = res.data;
  return { headers: headers.map((h) => h.trim()), rows };
}

/** Grid → raw records keyed by field name using a field mapping; row numbers as a spreadsheet shows them. */
export function gridToRecords(layer: LayerId, grid: Grid, mapping = guessFieldMapping(layer, grid.headers)): RawRecord[] {
  return grid.rows.map((cells, i) => {
    const values: Record<string, unknown> = {};
    for (const [field, idx] of Object.entries(mapping)) values[field] = cells[idx];
    return { row: i + 2, values };
  });
}

function centroidOf(geom: { type: string; coordinates: unknown }): [number, number] | null {
  // mean of the outer ring's vertices: good enough for a label/centroid column
  let ring: number[][] | undefined;
  if (geom.type === 'Point') return geom.coordinates as [number, number];
  if (geom.type === 'Polygon') ring = (geom.coordinates as number[][][])[0];
  if (geom.type === 'MultiPolygon') ring = (geom.coordinates as number[][][][])[0]?.[0];
  if (!ring || ring.length === 0) return null;
  const pts = ring.length > 1 ? ring.slice(0, -1) : ring;
  let x = 0;
  let y = 0;
  for (const p of pts) {
    x += p[0];
    y += p[1];
  }
  return [x / pts.length, y / pts.length];
}

/** GeoJSON FeatureCollection text → raw records (properties by field name or alias; geometry → lon/lat + geometry text). */
export function geojsonToRecords(layer: LayerId, text: string, file: string): { records: RawRecord[]; issues: RowIssue[] } {
  let fc: { type?: string; features?: { properties?: Record<string, unknown>; geometry?: { type: string; coordinates: unknown } | null }[] };
  try {
    fc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { records: [], issues: [{ file, row: 0, column: '', message: m('data.parse.badGeojson', { error: (e as Error).message }), severity: 'error' }] };
  }
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { records: [], issues: [{ file, row: 0, column: '', message: m('data.parse.notCollection'), severity: 'error' }] };
  }
  const headers = [...new Set(fc.features.flatMap((ft) => Object.keys(ft.properties ?? {})))];
  const mapping = guessFieldMapping(layer, headers);
  const hasGeometryField = LAYERS[layer].fields.some((fd) => fd.name === 'geometry');
  const records = fc.features.map((ft, i) => {
    const values: Record<string, unknown> = {};
    for (const [field, idx] of Object.entries(mapping)) values[field] = ft.properties?.[headers[idx]];
    if (ft.geometry) {
      const c = centroidOf(ft.geometry);
      if (c && (values.lon === undefined || values.lon === null)) values.lon = c[0];
      if (c && (values.lat === undefined || values.lat === null)) values.lat = c[1];
      if (hasGeometryField && ft.geometry.type !== 'Point') values.geometry = JSON.stringify(ft.geometry);
    }
    return { row: i + 1, values };
  });
  return { records, issues: [] };
}

/** Parse one layer file (by extension: .csv or .geojson/.json) into typed rows with issues. */
export function parseLayerText<L extends LayerId>(layer: L, file: string, text: string): CoerceResult<L> {
  if (/\.(geo)?json$/i.test(file)) {
    const { records, issues } = geojsonToRecords(layer, text, file);
    const res = coerceRecords(layer, records, file);
    return { ...res, issues: [...issues, ...res.issues] };
  }
  const grid = parseCsvText(text);
  const mapping = guessFieldMapping(layer, grid.headers);
  const missing = missingRequiredFields(layer, mapping);
  if (missing.length > 0) {
    const fields = missing.map((f) => m(fieldKey(layer, f)));
    return {
      rows: [] as never,
      rejected: [],
      issues: [{ file, row: 1, column: '', message: m('data.parse.missingColumns', { fields }), severity: 'error' }],
    };
  }
  const label = (field: string): string => grid.headers[mapping[field]] ?? field;
  return coerceRecords(layer, gridToRecords(layer, grid, mapping), file, label);
}
