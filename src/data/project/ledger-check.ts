/**
 * Validation of a saved ledger history (project file or browser copy): every event
 * well-formed, in recording order, about a field of the communities layer, and the
 * history ending where the rows are (the last `to` of each field is the row's value).
 * Answers in Chinese naming the event and field; a bad history refuses the project.
 */
import { sameValue, type LedgerEvent } from '../../analysis/ledger/events';
import { LAYERS, SUPPORTING_KG_STATUSES, type Community } from '../schema';

const FIELDS = new Set(LAYERS.communities.fields.map((f) => f.name));
const SOURCES = new Set(['edit', 'import', 'undo']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isScalar = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The events, or the first problem found. */
export function checkLedgerEvents(raw: unknown, communities: readonly Community[]): { events: LedgerEvent[] } | { error: string } {
  const where = '项目中的配套园台账历史';
  if (raw === undefined || raw === null) return { events: [] };
  if (!Array.isArray(raw)) return { error: `${where}（settings.ledger.events）应为数组` };
  let prevSeq = -Infinity;
  const last = new Map<string, LedgerEvent>();
  for (const [k, e] of raw.entries()) {
    const at = `${where}第 ${k + 1} 条（settings.ledger.events[${k}]）`;
    if (!e || typeof e !== 'object') return { error: `${at}不是对象` };
    const x = e as Record<string, unknown>;
    if (typeof x.seq !== 'number' || !Number.isInteger(x.seq) || x.seq <= prevSeq) return { error: `${at}的序号 seq 应为递增整数` };
    prevSeq = x.seq;
    if (typeof x.change !== 'number' || !Number.isInteger(x.change)) return { error: `${at}的 change 应为整数` };
    if (typeof x.community_id !== 'string' || !x.community_id) return { error: `${at}缺少小区编号 community_id` };
    if (typeof x.field !== 'string' || !FIELDS.has(x.field) || x.field === 'geometry') return { error: `${at}的字段“${String(x.field)}”不是小区图层的字段` };
    if (!isScalar(x.from) || !isScalar(x.to)) return { error: `${at}的 from / to 应为文本、数字、是否或空` };
    if (x.field === 'supporting_kg_status') {
      for (const v of [x.from, x.to]) if (v !== null && !SUPPORTING_KG_STATUSES.includes(v as never)) return { error: `${at}的配套园状态“${String(v)}”无效` };
    }
    if (typeof x.date !== 'string' || !DATE.test(x.date)) return { error: `${at}的日期 date 应为 YYYY-MM-DD` };
    if (typeof x.at !== 'string' || typeof x.by !== 'string') return { error: `${at}缺少记录时间 at 或记录人 by` };
    if (x.note !== null && typeof x.note !== 'string') return { error: `${at}的备注 note 应为文本` };
    if (typeof x.source !== 'string' || !SOURCES.has(x.source)) return { error: `${at}的来源 source 应为 edit / import / undo` };
    if (x.undoes !== null && typeof x.undoes !== 'number') return { error: `${at}的 undoes 应为数字或空` };
    last.set(`${x.community_id}\u0000${x.field}`, x as unknown as LedgerEvent);
  }
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
      const label = LAYERS.communities.fields.find((f) => f.name === e.field)?.zh ?? e.field;
      return { error: `${where}与小区图层不一致：小区“${e.community_id}”的${label}为“${String(value ?? '')}”，历史最后记录为“${String(e.to ?? '')}”` };
    }
  }
  return { events: raw as LedgerEvent[] };
}
