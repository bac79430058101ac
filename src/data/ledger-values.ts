/** Which values a field of the communities layer may hold (the 台账 history's values are checked against it). */
import type { LedgerValue } from '../analysis/ledger/events';
import { LAYERS } from './schema';

const COMMUNITY_FIELDS = new Map(LAYERS.communities.fields.map((f) => [f.name, f]));

/** Whether `v` is a value the communities layer's field may hold (type, range, allowed values, a real date). */
export function valueFitsField(field: string, v: LedgerValue): boolean {
  const fd = COMMUNITY_FIELDS.get(field);
  if (!fd || fd.type === 'geometry') return false;
  if (v === null || v === '') return !fd.required || field === 'id';
  switch (fd.type) {
    case 'number':
    case 'integer':
      return typeof v === 'number' && Number.isFinite(v) && (fd.type === 'number' || Number.isInteger(v)) && (fd.min === undefined || v >= fd.min) && (fd.max === undefined || v <= fd.max);
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && (fd.values ?? []).includes(v);
    case 'date': {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }
    default:
      return typeof v === 'string' && v.length <= 2000;
  }
}
