/**
 * Post-processing of pptxgenjs 4.0.1 output so PowerPoint opens it without a repair prompt
 * (gitbrent/PptxGenJS issues #1444, #1449, PR #1462; validated the same way in the tests:
 * test/ui/present/ooxml-check.ts):
 * - [Content_Types].xml lists an Override per slide for slideMaster2…N, which do not exist:
 *   Overrides naming a missing part are dropped;
 * - `image/jpg` is not a registered type: written as `image/jpeg`;
 * - Default entries are kept only for extensions the package uses (video, svg, vml … are
 *   declared even when absent);
 * - a solid slide background gets the `<a:effectLst/>` PowerPoint writes itself;
 * - the notes master's six placeholder shapes, which PowerPoint removes on repair (#1443), are
 *   left out: the notes master keeps what PowerPoint's repair keeps (background, an empty
 *   shape tree, colour map, notes text styles).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export function fixContentTypes(xml: string, partNames: Set<string>): string {
  const exts = new Set([...partNames].map((n) => n.split('.').pop()!.toLowerCase()));
  return xml
    .replace(/\s*<Override\s+PartName="\/?([^"]+)"[^>]*\/>/g, (m, name: string) => (partNames.has(name) ? m : ''))
    .replace(/\s*<Default\s+Extension="([^"]+)"[^>]*\/>/g, (m, ext: string) => (exts.has(ext.toLowerCase()) ? m : ''))
    .replace(/ContentType="image\/jpg"/g, 'ContentType="image/jpeg"');
}

export const fixBackground = (xml: string): string => xml.replace(/(<p:bgPr>\s*<a:solidFill>[\s\S]*?<\/a:solidFill>)(\s*<\/p:bgPr>)/g, '$1<a:effectLst/>$2');

/** The notes master's shape tree without its placeholder shapes (PowerPoint's repaired form, #1443). */
export const fixNotesMaster = (xml: string): string => xml.replace(/(<p:spTree>[\s\S]*?<\/p:grpSpPr>)[\s\S]*?(<\/p:spTree>)/, '$1$2');

export async function fixPptxPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = unzipSync(bytes);
  const names = new Set(Object.keys(parts).filter((n) => !n.endsWith('/') && n !== '[Content_Types].xml'));
  // [Content_Types].xml first, as Office writes it; media and workbooks stored (already compressed)
  const out: Zippable = { '[Content_Types].xml': strToU8(fixContentTypes(strFromU8(parts['[Content_Types].xml']), names)) };
  for (const n of names) {
    let data = parts[n];
    if (/^ppt\/(slides|slideMasters|slideLayouts)\/[^/]+\.xml$/.test(n)) data = strToU8(fixBackground(strFromU8(data)));
    if (n === 'ppt/notesMasters/notesMaster1.xml') data = strToU8(fixNotesMaster(strFromU8(data)));
    out[n] = /\.(png|jpe?g|gif|xlsx)$/i.test(n) ? [data, { level: 0 }] : data;
  }
  return zipSync(out, { level: 6 });
}
