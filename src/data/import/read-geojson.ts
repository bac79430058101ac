/** GeoJSON text → one Sheet: feature properties as columns, geometries kept beside the rows. */
import type { RowIssue } from '../issues';
import { decodeText } from './decode-text';
import { m, type Message } from '../../i18n';
import { tooManyRows } from './limit-messages';
import { MAX_ROWS } from './limits';
import { fatalFile, fileIssue, type InputFile, type ParsedFile, type SourceGeometry } from './types';

interface FeatureLike {
  type?: unknown;
  properties?: unknown;
  geometry?: unknown;
}

function cell(v: unknown): unknown {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** Features (properties + geometry) → ParsedFile with one sheet. Shared by GeoJSON, shapefile and KML. */
export function featuresToParsed(fileName: string, kind: ParsedFile['kind'], sheetName: string, features: FeatureLike[], extra: Partial<ParsedFile> = {}): ParsedFile {
  const keys = new Map<string, number>();
  for (const ft of features) {
    const p = ft && typeof ft.properties === 'object' && ft.properties !== null ? (ft.properties as Record<string, unknown>) : {};
    for (const k of Object.keys(p)) if (!keys.has(k)) keys.set(k, keys.size);
  }
  const headers = [...keys.keys()];
  const rows: unknown[][] = [];
  const geometries: (SourceGeometry | null)[] = [];
  const rowNumbers: number[] = [];
  const badRows = new Map<number, Message>();
  features.forEach((ft, i) => {
    const p = ft && typeof ft.properties === 'object' && ft.properties !== null ? (ft.properties as Record<string, unknown>) : {};
    rows.push(headers.map((h) => cell(p[h])));
    const g = ft?.geometry;
    const ok = g !== null && typeof g === 'object' && typeof (g as SourceGeometry).type === 'string';
    geometries.push(ok ? (g as SourceGeometry) : null);
    rowNumbers.push(i + 1);
    if (!ft || typeof ft !== 'object' || ft.type !== 'Feature') badRows.set(i, m('data.geojson.notFeature'));
  });
  const issues: RowIssue[] = extra.issues ?? [];
  if (features.length === 0) issues.push(fileIssue(fileName, m('data.geojson.noFeatures', { name: fileName })));
  return {
    fileName,
    kind,
    sheets: [{ name: sheetName, headers, rows, rowNumbers, geometries, badRows: badRows.size ? badRows : undefined, prj: extra.prj }],
    ...extra,
    issues,
    fatal: features.length === 0,
  };
}

/** True when a JSON.parse error means the text simply stops early (a truncated file). */
export function jsonLooksTruncated(message: string, text: string): boolean {
  if (/end of (JSON )?input|end of data|Unterminated/i.test(message)) return true;
  const m = /position (\d+)/.exec(message);
  return !!m && Number(m[1]) >= text.trimEnd().length - 1;
}

/** Read a .geojson/.json file (FeatureCollection, Feature or bare geometry). */
export function readGeojson(file: InputFile): ParsedFile {
  const { name, bytes } = file;
  if (bytes.length === 0) return fatalFile(name, 'geojson', m('data.file.empty', { name }));
  const dec = decodeText(bytes);
  let doc: unknown;
  try {
    doc = JSON.parse(dec.text);
  } catch (e) {
    const text = (e as Error).message;
    const truncated = jsonLooksTruncated(text, dec.text);
    return fatalFile(name, 'geojson', m(truncated ? 'data.geojson.truncated' : 'data.geojson.badJson', { name, error: text.slice(0, 80) }), { encoding: dec.encoding });
  }
  const issues = dec.warning ? [fileIssue(name, dec.warning, 'warning')] : [];
  if (!doc || typeof doc !== 'object') return fatalFile(name, 'geojson', m('data.geojson.notObject', { name }));
  const d = doc as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const crsName = typeof d.crs?.properties?.name === 'string' ? d.crs.properties.name : undefined;
  const base = { encoding: dec.encoding, prj: crsName, issues };
  const sheetName = name.replace(/\.[^.]+$/, '');
  if (d.type === 'FeatureCollection') {
    if (!Array.isArray(d.features)) return fatalFile(name, 'geojson', m('data.geojson.featuresNotArray', { name }));
    if (d.features.length > MAX_ROWS) return fatalFile(name, 'geojson', tooManyRows(name, d.features.length, 'features'), { encoding: dec.encoding });
    return featuresToParsed(name, 'geojson', sheetName, d.features as FeatureLike[], base);
  }
  if (d.type === 'Feature') return featuresToParsed(name, 'geojson', sheetName, [d as FeatureLike], base);
  if (typeof d.type === 'string' && /^(Multi)?(Point|LineString|Polygon)$|^GeometryCollection$/.test(d.type)) {
    return featuresToParsed(name, 'geojson', sheetName, [{ type: 'Feature', properties: {}, geometry: d }], base);
  }
  return fatalFile(name, 'geojson', m('data.geojson.notCollection', { name }));
}
