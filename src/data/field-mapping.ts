/** Guess which file column holds which schema field, from Chinese and English header names. */
import { LAYERS, fieldLabel, type LayerId } from './schema';

const norm = (s: string): string =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()【】[\]：:]/g, '');

/** field name → index of the header it maps to; unmatched fields are absent. */
export type FieldMapping = Record<string, number>;

export function guessFieldMapping(layer: LayerId, headers: string[]): FieldMapping {
  const normHeaders = headers.map(norm);
  const used = new Set<number>();
  const mapping: FieldMapping = {};
  // exact field-name matches first, then Chinese labels, then aliases in order
  const passes: ((fd: (typeof LAYERS)[LayerId]['fields'][number]) => string[])[] = [
    (fd) => [fd.name],
    (fd) => [fieldLabel('zh', layer, fd.name)],
    (fd) => fd.aliases,
  ];
  for (const pass of passes) {
    for (const fd of LAYERS[layer].fields) {
      if (mapping[fd.name] !== undefined) continue;
      for (const cand of pass(fd)) {
        const i = normHeaders.findIndex((h, k) => !used.has(k) && h === norm(cand));
        if (i >= 0) {
          mapping[fd.name] = i;
          used.add(i);
          break;
        }
      }
    }
  }
  return mapping;
}

/** Required fields of `layer` that `mapping` leaves unmapped. */
export function missingRequiredFields(layer: LayerId, mapping: FieldMapping): string[] {
  return LAYERS[layer].fields.filter((fd) => fd.required && fd.type !== 'geometry' && mapping[fd.name] === undefined).map((fd) => fd.name);
}

/**
 * guessFieldMapping, then a looser pass for fields still unmapped: a header that
 * contains a field's Chinese label or an alias of 2+ characters ("百度经度",
 * "学位数（个）", "lng_bd09") maps to it, longest match first.
 */
export function guessFieldMappingLoose(layer: LayerId, headers: string[]): FieldMapping {
  const mapping = guessFieldMapping(layer, headers);
  const used = new Set(Object.values(mapping));
  const normHeaders = headers.map(norm);
  const cands: { field: string; header: number; len: number }[] = [];
  for (const fd of LAYERS[layer].fields) {
    if (mapping[fd.name] !== undefined || fd.type === 'geometry') continue;
    const words = [fieldLabel('zh', layer, fd.name), ...fd.aliases].map(norm).filter((w) => w.length >= 2);
    normHeaders.forEach((h, i) => {
      if (used.has(i)) return;
      let best = 0;
      for (const w of words) if (h.includes(w) && w.length > best) best = w.length;
      if (best > 0) cands.push({ field: fd.name, header: i, len: best });
    });
  }
  cands.sort((a, b) => b.len - a.len);
  for (const c of cands) {
    if (mapping[c.field] !== undefined || used.has(c.header)) continue;
    mapping[c.field] = c.header;
    used.add(c.header);
  }
  return mapping;
}
