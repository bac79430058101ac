/**
 * Validation of a saved ledger history (project file or browser copy): every event
 * well-formed, in recording order, about a field of the communities layer, and the
 * history ending where the rows are (the last `to` of each field is the row's value).
 * Answers in Chinese naming the event and field; a bad history refuses the project.
 */
import { sameValue, type LedgerEvent } from '../../analysis/ledger/events';
import { fieldLabel, type Community } from '../schema';
import { checkPackedEvents, isPackedEvents, packEvents, unpackEvents } from './ledger-pack';

/** The events, or the first problem found. */
export function checkLedgerEvents(raw: unknown, communities: readonly Community[]): { events: LedgerEvent[] } | { error: string } {
  const where = '项目中的配套园台账历史';
  if (raw === undefined || raw === null) return { events: [] };
  const cached = checked.get(raw as object);
  if (cached && cached.communities === communities) return cached.result;
  const result = checkNow(raw, communities, where);
  if (typeof raw === 'object') checked.set(raw as object, { communities, result });
  return result;
}

/** Checked histories (a project is checked before it is applied, and again when applied: once is enough). */
const checked = new WeakMap<object, { communities: readonly Community[]; result: { events: LedgerEvent[] } | { error: string } }>();

function checkNow(raw: unknown, communities: readonly Community[], where: string): { events: LedgerEvent[] } | { error: string } {
  // columns (the browser copy) or an array (a file): both checked by the schema, column by column
  if (!isPackedEvents(raw) && !Array.isArray(raw)) return { error: `${where}：settings.ledger.events 应为数组` };
  const packed = isPackedEvents(raw) ? raw : packEvents(raw);
  const bad = checkPackedEvents(packed);
  if (bad) return { error: `${where}：${bad}` };
  const events = unpackEvents(packed);
  const last = new Map<string, LedgerEvent>();
  for (const e of events) last.set(`${e.community_id}\u0000${e.field}`, e);
  const byId = new Map(communities.map((c) => [c.id, c]));
  for (const e of last.values()) {
    const row = byId.get(e.community_id);
    if (e.field === 'id') {
      if ((e.to === null) !== (row === undefined)) return { error: `${where}与小区图层不一致：小区“${e.community_id}”${row ? '已被撤销添加却仍在图层中' : '不在图层中'}` };
      continue;
    }
    if (!row) return { error: `${where}记录了不存在的小区“${e.community_id}”` };
    const value = (row as unknown as Record<string, unknown>)[e.field];
    if (!sameValue(value, e.to)) {
      const label = fieldLabel('zh', 'communities', e.field);
      return { error: `${where}与小区图层不一致：小区“${e.community_id}”的${label}为“${String(value ?? '')}”，历史最后记录为“${String(e.to ?? '')}”` };
    }
  }
  return { events };
}
