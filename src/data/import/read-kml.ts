/**
 * KML/KMZ → one Sheet of placemarks via @tmcw/togeojson. The XML is parsed with
 * @xmldom/xmldom where there is no DOMParser (the import worker, Node), so KML is
 * read off the page's thread like every other format.
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { decodeText } from './decode-text';
import { featuresToParsed } from './read-geojson';
import { unzipEntries } from './read-shapefile';
import { fatalFile, fileIssue, type InputFile, type ParsedFile } from './types';
import { checkZip, zipProblemZh } from './zip-check';

/** The part of DOMParser the KML reader needs. */
export interface DomParserLike {
  parseFromString(text: string, mime: string): unknown;
}

const STYLE_KEYS = new Set(['styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity', 'icon', 'icon-scale', 'icon-color', 'icon-opacity', 'label-scale', 'label-color', 'label-opacity', 'icon-heading', 'icon-offset', 'icon-offset-units', 'visibility']);

function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m ? m[1] : null;
}

/** Read KML text bytes. */
export function readKml(file: InputFile, domParser?: DomParserLike): ParsedFile {
  const { name, bytes } = file;
  if (bytes.length === 0) return fatalFile(name, 'kml', `文件“${name}”是空文件`);
  const Parser = (globalThis as { DOMParser?: new () => DomParserLike }).DOMParser;
  const parser: DomParserLike = domParser ?? (Parser ? new Parser() : (new XmlDomParser({ onError: () => {} }) as unknown as DomParserLike));
  const declared = xmlDeclaredEncoding(bytes);
  const dec = decodeText(bytes, declared);
  const issues = dec.warningZh ? [fileIssue(name, dec.warningZh, 'warning')] : [];
  type Doc = { getElementsByTagName(n: string): { length: number } } | null;
  let doc: Doc = null;
  try {
    doc = parser.parseFromString(dec.text, 'text/xml') as Doc;
  } catch (e) {
    return fatalFile(name, 'kml', `文件“${name}”不是有效的 KML（XML 格式错误，可能被截断：${String((e as Error)?.message ?? e).slice(0, 80)}）`, { encoding: dec.encoding });
  }
  if (!doc || doc.getElementsByTagName('parsererror').length > 0) {
    return fatalFile(name, 'kml', `文件“${name}”不是有效的 KML（XML 格式错误，可能被截断）`, { encoding: dec.encoding });
  }
  if (doc.getElementsByTagName('kml').length === 0 && doc.getElementsByTagName('Placemark').length === 0) {
    return fatalFile(name, 'kml', `文件“${name}”中没有 KML 内容（<kml>/<Placemark>）`, { encoding: dec.encoding });
  }
  let fc: { features: { type: string; properties: Record<string, unknown> | null; geometry: unknown }[] };
  try {
    fc = kml(doc as unknown as Document) as unknown as typeof fc;
  } catch (e) {
    return fatalFile(name, 'kml', `文件“${name}”的 KML 内容无法读取（${String((e as Error)?.message ?? e).slice(0, 80)}）`);
  }
  const features = fc.features.map((f) => {
    const p: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) if (!STYLE_KEYS.has(k)) p[k] = v;
    return { ...f, properties: p };
  });
  return featuresToParsed(name, 'kml', name.replace(/\.[^.]+$/, ''), features, { encoding: dec.encoding, issues });
}

/** Read a KMZ (zipped KML: the first .kml inside). */
export async function readKmz(file: InputFile, domParser?: DomParserLike): Promise<ParsedFile> {
  const bad = await checkZip(file.bytes);
  if (bad) return fatalFile(file.name, 'kml', zipProblemZh(file.name, 'KMZ 文件', bad));
  let entries: Map<string, Uint8Array>;
  try {
    entries = await unzipEntries(file.bytes);
  } catch {
    return fatalFile(file.name, 'kml', `KMZ 文件“${file.name}”已损坏或被截断，无法解压`);
  }
  const key = [...entries.keys()].find((k) => /\.kml$/i.test(k));
  if (!key) return fatalFile(file.name, 'kml', `KMZ 文件“${file.name}”中没有 .kml`);
  const res = readKml({ name: file.name, bytes: entries.get(key)! }, domParser);
  return res;
}
