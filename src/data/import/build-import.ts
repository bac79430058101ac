/**
 * Importer entry point, step 2: map a read file onto a layer — columns to fields,
 * coordinates to WGS84, values validated — and return the rows, issues, rejected
 * rows and flags. Pure: touches no loaded data (committing is a separate step).
 * Rows are collected in columns (layer-columns.ts); quote-free CSV into text/number
 * layers (the population grid) takes a fast path per chunk (fast-rows.ts) that gives
 * exactly what the general path would.
 */
import kinks from '@turf/kinks';
import { CHINA_BBOX, expandBbox, inBbox, referenceBbox, type ReferenceArea } from '../coords/area';
import { isProjected, type CrsId } from '../coords/crs';
import type { CrsGuess } from '../coords/detect-crs';
import { crsFromNamedPoints, type NamedPoint } from '../coords/named-evidence';
import { coerceRecords, type RawRecord } from '../coerce';
import { guessFieldMappingLoose, type FieldMapping } from '../field-mapping';
import { m, type Message } from '../../i18n';
import { reasonOf, type IssueColumn, type RowIssue } from '../issues';
import { LAYERS, fieldKey, type LayerId, type LayerRows } from '../schema';
import { cellNumber, converterFor, convertGeometry, decimalsOf, guessSheetCrs, rowPoint, sampleCoords, type CoordSample } from './coords-stage';
import { fastChunk, FLAG_OUTSIDE_AREA, FLAG_ROUNDED, planFastRows } from './fast-rows';
import { KeySet } from './key-set';
import { LayerColumns } from './layer-columns';
import type { PackedRows } from './packed-rows';
import { fileIssue, sheetRow, sheetRowCount, type ParsedFile, type Sheet, type SourceGeometry } from './types';

export interface BuildOptions {
  /** sheet index or name (default: the first) */
  sheet?: number | string;
  /** field name → header index; absent fields are not imported (default: guessed from the headers) */
  mapping?: FieldMapping;
  /** CRS of the coordinates; 'auto'/undefined = detected */
  crs?: CrsId | 'auto';
  /** x column holds latitude/northing; undefined = as detected */
  swapXY?: boolean;
  /** district boundary / bbox of loaded data: decides GCJ-02 vs WGS84 and flags far-away points */
  reference?: ReferenceArea;
  /** a value for every row of a field no column maps to, e.g. { type: '公办', classes: 0 } */
  defaults?: Record<string, string | number | boolean | null>;
  /** generate the key (编号) from the row number when no column maps to it */
  autoKey?: boolean;
  /** keys already loaded: rows repeating one are rejected (append mode) */
  existingKeys?: Iterable<string>;
  onProgress?: (fraction: number, stage: Message) => void;
}

export type FlagKind = 'outside_china' | 'outside_area' | 'rounded';

export interface RowFlag {
  row: number;
  kind: FlagKind;
  message: Message;
}

/** A row that was not loaded: its original cells (plus geometry as GeoJSON for feature files) and why. */
export interface RejectedRow {
  row: number;
  cells: unknown[];
  reasons: Message[];
}

export interface ImportResult<L extends LayerId = LayerId> {
  layer: L;
  fileName: string;
  sheetName: string;
  headers: string[];
  mapping: FieldMapping;
  /** required fields neither mapped nor given a default */
  missingRequired: string[];
  rows: LayerRows[L];
  /** file row of each loaded row */
  rowNumbers: number[];
  issues: RowIssue[];
  rejected: RejectedRow[];
  /** number of rejected rows (rejected may be cut short when sent from the worker) */
  rejectedCount: number;
  /** headers of `rejected[i].cells` */
  rejectedHeaders: string[];
  /** `rejected[i].cells` end with the geometry as GeoJSON (a column after rejectedHeaders) */
  rejectedGeometry: boolean;
  crsGuess: CrsGuess;
  crsUsed: CrsId | null;
  swapXY: boolean;
  /** flagged rows (the first 10,000; flagCounts has the totals) */
  flags: RowFlag[];
  flagCounts: Record<FlagKind, number>;
  totalRows: number;
  /** totals; `issues` lists at most 10,000 */
  errorCount: number;
  warningCount: number;
  /** nothing can be loaded as configured (unreadable file, missing columns, unknown CRS) */
  fatal: boolean;
}

