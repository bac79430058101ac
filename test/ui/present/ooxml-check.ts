/**
 * An Office Open XML package checked the way PowerPoint / Word / WPS validate it before
 * offering a repair: every part has a content type ([Content_Types].xml Default by
 * extension or Override), every Override names a part that exists, every internal
 * relationship target exists, chart parts carry the chart content type, and each embedded
 * workbook is itself a valid package that SheetJS reads. Used by the unit and browser tests.
 */
import * as XLSX from '@e965/xlsx';
import { iter } from 'but-unzip';

export interface OoxmlPackage {
  parts: Map<string, Uint8Array>;
  text(name: string): string;
}

export async function readPackage(bytes: Uint8Array): Promise<OoxmlPackage> {
  const parts = new Map<string, Uint8Array>();
  for (const e of iter(bytes)) if (!e.filename.endsWith('/')) parts.set(e.filename, await e.read());
  return { parts, text: (n) => new TextDecoder().decode(parts.get(n) ?? new Uint8Array()) };
}

const attr = (tag: string, name: string): string | null => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? null;

/** Resolve a relationship target against the part that owns the .rels file. */
function resolveTarget(relsPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  // a/_rels/b.xml.rels → base a/ ; _rels/.rels → base ''
  const base = relsPath.replace(/_rels\/[^/]*\.rels$/, '');
  const segs = (base + target).split('/');
  const out: string[] = [];
  for (const s of segs) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** Problems found (empty = valid). `label` prefixes each message. */
export async function checkPackage(pkg: OoxmlPackage, label = ''): Promise<string[]> {
  const problems: string[] = [];
  const ct = pkg.text('[Content_Types].xml');
  if (!ct) return [`${label}[Content_Types].xml missing`];
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of ct.matchAll(/<Default\b[^>]*>/g)) defaults.set((attr(m[0], 'Extension') ?? '').toLowerCase(), attr(m[0], 'ContentType') ?? '');
  for (const m of ct.matchAll(/<Override\b[^>]*>/g)) overrides.set((attr(m[0], 'PartName') ?? '').replace(/^\//, ''), attr(m[0], 'ContentType') ?? '');
  for (const name of overrides.keys()) if (!pkg.parts.has(name)) problems.push(`${label}Override for a missing part: ${name}`);
  const typeOf = (name: string) => overrides.get(name) ?? defaults.get(name.split('.').pop()!.toLowerCase());
  for (const name of pkg.parts.keys()) {
    if (name === '[Content_Types].xml') continue;
    if (!typeOf(name)) problems.push(`${label}no content type for ${name}`);
  }
  for (const name of pkg.parts.keys()) {
    if (!name.endsWith('.rels')) continue;
    for (const m of pkg.text(name).matchAll(/<Relationship\b[^>]*>/g)) {
      if (attr(m[0], 'TargetMode') === 'External') continue;
      const target = resolveTarget(name, attr(m[0], 'Target') ?? '');
      if (!pkg.parts.has(target)) problems.push(`${label}${name}: target ${target} does not exist`);
    }
  }
  for (const name of pkg.parts.keys()) {
    if (/^(ppt|word|xl)\/charts\/chart\d+\.xml$/.test(name) && typeOf(name) !== 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml') {
      problems.push(`${label}${name} lacks the chart content type`);
    }
    if (name.endsWith('.xlsx')) {
      if (typeOf(name) !== 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') problems.push(`${label}${name} lacks the workbook content type`);
      const inner = await readPackage(pkg.parts.get(name)!);
      problems.push(...(await checkPackage(inner, `${label}${name}: `)));
      try {
        const wb = XLSX.read(pkg.parts.get(name)!, { type: 'array' });
        if (wb.SheetNames.length === 0) problems.push(`${label}${name} has no sheet`);
      } catch (e) {
        problems.push(`${label}${name} is not a workbook: ${String(e)}`);
      }
    }
  }
  return problems;
}

/** The embedded workbook's first sheet as rows (header row first). */
export function sheetRows(xlsx: Uint8Array): unknown[][] {
  const wb = XLSX.read(xlsx, { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true });
}

/** Numbers in a chart part's value caches (c:val), series by series. */
export function chartValues(chartXml: string): { name: string; values: number[] }[] {
  const out: { name: string; values: number[] }[] = [];
  for (const m of chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
    const name = m[1].match(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/)?.[1] ?? '';
    const val = m[1].match(/<c:val>([\s\S]*?)<\/c:val>/)?.[1] ?? '';
    out.push({ name, values: [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])) });
  }
  return out;
}
