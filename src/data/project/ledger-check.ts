/**
 * Validation of a saved ledger history (project file or browser copy): every event
 * well-formed, in recording order, about a field of the communities layer, and the
 * history ending where the rows are (the last `to` of each field is the row's value).
 * Answers with a message naming the event and field; a bad history refuses the project.
 */
import { sameValue, type LedgerEvent } from '../../analysis/ledger/events';
import { m, type Message } from '../../i18n';
import { fieldKey, type Community } from '../schema';
import { checkPackedEvents, isPackedEvents, packEvents, unpackEvents } from './ledger-pack';

/** The events, or the first problem found. */
export function checkLedgerEvents(raw: unknown, communities: readonly Community[]): { events: LedgerEvent[] } | { error: Message } {
  const where = m('data.ledger.where');
  if (raw === undefined || raw === null) return { events: [] };
  const cached = checked.get(raw as object);
  if (cached && cached.communities === communities) return cached.result;
  const result = checkNow(raw, communities, where);
  if (typeof raw === 'object') checked.set(raw as object, { communities, result });
  return result;
}

/** Checked histories (a project is checked before it is applied, and again when applied: once is enough). */
const checked = new WeakMap<object, { communities: readonly Community[]; result: { events: LedgerEvent[] } | { error: Message } }>();

function checkNow(raw: unknown, communities: readonly Community[], where: Message): { events: LedgerEvent[] } | { error: Message } {
  // columns (the browser copy) or an array (a file): both checked by the schema, column by column
  if (!isPackedEvents(raw) && !Array.isArray(raw)) return { error: m('data.ledger.notArray', { where }) };
  const packed = isPackedEvents(raw) ? raw : packEvents(raw);
  const bad = checkPackedEvents(packed);
  if (bad) return { error: m('data.ledger.at', { where, problem: bad }) };
  const events = unpackEvents(packed);
  const last = new Map<string, LedgerEvent>();
  for (const e of events) last.set(`${e.community_id}\u0000${e.field}`, e);
  const byId = new Map(communities.map((c) => [c.id, c]));
  for (const e of last.values()) {
    const row = byId.get(e.community_id);
    if (e.field === 'id') {
      if ((e.to === null) !== (row === undefined)) return { error: m(row ? 'data.ledger.undoneButPresent' : 'data.ledger.notInLayer', { where, id: e.community_id }) };
      continue;
    }
    if (!row) return { error: m('data.ledger.unknownCommunity', { where, id: e.community_id }) };
    const value = (row as unknown as Record<string, unknown>)[e.field];
    if (!sameValue(value, e.to)) {
      return { error: m('data.ledger.mismatch', { where, id: e.community_id, field: m(fieldKey('communities', e.field)), value: String(value ?? ''), last: String(e.to ?? '') }) };
    }
  }
  return { events };
}