const NO_GUESS: CrsGuess = { crs: null, confidence: 'uncertain', swapXY: false, reason: m('data.crs.noCoords'), candidates: [] };
const WARN_CAP = 200;
const MAX_ISSUES = 10_000;
const MAX_FLAGS = 10_000;
// rows per coerceRecords call: small enough that a chunk's temporaries die in the young generation
const CHUNK = 512;
const ROUNDED_MSG = m('import.check.rounded');
const outsideAreaMsg = (marginM: number | undefined): Message => m('import.check.outsideArea', { km: Math.round((marginM ?? 5000) / 1000) });

function pickSheet(parsed: ParsedFile, sel: number | string | undefined): Sheet | undefined {
  if (typeof sel === 'string') return parsed.sheets.find((s) => s.name === sel);
  return parsed.sheets[sel ?? 0];
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}

function polygonProblem(g: SourceGeometry): Message | null {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
  const rings = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  let vertices = 0;
  for (const p of rings) for (const r of p) {
    if (!Array.isArray(r) || r.length < 4) return m('import.check.ringTooShort');
    vertices += r.length;
  }
  if (vertices > 5000) return null;
  const k = kinks(g as Parameters<typeof kinks>[0]);
  if (k.features.length === 0) return null;
  const [x, y] = k.features[0].geometry.coordinates;
  return m('import.check.selfIntersection', { count: k.features.length, x: fmt(x), y: fmt(y) });
}

/**
 * Turn a read file into rows of `layer`. Never throws on bad data and never
 * touches loaded tables: the result says what would be loaded and why the rest is not.
 */
export function buildImport<L extends LayerId>(layer: L, parsed: ParsedFile, opts: BuildOptions = {}): ImportResult<L> {
  const { result, columns } = buildCore(layer, parsed, opts, true);
  if (columns) result.rows = columns.toRows<L>();
  return result;
}

/**
 * buildImport for the worker: the same result, but the rows stay in columns, packed
 * for the transfer to the page (`result.rows` is empty; unpackRows makes the rows).
 * A million rows never exist as objects in the worker.
 */
export function buildImportPacked<L extends LayerId>(layer: L, parsed: ParsedFile, opts: BuildOptions = {}): { result: ImportResult<L>; packed: PackedRows } {
  const { result, columns } = buildCore(layer, parsed, opts, true);
  return { result, packed: (columns ?? new LayerColumns(layer, 0)).pack() };
}

/** buildImport without the column fast path (fast-rows.ts), every row through coerceRecords: the reference the fast path is tested against. */
export function buildImportGeneral<L extends LayerId>(layer: L, parsed: ParsedFile, opts: BuildOptions = {}): ImportResult<L> {
  const { result, columns } = buildCore(layer, parsed, opts, false);
  if (columns) result.rows = columns.toRows<L>();
  return result;
}

