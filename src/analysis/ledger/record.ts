/**
 * Building the history's changes: a status change typed by a user, the rows of an
 * imported 台账, an undo. Pure: the caller gives the clock, the user and the next
 * sequence numbers, and appends what comes back.
 */
import type { Community, SupportingKgStatus } from '../model';
import { LEDGER_OPEN_STATUSES } from '../supply';
import type { PlanMessage } from '../plan/plan-types';
import { diffCommunity, eventsOfChange, lastUndoableChange, type LedgerEvent, type LedgerSource } from './events';
import { checkTransition } from './workflow';

export interface ChangeContext {
  /** sequence number of the first new event */
  seq: number;
  /** number of the new change */
  change: number;
  by: string;
  /** ISO time now */
  at: string;
  /** today in China, 'YYYY-MM-DD' */
  today: string;
}

const OPEN = new Set<string>(LEDGER_OPEN_STATUSES);

function eventsFrom(ctx: ChangeContext, communityId: string, date: string, note: string | null, source: LedgerSource, diffs: { field: LedgerEvent['field']; from: LedgerEvent['from']; to: LedgerEvent['to'] }[], undoes: number | null = null): LedgerEvent[] {
  return diffs.map((d, k) => ({ seq: ctx.seq + k, change: ctx.change, community_id: communityId, field: d.field, from: d.from, to: d.to, date, at: ctx.at, by: ctx.by, note, source, undoes }));
}

/** Date of the last event of a community, or null. */
export function lastEventDate(events: readonly LedgerEvent[], communityId: string): string | null {
  let d: string | null = null;
  for (const e of events) if (e.community_id === communityId && (d === null || e.date > d)) d = e.date;
  return d;
}

/**
 * A status change of one community: the workflow decides (checkTransition), a note is
 * required where the table says so, the date (default today) may not be in the future
 * nor before the community's last recorded change. Stamps 状态日期, and 开园日期 when the
 * 配套园 opens. Returns the events, or the reason it is refused (a catalogue message).
 */
export function buildStatusChange(
  row: Community,
  to: SupportingKgStatus,
  opts: { note?: string | null; date?: string | null },
  history: readonly LedgerEvent[],
  ctx: ChangeContext,
): { events: LedgerEvent[]; notice: PlanMessage | null } | { error: PlanMessage } {
  const from = row.supporting_kg_status ?? null;
  const check = checkTransition(from, to);
  if (!check.ok) return { error: check.message };
  const note = opts.note?.trim() || null;
  if (check.noteRequired && !note) return { error: { key: 'ledger.noteRequired', values: { from: from ?? '', to } } };
  const date = opts.date || ctx.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { error: { key: 'ledger.dateInvalid', values: { date } } };
  if (date > ctx.today) return { error: { key: 'ledger.dateFuture', values: { date, today: ctx.today } } };
  const last = lastEventDate(history, row.id);
  if (last && date < last) return { error: { key: 'ledger.dateBeforeLast', values: { date, last } } };
  const after: Community = { ...row, supporting_kg_status: to, status_date: date };
  if (OPEN.has(to) && !(from && OPEN.has(from))) after.opened_date = date;
  const diffs = diffCommunity(row, after, ['supporting_kg_status', 'status_date', 'opened_date']);
  return { events: eventsFrom(ctx, row.id, date, note, 'edit', diffs), notice: check.message };
}

/** Fields a user edits in the ledger besides the status. */
export const LEDGER_EDIT_FIELDS = ['responsible_line', 'responsible_unit', 'deadline', 'developer'] as const;
export type LedgerEditField = (typeof LEDGER_EDIT_FIELDS)[number];

/** An edit of 责任条线 / 责任单位 / 办结期限 / 开发单位 (one change; nothing when no value differs). */
export function buildFieldChange(row: Community, patch: Partial<Pick<Community, LedgerEditField>>, note: string | null, ctx: ChangeContext): LedgerEvent[] {
  const after = { ...row, ...patch };
  if (after.deadline !== null && after.deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(after.deadline)) return [];
  return eventsFrom(ctx, row.id, ctx.today, note?.trim() || null, 'edit', diffCommunity(row, after, LEDGER_EDIT_FIELDS as unknown as (keyof Community & string)[]));
}

/**
 * The changes an imported 台账 makes, updating rows by 小区编号: only `fields` (the
 * columns the file maps) are compared; a row whose 编号 is new is added. One change per
 * row that differs, numbered from ctx.change; events dated `ctx.today` (or the row's
 * 状态日期 when the file gives one and the status changes).
 */
export function buildImportChanges(
  current: readonly Community[],
  incoming: readonly Community[],
  fields: readonly (keyof Community & string)[],
  ctx: ChangeContext,
  note: string,
): { events: LedgerEvent[]; rows: Community[]; changedRows: number; addedRows: number } {
  const byId = new Map(current.map((r, i) => [r.id, i]));
  const rows = current.slice();
  const events: LedgerEvent[] = [];
  let change = ctx.change;
  let seq = ctx.seq;
  let changedRows = 0;
  let addedRows = 0;
  for (const inc of incoming) {
    const i = byId.get(inc.id);
    const before = i === undefined ? null : rows[i];
    const after: Community = before ? { ...before } : inc;
    if (before) for (const f of fields) (after as unknown as Record<string, unknown>)[f] = inc[f];
    const diffs = diffCommunity(before, after, fields);
    if (diffs.length === 0) continue;
    const statusChanged = diffs.some((d) => d.field === 'supporting_kg_status');
    const date = statusChanged && after.status_date && after.status_date <= ctx.today ? after.status_date : ctx.today;
    const evs = eventsFrom({ ...ctx, seq, change }, inc.id, date, note, 'import', diffs);
    events.push(...evs);
    seq += evs.length;
    change++;
    if (before && i !== undefined) {
      rows[i] = after;
      changedRows++;
    } else {
      byId.set(inc.id, rows.length);
      rows.push(after);
      addedRows++;
    }
  }
  return { events, rows, changedRows, addedRows };
}

/**
 * Undo the last change that is not already undone: events that set every field back,
 * with the dates of the events they reverse (so the ledger as of any date no longer
 * shows the mistake). A row the change added is marked removed (an 'id' event to null).
 */
export function buildUndo(history: readonly LedgerEvent[], ctx: ChangeContext): LedgerEvent[] | null {
  const change = lastUndoableChange(history);
  if (change === null) return null;
  const evs = eventsOfChange(history, change);
  return evs
    .slice()
    .reverse()
    .map((e, k) => ({ ...e, seq: ctx.seq + k, change: ctx.change, from: e.to, to: e.from, at: ctx.at, by: ctx.by, note: null, source: 'undo' as const, undoes: change }));
}
