/**
 * KML/KMZ → one Sheet of placemarks via @tmcw/togeojson. The XML is parsed with
 * xmldom, not the page's DOMParser, so KML is read in the import worker like every
 * other format (a 306 KB KMZ used to stall the page for 5.7 s on the main thread).
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { decodeText } from './decode-text';
import { m } from '../../i18n';
import { kmlTooLarge, tooManyRows } from './limit-messages';
import { MAX_KML_BYTES, MAX_ROWS } from './limits';
import { featuresToParsed } from './read-geojson';
import { fatalFile, fileIssue, type InputFile, type ParsedFile } from './types';
import { unzipChecked } from './zip-check';

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

/** xmldom, stopping at the first well-formedness error (its warnings would only go to the console). */
export function xmlParser(): DomParserLike {
  return new XmlDomParser({
    onError: (level: string, message: string) => {
      if (level === 'fatalError') throw new Error(message);
    },
  }) as unknown as DomParserLike;
}

/** `<Placemark` occurrences in the raw bytes, counting stops past `stop` (before a DOM is built for them). */
function countPlacemarks(bytes: Uint8Array, stop: number): number {
  const tag = [0x3c, 0x50, 0x6c, 0x61, 0x63, 0x65, 0x6d, 0x61, 0x72, 0x6b]; // "<Placemark"
  let n = 0;
  for (let i = bytes.indexOf(0x3c); i >= 0 && n <= stop; i = bytes.indexOf(0x3c, i + 1)) {
    let k = 1;
    while (k < tag.length && bytes[i + k] === tag[k]) k++;
    if (k === tag.length) n++;
  }
  return n;
}

/** Read KML text bytes (in any thread: no DOM needed). */
export function readKml(file: InputFile, domParser?: DomParserLike): ParsedFile {
  const { name, bytes } = file;
  if (bytes.length === 0) return fatalFile(name, 'kml', m('data.file.empty', { name }));
  if (bytes.length > MAX_KML_BYTES) return fatalFile(name, 'kml', kmlTooLarge(name, bytes.length));
  if (countPlacemarks(bytes, MAX_ROWS) > MAX_ROWS) return fatalFile(name, 'kml', tooManyRows(name, MAX_ROWS, 'placemarks'));
  const parser = domParser ?? xmlParser();
  const declared = xmlDeclaredEncoding(bytes);
  const dec = decodeText(bytes, declared);
  const issues = dec.warning ? [fileIssue(name, dec.warning, 'warning')] : [];
  type Doc = { getElementsByTagName(n: string): { length: number } } | null;
  let doc: Doc = null;
  try {
    doc = parser.parseFromString(dec.text, 'text/xml') as Doc;
  } catch (e) {
    return fatalFile(name, 'kml', m('data.kml.badXmlError', { name, error: String((e as Error)?.message ?? e).slice(0, 80) }), { encoding: dec.encoding });
  }
  if (!doc || doc.getElementsByTagName('parsererror').length > 0) {
    return fatalFile(name, 'kml', m('data.kml.badXml', { name }), { encoding: dec.encoding });
  }
  if (doc.getElementsByTagName('kml').length === 0 && doc.getElementsByTagName('Placemark').length === 0) {
    return fatalFile(name, 'kml', m('data.kml.noContent', { name }), { encoding: dec.encoding });
  }
  let fc: { features: { type: string; properties: Record<string, unknown> | null; geometry: unknown }[] };
  try {
    fc = kml(doc as unknown as Document) as unknown as typeof fc;
  } catch (e) {
    return fatalFile(name, 'kml', m('data.kml.unreadable', { name, error: String((e as Error)?.message ?? e).slice(0, 80) }));
  }
  if (fc.features.length > MAX_ROWS) return fatalFile(name, 'kml', tooManyRows(name, fc.features.length, 'features'));
  const features = fc.features.map((f) => {
    const p: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) if (!STYLE_KEYS.has(k)) p[k] = v;
    return { ...f, properties: p };
  });
  return featuresToParsed(name, 'kml', name.replace(/\.[^.]+$/, ''), features, { encoding: dec.encoding, issues });
}

/** Read a KMZ (zipped KML: the first .kml inside). */
export async function readKmz(file: InputFile, domParser?: DomParserLike): Promise<ParsedFile> {
  const zip = await unzipChecked('kmz', file.name, file.bytes);
  if ('problem' in zip) return fatalFile(file.name, 'kml', zip.problem);
  const { entries } = zip;
  const key = [...entries.keys()].find((k) => /\.kml$/i.test(k));
  if (!key) return fatalFile(file.name, 'kml', m('data.kml.kmzNoKml', { name: file.name }));
  const res = readKml({ name: file.name, bytes: entries.get(key)! }, domParser);
  return res;
}