/** The build; rows in columns (null when nothing was converted). */
function buildCore<L extends LayerId>(layer: L, parsed: ParsedFile, opts: BuildOptions, fast: boolean): { result: ImportResult<L>; columns: LayerColumns | null } {
  const def = LAYERS[layer];
  const file = parsed.fileName;
  const progress = opts.onProgress ?? (() => {});
  const sheet = pickSheet(parsed, opts.sheet);
  const headers = sheet?.headers ?? [];
  const mapping: FieldMapping = {};
  for (const [k, v] of Object.entries(opts.mapping ?? (sheet ? guessFieldMappingLoose(layer, headers) : {}))) {
    if (Number.isInteger(v) && v >= 0 && v < headers.length && def.fields.some((fd) => fd.name === k)) mapping[k] = v;
  }
  const hasGeom = !!sheet?.geometries;
  const defaults = Object.entries(opts.defaults ?? {}).filter(([k, v]) => mapping[k] === undefined && v !== null && v !== '' && def.fields.some((fd) => fd.name === k));
  const autoKey = !!opts.autoKey && mapping[def.key] === undefined;
  const missing = def.fields
    .filter((fd) => fd.required && fd.type !== 'geometry' && mapping[fd.name] === undefined)
    .filter((fd) => !defaults.some(([k]) => k === fd.name) && !(hasGeom && (fd.name === 'lon' || fd.name === 'lat')) && !(autoKey && fd.name === def.key))
    .map((fd) => fd.name);
  const base: ImportResult<L> = {
    layer, fileName: file, sheetName: sheet?.name ?? '', headers, mapping, missingRequired: missing,
    rows: [] as unknown as LayerRows[L], rowNumbers: [], issues: [...parsed.issues], rejected: [], rejectedCount: 0,
    rejectedHeaders: headers, rejectedGeometry: hasGeom, crsGuess: NO_GUESS, crsUsed: null, swapXY: false,
    flags: [], flagCounts: { outside_china: 0, outside_area: 0, rounded: 0 }, totalRows: sheet ? sheetRowCount(sheet) : 0,
    errorCount: 0, warningCount: 0, fatal: true,
  };
  const done = (r: ImportResult<L>): ImportResult<L> => {
    r.errorCount = r.issues.filter((i) => i.severity === 'error').length;
    r.warningCount = r.issues.length - r.errorCount;
    r.rejectedCount = r.rejected.length;
    if (r.issues.length > MAX_ISSUES) {
      const more = r.issues.length - MAX_ISSUES;
      r.issues = r.issues.slice(0, MAX_ISSUES);
      r.issues.push(fileIssue(file, m('import.check.moreIssues', { more, errors: r.errorCount, warnings: r.warningCount }), 'warning'));
    }
    return r;
  };
  if (parsed.fatal || !sheet) {
    if (!sheet && !parsed.fatal) base.issues.push(fileIssue(file, m('import.check.noSheet', { file, sheet: String(opts.sheet) })));
    return { result: done(base), columns: null };
  }
  if (missing.length > 0) {
    const fields = missing.map((f) => m(fieldKey(layer, f)));
    const shown = headers.slice(0, 15).join('、');
    const where = parsed.kind === 'xlsx' ? m('import.check.fileSheet', { file, sheet: sheet.name }) : m('import.check.file', { file });
    base.issues.push(fileIssue(file, m(shown ? 'import.check.missingColumns' : 'import.check.missingColumnsNoHeader', { fields, where, headers: shown }), 'error', 1));
    return { result: done(base), columns: null };
  }
  progress(0.1, m('import.stage.coords'));
  const useCols = mapping.lon !== undefined && mapping.lat !== undefined;
  const coords = sampleCoords(sheet, useCols ? mapping.lon : undefined, useCols ? mapping.lat : undefined);
  let crsGuess = guessSheetCrs(parsed, sheet, coords, [file, sheet.name, ...headers], opts.reference);
  // names shared with loaded kindergartens / 小区 outweigh every guess from the values alone
  if (crsGuess.confidence !== 'certain' && crsGuess.crs !== null && !isProjected(crsGuess.crs) && opts.reference?.named?.length && mapping.name !== undefined) {
    const ev = namedEvidence(sheet, mapping.name, useCols ? mapping.lon : undefined, useCols ? mapping.lat : undefined, opts.reference.named, crsGuess.swapXY);
    if (ev) crsGuess = { ...crsGuess, crs: ev.crs, confidence: 'likely', reason: ev.reason, candidates: [ev.crs, ...crsGuess.candidates.filter((c) => c !== ev.crs)] };
  }
  const explicit = opts.crs && opts.crs !== 'auto' ? opts.crs : null;
  const swap = opts.swapXY ?? crsGuess.swapXY;
  let crsUsed = explicit ?? crsGuess.crs;
  const anyCoord = coords.any;
  base.crsGuess = crsGuess;
  base.swapXY = swap;
  if (!crsUsed) {
    if (anyCoord) {
      base.issues.push(fileIssue(file, m('import.check.noCrs', { reason: crsGuess.reason })));
      return { result: done(base), columns: null };
    }
    crsUsed = 'wgs84';
  }
  base.crsUsed = crsUsed;
  if (swap) base.issues.push(fileIssue(file, useCols ? m('import.check.columnsSwapped', { lon: headers[mapping.lon], lat: headers[mapping.lat] }) : m('import.check.xySwapped'), 'warning'));
  const columns = convertAndValidate(layer, parsed, sheet, base, { ...opts, crsUsed, swap, useCols, coords, defaults, autoKey, progress }, fast);
  return { result: done(base), columns };
}

