/**
 * Remembering the column mapping a user chose, per layer and header set
 * (localStorage in the app; any getItem/setItem store in tests).
 */
import type { FieldMapping } from '../field-mapping';
import type { LayerId } from '../schema';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface RememberedMapping {
  mapping: FieldMapping;
  defaults: Record<string, string | number | boolean | null>;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** localStorage key for a layer and a header set (order-sensitive). */
export function mappingMemoryKey(layer: LayerId, headers: string[]): string {
  return `xwgh.import.mapping.${layer}.${fnv1a(headers.join('\u001f'))}`;
}

/** Store the mapping (by header name, so it survives column reordering of the same header set) and defaults. */
export function rememberMapping(store: KeyValueStore, layer: LayerId, headers: string[], mapping: FieldMapping, defaults: RememberedMapping['defaults'] = {}): void {
  const fields: Record<string, string> = {};
  for (const [f, i] of Object.entries(mapping)) if (headers[i] !== undefined) fields[f] = headers[i];
  try {
    store.setItem(mappingMemoryKey(layer, headers), JSON.stringify({ v: 1, fields, defaults }));
  } catch {
    // storage full or disabled: remembering is a convenience only
  }
}

/** The remembered mapping for this layer and header set, or null. */
export function recallMapping(store: KeyValueStore, layer: LayerId, headers: string[]): RememberedMapping | null {
  let raw: string | null;
  try {
    raw = store.getItem(mappingMemoryKey(layer, headers));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const doc = JSON.parse(raw) as { v?: number; fields?: Record<string, string>; defaults?: RememberedMapping['defaults'] };
    if (doc.v !== 1 || !doc.fields) return null;
    const mapping: FieldMapping = {};
    for (const [f, h] of Object.entries(doc.fields)) {
      const i = headers.indexOf(h);
      if (i >= 0) mapping[f] = i;
    }
    return { mapping, defaults: doc.defaults ?? {} };
  } catch {
    return null;
  }
}
