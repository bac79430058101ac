/**
 * Importer entry point, step 1: read any supported file into sheets (no layer,
 * no mapping yet). Pure: works in Node, in the browser and in a Web Worker.
 *
 * Formats: CSV/TSV/TXT (UTF-8 with or without BOM, UTF-16, GBK/GB18030 detected),
 * XLSX/XLS/ODS (SheetJS), GeoJSON, zipped shapefile, KML/KMZ.
 */
import { readCsv } from './read-csv';
import { readGeojson } from './read-geojson';
import { readKml, readKmz, type DomParserLike } from './read-kml';
import { readShapefileEntries } from './read-shapefile';
import { readXlsx } from './read-xlsx';
import { m } from '../../i18n';
import { fileTooLarge, readFailure } from './limit-messages';
import { MAX_FILE_BYTES } from './limits';
import { fatalFile, type InputFile, type ParsedFile } from './types';
import { unzipChecked } from './zip-check';

export interface ReadOptions {
  /** DOMParser for KML; by default xmldom's (the same in a Web Worker, in Node and on the page) */
  domParser?: DomParserLike;
}

/** File extensions the importer accepts (for an <input accept>). */
export const IMPORT_ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.xlsm,.ods,.et,.geojson,.json,.zip,.kml,.kmz';

function ext(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1].toLowerCase() : '';
}

async function readZip(file: InputFile, opts: ReadOptions): Promise<ParsedFile> {
  const isXlsx = /\.xls[xm]$/i.test(file.name);
  const zip = await unzipChecked(/\.zip$/i.test(file.name) ? 'zip' : 'file', file.name, file.bytes);
  if ('problem' in zip) return fatalFile(file.name, isXlsx ? 'xlsx' : 'unknown', zip.problem);
  const { entries } = zip;
  const names = [...entries.keys()];
  if (names.some((n) => /\.shp$/i.test(n))) return readShapefileEntries(file.name, entries);
  if (names.some((n) => n === '[Content_Types].xml' || n.startsWith('xl/'))) return readXlsx(file);
  if (names.includes('content.xml') && names.includes('mimetype')) return readXlsx(file); // ODS
  const kmlName = names.find((n) => /\.kml$/i.test(n));
  if (kmlName) return readKml({ name: file.name, bytes: entries.get(kmlName)! }, opts.domParser);
  const inner = names.find((n) => /\.(csv|geojson|json|xlsx)$/i.test(n));
  if (inner && names.length === 1) return readTabular({ name: inner, bytes: entries.get(inner)! }, opts);
  return fatalFile(file.name, 'unknown', m('data.file.zipNothing', { name: file.name }));
}

function sniff(bytes: Uint8Array): 'zip' | 'cfb' | 'json' | 'xml' | 'text' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'cfb';
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b) return 'json';
  if (bytes[i] === 0x3c) return 'xml';
  return 'text';
}

/**
 * Read a file into sheets. Never throws: a file that cannot be read comes back
 * with `fatal: true` and a Chinese message naming the file in `issues`.
 */
export async function readTabular(file: InputFile, opts: ReadOptions = {}): Promise<ParsedFile> {
  try {
    if (file.bytes.length === 0) return fatalFile(file.name, 'unknown', m('data.file.empty', { name: file.name }));
    if (file.bytes.length > MAX_FILE_BYTES) return fatalFile(file.name, 'unknown', fileTooLarge(file.name, file.bytes.length));
    const e = ext(file.name);
    const kind = sniff(file.bytes);
    if (e === 'shp' || e === 'dbf' || e === 'shx' || e === 'prj') {
      return fatalFile(file.name, 'shapefile', m('data.file.shpAlone'));
    }
    if (kind === 'zip') {
      if (e === 'kmz') return await readKmz(file, opts.domParser); // checks the ZIP itself
      return await readZip(file, opts);
    }
    if (e === 'kmz') return fatalFile(file.name, 'kml', m('data.file.kmzDamaged', { name: file.name }));
    if (e === 'zip') return fatalFile(file.name, 'unknown', m('data.file.zipDamaged', { name: file.name }));
    if (['xlsx', 'xlsm', 'xls', 'ods', 'et'].includes(e) || kind === 'cfb') return readXlsx(file);
    if (e === 'kml' || (kind === 'xml' && !['csv', 'tsv', 'txt'].includes(e))) return readKml(file, opts.domParser);
    if (e === 'geojson' || e === 'json' || (kind === 'json' && !['csv', 'tsv', 'txt'].includes(e))) return readGeojson(file);
    return readCsv(file);
  } catch (err) {
    return fatalFile(file.name, 'unknown', readFailure(file.name, err));
  }
}

/** Group browser-selected sidecar files (x.shp, x.dbf, x.prj, x.cpg) into shapefile entries keyed by name. */
export function groupShapefileParts(files: InputFile[]): Map<string, Map<string, Uint8Array>> {
  const groups = new Map<string, Map<string, Uint8Array>>();
  for (const f of files) {
    const m = /^(.*)\.(shp|dbf|prj|cpg|shx)$/i.exec(f.name);
    if (!m) continue;
    const g = groups.get(m[1].toLowerCase()) ?? new Map<string, Uint8Array>();
    g.set(f.name, f.bytes);
    groups.set(m[1].toLowerCase(), g);
  }
  return groups;
}