/** Up to 2,000 rows with a name and a point, tested against the loaded named features. */
function namedEvidence(sheet: Sheet, nameIdx: number, lonIdx: number | undefined, latIdx: number | undefined, named: NamedPoint[], swap: boolean) {
  const rows: { name: string; x: number; y: number }[] = [];
  const n = sheetRowCount(sheet);
  for (let i = 0; i < n && rows.length < 2000; i++) {
    const cells = sheetRow(sheet, i);
    const name = cells[nameIdx];
    if (typeof name !== 'string' || !name.trim()) continue;
    const [x, y] = rowPoint(cells, sheet.geometries?.[i], lonIdx, latIdx);
    rows.push({ name: name.trim(), x, y });
  }
  return crsFromNamedPoints(rows, named, swap);
}

interface Ctx extends Omit<BuildOptions, 'defaults'> {
  crsUsed: CrsId;
  swap: boolean;
  useCols: boolean;
  coords: CoordSample;
  defaults: [string, unknown][];
  autoKey: boolean;
  progress: (f: number, s: Message) => void;
}

/** Convert and validate every row: `base` gets the issues, flags and rejected rows; the loaded rows come back as columns. */
function convertAndValidate<L extends LayerId>(layer: L, parsed: ParsedFile, sheet: Sheet, base: ImportResult<L>, c: Ctx, fast: boolean): LayerColumns {
  const def = LAYERS[layer];
  const file = parsed.fileName;
  const { headers, mapping } = base;
  const f = converterFor(c.crsUsed, c.swap);
  const identity = !c.swap && (c.crsUsed === 'wgs84' || c.crsUsed === 'cgcs2000');
  const projected = isProjected(c.crsUsed);
  const refBox = referenceBbox(c.reference);
  const near = refBox ? expandBbox(refBox, c.reference?.marginM ?? 5000) : null;
  const hasGeomField = def.fields.some((fd) => fd.type === 'geometry');
  const GEOMETRY = m('import.column.geometry');
  const label = (field: string): IssueColumn =>
    mapping[field] !== undefined ? headers[mapping[field]] : (field === 'lon' || field === 'lat' || field === 'geometry') && sheet.geometries ? GEOMETRY : m('import.column.default', { field: m(fieldKey(layer, field)) });
  const lonLabel: IssueColumn = c.useCols ? headers[mapping.lon] : GEOMETRY;
  const mapped = Object.entries(mapping).filter(([k]) => !(c.useCols && (k === 'lon' || k === 'lat')) && k !== 'geometry');
  const existing = c.existingKeys ? new Set([...c.existingKeys].map(String)) : null;
  const n = sheetRowCount(sheet);
  const width = headers.length;
  const lonIdx = c.useCols ? mapping.lon : undefined;
  const latIdx = c.useCols ? mapping.lat : undefined;
  const preErr = new Map<number, Message[]>();
  const preIssues: RowIssue[] = [];
  const coerceIssues: RowIssue[] = [];
  const warnIssues: RowIssue[] = [];
  const warnCount: Record<string, number> = {};
  const addErr = (i: number, column: IssueColumn, message: Message): void => {
    const list = preErr.get(i) ?? [];
    list.push(message);
    preErr.set(i, list);
    preIssues.push({ file, row: sheet.rowNumbers[i], column, message, severity: 'error' });
  };
  const flag = (i: number, kind: FlagKind, message: Message, warn: boolean): void => {
    if (base.flags.length < MAX_FLAGS) base.flags.push({ row: sheet.rowNumbers[i], kind, message });
    base.flagCounts[kind]++;
    if (!warn) return;
    warnCount[kind] = (warnCount[kind] ?? 0) + 1;
    if (warnCount[kind] <= WARN_CAP) warnIssues.push({ file, row: sheet.rowNumbers[i], column: lonLabel, message, severity: 'warning' });
  };
  const record = (i: number): RawRecord => {
    const cells = sheetRow(sheet, i);
    const values: Record<string, unknown> = {};
    for (const [field, idx] of mapped) values[field] = cells[idx];
    for (const [field, v] of c.defaults) values[field] = v;
    if (c.autoKey) values[def.key] = String(sheet.rowNumbers[i]);
    const bad = sheet.badRows?.get(i);
    if (bad) addErr(i, '', bad);
    else if (cells.length > width && cells.slice(width).some((v) => v !== null && v !== undefined && String(v).trim() !== '')) {
      addErr(i, '', m('import.check.extraCells', { count: cells.length, extra: cells.length - width }));
    }
    let x: number;
    let y: number;
    if (lonIdx !== undefined && latIdx !== undefined) {
      x = cellNumber(cells[lonIdx]);
      y = cellNumber(cells[latIdx]);
    } else [x, y] = rowPoint(cells, sheet.geometries?.[i], lonIdx, latIdx);
    if (Number.isFinite(x) && Number.isFinite(y)) {
      let lon = x;
      let lat = y;
      if (!identity) [lon, lat] = f(x, y);
      values.lon = lon;
      values.lat = lat;
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || !inBbox(CHINA_BBOX, lon, lat)) {
        const outside = m(projected || !identity ? 'import.check.outsideChinaConverted' : 'import.check.outsideChina', { x: fmt(x), y: fmt(y) });
        addErr(i, lonLabel, outside);
        flag(i, 'outside_china', outside, false);
      } else {
        if (near && !inBbox(near, lon, lat)) flag(i, 'outside_area', outsideAreaMsg(c.reference?.marginM), true);
        if (!projected && c.useCols && decimalsOf(cells[mapping.lon]) <= 2 && decimalsOf(cells[mapping.lat]) <= 2) {
          flag(i, 'rounded', ROUNDED_MSG, true);
        }
      }
    } else if (!c.useCols && sheet.geometries) {
      addErr(i, GEOMETRY, m(sheet.geometries?.[i] ? 'import.check.geometryNotNumbers' : 'import.check.noGeometry'));
    } else if (c.useCols) {
      values.lon = cells[mapping.lon];
      values.lat = cells[mapping.lat];
    }
    if (hasGeomField) geometryOf(i, sheet, cells, mapping, values, f, identity, addErr, label('geometry'));
    if (existing) {
      const k = values[def.key];
      if (k !== null && k !== undefined && existing.has(String(k).trim())) addErr(i, label(def.key), m('import.check.keyExists', { key: String(k).trim() }));
    }
    return { row: sheet.rowNumbers[i], values };
  };
  const cols = new LayerColumns(layer, n);
  const keyCol = cols.names.indexOf(def.key);
  const seen = new KeySet(n);
  // the fast path for quote-free CSV into text/number fields (fast-rows.ts); null = general path only
  const plan = fast ? planFastRows({ layer, sheet, mapping, defaults: c.defaults, autoKey: c.autoKey, useCols: c.useCols, identity, projected, convert: f, near, existing }) : null;
  const chunkFlags = new Uint8Array(CHUNK);
  const areaMsg = outsideAreaMsg(c.reference?.marginM);
  const reject = (i: number, reasons: Message[]): void => {
    const row = sheetRow(sheet, i);
    const cells = sheet.geometries ? [...row, sheet.geometries[i] ? JSON.stringify(sheet.geometries[i]) : ''] : row;
    base.rejected.push({ row: sheet.rowNumbers[i], cells, reasons });
  };
  // in chunks, so the intermediate records die young (a 1,000,000-row file stays fast)
  let reported = -1;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const fraction = 0.1 + (0.85 * from) / Math.max(1, n);
    if (fraction - reported >= 0.02) {
      c.progress(fraction, m('import.stage.convert'));
      reported = fraction;
    }
    if (plan && fastChunk(plan, cols, seen, from, to, chunkFlags)) {
      for (let i = from; i < to; i++) {
        const fl = chunkFlags[i - from];
        if (fl & FLAG_OUTSIDE_AREA) flag(i, 'outside_area', areaMsg, true);
        if (fl & FLAG_ROUNDED) flag(i, 'rounded', ROUNDED_MSG, true);
        base.rowNumbers.push(sheet.rowNumbers[i]);
      }
      cols.length += to - from;
      continue;
    }
    const records: RawRecord[] = [];
    for (let i = from; i < to; i++) records.push(record(i));
    const res = coerceRecords(layer, records, file, label);
    const reasons = new Map<number, Message[]>();
    for (const is of res.issues) {
      coerceIssues.push(is);
      const l = reasons.get(is.row) ?? [];
      l.push(reasonOf(is.column, is.message));
      reasons.set(is.row, l);
    }
    const rejectedSet = new Set(res.rejected);
    let k = 0;
    for (let i = from; i < to; i++) {
      const rec = records[i - from];
      const pre = preErr.get(i);
      if (!rejectedSet.has(rec)) {
        const row = res.rows[k++] as unknown as Record<string, unknown>;
        if (!pre) {
          const key = String(row[def.key]);
          if (!seen.has(key)) {
            seen.add(key);
            cols.pushRow(row);
            base.rowNumbers.push(rec.row);
            continue;
          }
          let firstIdx = -1;
          for (let j = 0; j < cols.length && firstIdx < 0; j++) if (String(cols.valueAt(keyCol, j)) === key) firstIdx = j;
          const first = base.rowNumbers[firstIdx];
          const message = m('data.cell.duplicateKey', { key, first });
          coerceIssues.push({ file, row: rec.row, column: label(def.key), message, severity: 'error' });
          reject(i, [reasonOf(label(def.key), message)]);
          continue;
        }
      }
      reject(i, [...(pre ?? []), ...(reasons.get(rec.row) ?? [])]);
    }
  }
  c.progress(0.97, m('import.stage.finish'));
  for (const [kind, cnt] of Object.entries(warnCount)) {
    if (cnt > WARN_CAP) warnIssues.push(fileIssue(file, m(kind === 'rounded' ? 'import.check.moreRounded' : 'import.check.moreOutside', { count: cnt - WARN_CAP }), 'warning'));
  }
  const all = [...preIssues, ...coerceIssues, ...warnIssues].sort((a, b) => a.row - b.row);
  base.issues.push(...all);
  base.fatal = false;
  return cols;
}

