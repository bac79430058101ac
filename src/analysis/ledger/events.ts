/**
 * The ledger's history: an append-only list of field changes of communities
 * (`ledger_events`). One user action (a status change, one imported row, an undo)
 * is one `change` holding one event per field it touched. The current rows are the
 * rows with every change applied; `ledgerAt` rewinds them to any date.
 */
import type { Community } from '../model';

/** A value as the history keeps it (dates as 'YYYY-MM-DD' text). */
export type LedgerValue = string | number | boolean | null;

export type LedgerSource = 'edit' | 'import' | 'undo';

export interface LedgerEvent {
  /** recording order, strictly increasing */
  seq: number;
  /** the action this event belongs to (shared by the events of one action) */
  change: number;
  community_id: string;
  /** a field of the communities layer ('id' with from = null: the row was added) */
  field: keyof Community & string;
  from: LedgerValue;
  to: LedgerValue;
  /** date the change took effect, 'YYYY-MM-DD' (China) */
  date: string;
  /** ISO time of recording */
  at: string;
  /** who recorded it (the name typed once per browser) */
  by: string;
  note: string | null;
  source: LedgerSource;
  /** for an undo: the change it reverses */
  undoes: number | null;
}

/** Fields never tracked (geometry text is large and comes with the coordinates). */
const UNTRACKED = new Set<string>(['geometry']);

/** Whether two ledger values are the same (null/undefined/'' alike). */
export function sameValue(a: unknown, b: unknown): boolean {
  const na = a === undefined || a === '' ? null : a;
  const nb = b === undefined || b === '' ? null : b;
  return na === nb || (typeof na === 'number' && typeof nb === 'number' && Number.isNaN(na) && Number.isNaN(nb));
}

/** The tracked field changes from `before` (null = new row) to `after`. */
export function diffCommunity(before: Community | null, after: Community, fields: readonly (keyof Community & string)[]): { field: keyof Community & string; from: LedgerValue; to: LedgerValue }[] {
  const out: { field: keyof Community & string; from: LedgerValue; to: LedgerValue }[] = [];
  if (!before) out.push({ field: 'id', from: null, to: after.id });
  for (const f of fields) {
    if (UNTRACKED.has(f) || f === 'id') continue;
    const from = before ? ((before[f] ?? null) as LedgerValue) : null;
    const to = (after[f] ?? null) as LedgerValue;
    if (!sameValue(from, to)) out.push({ field: f, from, to });
  }
  return out;
}

/**
 * Rows with the events applied in order (new objects only for rows that change). `added`
 * rows are appended first (an 'id' event from null records them); an 'id' event to
 * null (an undone addition) removes its row.
 */
export function applyEvents(rows: readonly Community[], events: readonly LedgerEvent[], added: readonly Community[] = []): Community[] {
  const byId = new Map<string, number>();
  const out = rows.slice();
  out.forEach((r, i) => byId.set(r.id, i));
  for (const r of added) {
    if (!byId.has(r.id)) {
      byId.set(r.id, out.length);
      out.push(r);
    }
  }
  const copied = new Set<number>();
  const removed = new Set<number>();
  for (const e of events) {
    if (e.field === 'id') {
      // an undone addition removes the row
      const i = byId.get(e.community_id);
      if (e.to === null && i !== undefined) removed.add(i);
      continue;
    }
    const i = byId.get(e.community_id);
    if (i === undefined) continue;
    if (!copied.has(i)) {
      out[i] = { ...out[i] };
      copied.add(i);
    }
    (out[i] as unknown as Record<string, LedgerValue>)[e.field] = e.to;
  }
  return removed.size > 0 ? out.filter((_r, i) => !removed.has(i)) : out;
}

/**
 * The ledger as it stood at the end of `dateIso`: every field that has history takes
 * the `to` of its last event on or before that date, or the `from` of its first
 * event when all its events are later. Rows added after the date are left out; a row whose
 * status has no history and was reached after the date (status_date) shows no status then.
 * `rows` are the current rows (all events applied); events in recording order.
 */
export function ledgerAt(rows: readonly Community[], events: readonly LedgerEvent[], dateIso: string): Community[] {
  const state = new Map<string, Map<string, { first: LedgerEvent; last: LedgerEvent | null }>>();
  for (const e of events) {
    let fields = state.get(e.community_id);
    if (!fields) state.set(e.community_id, (fields = new Map()));
    const s = fields.get(e.field);
    const inTime = e.date <= dateIso;
    if (!s) fields.set(e.field, { first: e, last: inTime ? e : null });
    else if (inTime) s.last = e;
  }
  const out: Community[] = [];
  for (let r of rows) {
    const fields = state.get(r.id);
    if (!fields?.has('supporting_kg_status') && r.status_date && r.status_date > dateIso) {
      // its status was reached after the date and nothing earlier is known: not yet recorded then
      const copy = { ...r, supporting_kg_status: null, status_date: null };
      if (!fields) {
        out.push(copy);
        continue;
      }
      r = copy;
    }
    if (!fields) {
      out.push(r);
      continue;
    }
    const created = fields.get('id');
    // added by an import or edit after the date (and never removed: rows are not deleted by the ledger)
    if (created && ((created.first.from === null && created.last === null) || (created.last !== null && created.last.to === null))) continue;
    const copy = { ...r } as unknown as Record<string, LedgerValue>;
    for (const [field, s] of fields) {
      if (field === 'id') continue;
      copy[field] = s.last ? s.last.to : s.first.from;
    }
    out.push(copy as unknown as Community);
  }
  return out;
}

/** The last change that is neither an undo nor undone (what 撤销 reverses), or null. */
export function lastUndoableChange(events: readonly LedgerEvent[]): number | null {
  const undone = new Set<number>();
  for (const e of events) if (e.undoes !== null) undone.add(e.undoes);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.source !== 'undo' && !undone.has(e.change)) return e.change;
  }
  return null;
}

/** The events of one change. */
export function eventsOfChange(events: readonly LedgerEvent[], change: number): LedgerEvent[] {
  return events.filter((e) => e.change === change);
}
