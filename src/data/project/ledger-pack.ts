/**
 * The 台账 history in columns: numbers in Float64Arrays, every text column as codes into
 * its distinct values. 697,000 events of a 100,000-row import save as a few typed arrays
 * (a structured clone of milliseconds) instead of 150 MB of JSON, and are checked by the
 * schema once per distinct value plus a loop over the numbers, not once per event.
 */
import type { LedgerEvent, LedgerValue } from '../../analysis/ledger/events';
import { valueFitsField } from '../ledger-values';
import { m, type Message } from '../../i18n';
import * as v from 'valibot';
import { describeIssue, LEDGER_FIELD_SCHEMAS } from './schemas';

export interface PackedColumn {
  codes: Uint32Array;
  values: unknown[];
}

export interface PackedEvents {
  kind: 'ledger-events';
  length: number;
  seq: Float64Array;
  change: Float64Array;
  /** NaN = null */
  undoes: Float64Array;
  community_id: PackedColumn;
  field: PackedColumn;
  from: PackedColumn;
  to: PackedColumn;
  date: PackedColumn;
  at: PackedColumn;
  by: PackedColumn;
  note: PackedColumn;
  source: PackedColumn;
}

const TEXT_COLUMNS = ['community_id', 'field', 'from', 'to', 'date', 'at', 'by', 'note', 'source'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];

function encoder(n: number) {
  const codes = new Uint32Array(n);
  const values: unknown[] = [];
  // keyed by the value itself (SameValueZero: 1 and '1' differ, null and undefined differ)
  const index = new Map<unknown, number>();
  // the events of one change share their community, date, time, user, note: most values repeat the previous one
  let prev: unknown = Symbol('none');
  let prevCode = 0;
  return {
    put(i: number, x: unknown) {
      if (x === prev) {
        codes[i] = prevCode;
        return;
      }
      let c = index.get(x);
      if (c === undefined) {
        c = values.length;
        values.push(x);
        index.set(x, c);
      }
      codes[i] = c;
      prev = x;
      prevCode = c;
    },
    done: (): PackedColumn => ({ codes, values }),
  };
}

const num = (x: unknown): number => (typeof x === 'number' ? x : Number.NaN);

/** Pack events (the app's, or anything read from a file: wrong types are kept, for the check to name). */
export function packEvents(events: readonly unknown[]): PackedEvents {
  const n = events.length;
  const seq = new Float64Array(n);
  const change = new Float64Array(n);
  const undoes = new Float64Array(n);
  const enc = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, encoder(n)])) as Record<TextColumn, ReturnType<typeof encoder>>;
  for (let i = 0; i < n; i++) {
    const raw = events[i];
    const e = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
    seq[i] = num(e.seq);
    change[i] = num(e.change);
    undoes[i] = e.undoes === null ? Number.NaN : typeof e.undoes === 'number' ? e.undoes : -1;
    for (const c of TEXT_COLUMNS) enc[c].put(i, e[c]);
  }
  const out = { kind: 'ledger-events', length: n, seq, change, undoes } as PackedEvents;
  for (const c of TEXT_COLUMNS) out[c] = enc[c].done();
  return out;
}

/** The events as objects. */
export function unpackEvents(p: PackedEvents): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  const col = (c: TextColumn, i: number) => p[c].values[p[c].codes[i]];
  for (let i = 0; i < p.length; i++) {
    out.push({
      seq: p.seq[i],
      change: p.change[i],
      community_id: col('community_id', i) as string,
      field: col('field', i) as LedgerEvent['field'],
      from: col('from', i) as LedgerValue,
      to: col('to', i) as LedgerValue,
      date: col('date', i) as string,
      at: col('at', i) as string,
      by: col('by', i) as string,
      note: col('note', i) as string | null,
      source: col('source', i) as LedgerEvent['source'],
      undoes: Number.isNaN(p.undoes[i]) ? null : p.undoes[i],
    });
  }
  return out;
}

export function isPackedEvents(x: unknown): x is PackedEvents {
  return !!x && typeof x === 'object' && (x as PackedEvents).kind === 'ledger-events';
}

/** Whether the columns are whole (lengths, codes in range) — a damaged browser copy is refused, not read past its end. */
function columnsWhole(p: PackedEvents): boolean {
  if (!Number.isInteger(p.length) || p.length < 0) return false;
  for (const a of [p.seq, p.change, p.undoes]) if (!(a instanceof Float64Array) || a.length !== p.length) return false;
  for (const c of TEXT_COLUMNS) {
    const col = p[c];
    if (!col || !(col.codes instanceof Uint32Array) || col.codes.length !== p.length || !Array.isArray(col.values)) return false;
    const max = col.values.length;
    for (let i = 0; i < p.length; i++) if (col.codes[i] >= max) return false;
  }
  return true;
}

/**
 * Check packed events with the history's schema: each distinct value of each column
 * once, the numbers in a loop (seq strictly increasing, whole numbers), every from/to
 * fitting its field. The first problem names the event: settings.ledger.events[k].date ….
 */
export function checkPackedEvents(p: PackedEvents, root = 'settings.ledger.events'): Message | null {
  if (!columnsWhole(p)) return m('data.ledger.columnsBroken', { root });
  const at = (k: number, f: string) => `${root}[${k}].${f}`;
  for (let k = 0; k < p.length; k++) {
    const s = p.seq[k];
    if (!Number.isInteger(s) || s < 0 || (k > 0 && s <= p.seq[k - 1])) return m('data.ledger.seq', { at: at(k, 'seq'), value: Number.isNaN(s) ? m('data.ledger.nan') : s });
    if (!Number.isInteger(p.change[k]) || p.change[k] < 0) return m('data.ledger.change', { at: at(k, 'change') });
    const u = p.undoes[k];
    if (!Number.isNaN(u) && !(Number.isInteger(u) && u >= 0)) return m('data.ledger.undoes', { at: at(k, 'undoes') });
  }
  const firstWith = (c: TextColumn, code: number) => p[c].codes.indexOf(code);
  for (const c of TEXT_COLUMNS) {
    const schema = LEDGER_FIELD_SCHEMAS[c];
    const values = p[c].values;
    for (let code = 0; code < values.length; code++) {
      const r = v.safeParse(schema, values[code], { abortEarly: true });
      if (!r.success) {
        const k = firstWith(c, code);
        if (k >= 0) return describeIssue(at(k, c), r.issues[0]);
      }
    }
  }
  // from / to fit their field: each distinct (field, value) pair once
  const fields = p.field.values as string[];
  for (const c of ['from', 'to'] as const) {
    const seen = new Set<number>();
    const nv = p[c].values.length;
    for (let k = 0; k < p.length; k++) {
      const pair = p.field.codes[k] * nv + p[c].codes[k];
      if (seen.has(pair)) continue;
      seen.add(pair);
      const x = p[c].values[p[c].codes[k]] as LedgerValue;
      if (x !== null && !valueFitsField(fields[p.field.codes[k]], x)) return m('data.ledger.value', { at: at(k, c), value: JSON.stringify(x) });
    }
  }
  return null;
}