function geometryOf(
  i: number,
  sheet: Sheet,
  cells: unknown[],
  mapping: FieldMapping,
  values: Record<string, unknown>,
  f: (x: number, y: number) => [number, number],
  identity: boolean,
  addErr: (i: number, column: IssueColumn, message: Message) => void,
  column: IssueColumn,
): void {
  let g: SourceGeometry | null = null;
  let text: string | null = null;
  const src = sheet.geometries?.[i];
  if (src && src.type !== 'Point') g = src;
  else if (mapping.geometry !== undefined) {
    const cell = cells[mapping.geometry];
    if (cell === null || cell === undefined || String(cell).trim() === '') return;
    text = String(cell).trim();
    try {
      g = JSON.parse(text) as SourceGeometry;
    } catch {
      g = null;
    }
    if (!g || typeof g !== 'object' || typeof g.type !== 'string') {
      addErr(i, column, m('import.check.badGeometryText'));
      return;
    }
  }
  if (!g) {
    values.geometry = null;
    return;
  }
  const conv = identity ? g : convertGeometry(g, f);
  if (!conv) {
    addErr(i, column, m('import.check.geometryNotNumbers'));
    return;
  }
  let problem: Message | null;
  try {
    problem = polygonProblem(conv);
  } catch {
    problem = m('import.check.badGeometry');
  }
  if (problem) addErr(i, column, problem);
  values.geometry = identity && text !== null ? text : JSON.stringify(conv);
}
