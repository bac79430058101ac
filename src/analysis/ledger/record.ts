/**
 * Building the history's changes: a status change typed by a user, the rows of an
 * imported 台账, an undo. Pure: the caller gives the clock, the user and the next
 * sequence numbers, and appends what comes back.
 */
import type { Community, SupportingKgStatus } from '../model';
import { LEDGER_OPEN_STATUSES } from '../supply';
import type { PlanMessage } from '../plan/plan-types';
import { diffCommunity, eventsOfChange, lastUndoableChange, sameValue, type LedgerEvent, type LedgerSource, type LedgerValue } from './events';
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

/** A row of an imported 台账 that was not applied, and why (a catalogue message). */
export interface ImportRefusal {
  /** 1-based position of the row among the incoming rows */
  row: number;
  id: string;
  message: PlanMessage;
}

const isBlankValue = (v: unknown) => v === null || v === undefined || v === '';

/**
 * The changes an imported 台账 makes, updating rows by 小区编号, under the rules of the
 * 变更 dialog: only `fields` (the columns the file maps) are compared, and a blank cell
 * leaves the value as it is (a blank never erases). A status change must be a step the
 * workflow allows (checkTransition); a step that needs a note takes `opts.note` (typed
 * once for the import) and is refused without it; the 状态日期 given (else today) may be
 * neither in the future nor before the community's last recorded change. Refused rows
 * change nothing and are listed with the reason. Rows whose 编号 is unknown are listed
 * (`unknownIds`) and added only when `opts.addUnknown`.
 * One change per row that differs, numbered from ctx.change.
 */
export function buildImportChanges(
  current: readonly Community[],
  incoming: readonly Community[],
  fields: readonly (keyof Community & string)[],
  ctx: ChangeContext,
  note: string,
  opts: { history?: readonly LedgerEvent[]; note?: string | null; addUnknown?: boolean } = {},
): { events: LedgerEvent[]; rows: Community[]; changedRows: number; addedRows: number; refused: ImportRefusal[]; unknownIds: string[] } {
  const byId = new Map(current.map((r, i) => [r.id, i]));
  const rows = current.slice();
  const events: LedgerEvent[] = [];
  const refused: ImportRefusal[] = [];
  const unknownIds: string[] = [];
  // the last recorded date per community, once (not a scan of the history per row)
  const lastDate = new Map<string, string>();
  for (const e of opts.history ?? []) {
    const d = lastDate.get(e.community_id);
    if (d === undefined || e.date > d) lastDate.set(e.community_id, e.date);
  }
  const userNote = opts.note?.trim() || null;
  const tracked = fields.filter((f) => f !== 'id');
  let change = ctx.change;
  let seq = ctx.seq;
  let changedRows = 0;
  let addedRows = 0;
  for (let k = 0; k < incoming.length; k++) {
    const inc = incoming[k];
    const i = byId.get(inc.id);
    const before = i === undefined ? null : rows[i];
    if (!before) {
      unknownIds.push(inc.id);
      if (!opts.addUnknown) continue;
    }
    const after: Community = before ? { ...before } : inc;
    // blank cells keep what the ledger has
    if (before) for (const f of tracked) if (!isBlankValue(inc[f])) (after as unknown as Record<string, unknown>)[f] = inc[f];
    const diffs = diffCommunity(before, after, tracked);
    if (diffs.length === 0) continue;
    const statusDiff = before ? diffs.find((d) => d.field === 'supporting_kg_status') : undefined;
    let rowNote = note;
    let date = ctx.today;
    if (statusDiff && before) {
      const to = after.supporting_kg_status as SupportingKgStatus;
      const check = checkTransition(before.supporting_kg_status ?? null, to);
      if (!check.ok) {
        refused.push({ row: k + 1, id: inc.id, message: check.message });
        continue;
      }
      if (check.noteRequired) {
        if (!userNote) {
          refused.push({ row: k + 1, id: inc.id, message: { key: 'ledger.noteRequired', values: { from: before.supporting_kg_status ?? '', to } } });
          continue;
        }
        rowNote = `${note}：${userNote}`;
      }
      date = fields.includes('status_date') && after.status_date ? after.status_date : ctx.today;
      if (date > ctx.today) {
        refused.push({ row: k + 1, id: inc.id, message: { key: 'ledger.dateFuture', values: { date, today: ctx.today } } });
        continue;
      }
      const last = lastDate.get(inc.id);
      if (last && date < last) {
        refused.push({ row: k + 1, id: inc.id, message: { key: 'ledger.dateBeforeLast', values: { date, last } } });
        continue;
      }
      // the status date goes with the status (as in the 变更 dialog)
      if (!fields.includes('status_date') || !after.status_date) {
        after.status_date = date;
        const sd = diffCommunity(before, after, ['status_date']);
        for (const d of sd) if (!diffs.some((x) => x.field === d.field)) diffs.push(d);
      }
    }
    const evs = eventsFrom({ ...ctx, seq, change }, inc.id, date, rowNote, 'import', diffs);
    for (const e of evs) events.push(e);
    lastDate.set(inc.id, date);
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
  return { events, rows, changedRows, addedRows, refused, unknownIds };
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

/**
 * Whether an undo may be applied to `rows`: each field it sets back must still hold the
 * value the undone change wrote, and the value it restores must fit the field (`fits`: the layer's rule, from src/data). A history
 * crafted (or a row changed outside the ledger) so that they differ is refused with the
 * community and field named, and nothing is written.
 */
export function checkUndo(undo: readonly LedgerEvent[], rows: readonly Community[], fits: (field: string, value: LedgerValue) => boolean): PlanMessage | null {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const e of undo) {
    const row = byId.get(e.community_id);
    if (e.field === 'id') {
      if (!row) return { key: 'ledger.undoRowMissing', values: { id: e.community_id } };
      continue;
    }
    if (!row) return { key: 'ledger.undoRowMissing', values: { id: e.community_id } };
    const now = (row as unknown as Record<string, unknown>)[e.field];
    if (!sameValue(now, e.from)) return { key: 'ledger.undoMismatch', values: { id: e.community_id, field: e.field, now: String(now ?? ''), expected: String(e.from ?? '') } };
    if (!fits(e.field, e.to)) return { key: 'ledger.undoBadValue', values: { id: e.community_id, field: e.field, value: String(e.to) } };
  }
  return null;
}
