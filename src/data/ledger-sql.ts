/**
 * The ledger in DuckDB: `ledger` (one row per community: its current state and the
 * analysis' verdict) and `ledger_events` (the append-only history), written from the
 * app's state, and the campaign statistics computed over them in SQL.
 */
import type { LedgerEvent } from '../analysis/ledger/events';
import { LEDGER_OPEN_STATUSES } from '../analysis/supply';
import type { CommunityGapRow } from '../analysis/types';
import { objectsToArrowIpc } from './arrow';
import { withDbLock, type DbConnector } from './db';
import type { Community } from './schema';
import { quoteIdent, quoteLiteral } from './sql';

export const LEDGER_TABLE = 'ledger';
export const LEDGER_EVENTS_TABLE = 'ledger_events';

const EVENT_COLS: [keyof LedgerEvent, string][] = [
  ['seq', 'INTEGER'],
  ['change', 'INTEGER'],
  ['community_id', 'VARCHAR'],
  ['field', 'VARCHAR'],
  ['from', 'VARCHAR'],
  ['to', 'VARCHAR'],
  ['date', 'DATE'],
  ['at', 'VARCHAR'],
  ['by', 'VARCHAR'],
  ['note', 'VARCHAR'],
  ['source', 'VARCHAR'],
  ['undoes', 'INTEGER'],
];

/** One row of the `ledger` table. */
export interface LedgerTableRow {
  community_id: string;
  name: string;
  street_code: string;
  required: boolean | null;
  required_classes: number | null;
  status: string | null;
  problem: string;
  overdue: boolean;
  days_overdue: number;
  due_date: string | null;
  responsible_line: string | null;
  responsible_unit: string | null;
  opened_date: string | null;
  status_date: string | null;
}

/** The `ledger` rows of an analysis' community verdicts and the current rows. */
export function ledgerTableRows(gaps: readonly CommunityGapRow[], communities: readonly Community[]): LedgerTableRow[] {
  const byId = new Map(communities.map((c) => [c.id, c]));
  return gaps.map((g) => {
    const c = byId.get(g.communityId);
    return {
      community_id: g.communityId,
      name: g.name,
      street_code: g.streetCode,
      required: g.required,
      required_classes: g.requiredClasses,
      status: g.status,
      problem: g.problem,
      overdue: g.overdue,
      days_overdue: g.daysOverdue,
      due_date: g.handoverDue,
      responsible_line: c?.responsible_line ?? null,
      responsible_unit: c?.responsible_unit ?? null,
      opened_date: c?.opened_date ?? null,
      status_date: c?.status_date ?? null,
    };
  });
}

const LEDGER_COLS: [keyof LedgerTableRow, string][] = [
  ['community_id', 'VARCHAR'],
  ['name', 'VARCHAR'],
  ['street_code', 'VARCHAR'],
  ['required', 'BOOLEAN'],
  ['required_classes', 'INTEGER'],
  ['status', 'VARCHAR'],
  ['problem', 'VARCHAR'],
  ['overdue', 'BOOLEAN'],
  ['days_overdue', 'INTEGER'],
  ['due_date', 'DATE'],
  ['responsible_line', 'VARCHAR'],
  ['responsible_unit', 'VARCHAR'],
  ['opened_date', 'DATE'],
  ['status_date', 'DATE'],
];

const asLiteral = (v: unknown): string => quoteLiteral(v === undefined ? null : typeof v === 'boolean' || typeof v === 'number' || v === null ? v : String(v));

/** Statements that replace `table` with `rows` (CREATE, then INSERTs of at most `batch` rows). */
export function buildReplaceTableSql<R>(table: string, cols: [keyof R, string][], rows: readonly R[], batch = 500): string[] {
  const out = [`CREATE OR REPLACE TABLE ${quoteIdent(table)} (${cols.map(([c, t]) => `${quoteIdent(String(c))} ${t}`).join(', ')})`];
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows.slice(i, i + batch).map((r) => `(${cols.map(([c, t]) => (t === 'VARCHAR' && typeof r[c] !== 'string' && r[c] !== null ? asLiteral(JSON.stringify(r[c])) : asLiteral(r[c]))).join(', ')})`);
    out.push(`INSERT INTO ${quoteIdent(table)} VALUES ${values.join(', ')}`);
  }
  return out;
}

/** Write both ledger tables in one transaction (a failure keeps the previous ones); rows go in as Arrow, staged first. */
export function writeLedgerTables(db: DbConnector, rows: readonly LedgerTableRow[], events: readonly LedgerEvent[]): Promise<void> {
  const tables: [string, [string, string][], readonly unknown[]][] = [
    [LEDGER_TABLE, LEDGER_COLS as [string, string][], rows],
    [LEDGER_EVENTS_TABLE, EVENT_COLS as [string, string][], events],
  ];
  return withDbLock(db, async () => {
    const staged: string[] = [];
    try {
      for (const [table, cols, data] of tables) {
        if (data.length === 0) continue;
        const stage = `__stage_${table}`;
        await db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
        await db.insertArrowIpc(stage, objectsToArrowIpc(data as Record<string, unknown>[], cols));
        staged.push(stage);
      }
      await db.query('BEGIN TRANSACTION');
      try {
        for (const [table, cols, data] of tables) {
          const defs = cols.map(([c, t]) => `${quoteIdent(c)} ${t}`).join(', ');
          if (data.length === 0) await db.query(`CREATE OR REPLACE TABLE ${quoteIdent(table)} (${defs})`);
          else await db.query(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${cols.map(([c, t]) => `CAST(${quoteIdent(c)} AS ${t}) AS ${quoteIdent(c)}`).join(', ')} FROM ${quoteIdent(`__stage_${table}`)}`);
        }
        await db.query('COMMIT');
      } catch (e) {
        await db.query('ROLLBACK');
        throw e;
      }
    } finally {
      for (const stage of staged) await db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
    }
  });
}

/** Status changes that stand: neither an undo nor undone. */
const STANDING_STATUS_EVENTS = `SELECT * FROM ${quoteIdent(LEDGER_EVENTS_TABLE)} e
  WHERE e.field = 'supporting_kg_status' AND e.source <> 'undo'
    AND e.change NOT IN (SELECT undoes FROM ${quoteIdent(LEDGER_EVENTS_TABLE)} WHERE undoes IS NOT NULL)`;

const HANDED = `('handed_over','operating_public','operating_inclusive','misused','for_profit','rectified')`;

/** One row of the campaign statistics (street_code null = the district). */
export interface CampaignRow {
  street_code: string | null;
  required: number;
  not_planned: number;
  not_built: number;
  not_handed_over: number;
  not_in_use: number;
  ok: number;
  overdue: number;
  handed_over: number;
  public_n: number;
  inclusive_n: number;
  /** places of the 配套园 now open as 公办 / 委托普惠 (classes × placesPerClass) */
  open_places: number;
  /** opened as 公办 / 委托普惠 on or after the campaign start */
  completed: number;
  completed_public: number;
  completed_inclusive: number;
}

/**
 * Campaign statistics per 街道 and for the district (the ROLLUP row, street_code
 * NULL, last), over communities that must have a 配套园. "Completed" counts those
 * that opened as 公办 / 委托普惠 on or after `sinceIso` (their 开园日期).
 */
export function buildCampaignSql(sinceIso: string, placesPerClass = 30): string {
  const since = `${quoteLiteral(sinceIso)}::DATE`;
  const open = `status IN (${LEDGER_OPEN_STATUSES.map((v) => quoteLiteral(v)).join(',')})`;
  const done = `(${open} AND opened_date >= ${since})`;
  const n = (cond: string) => `count(*) FILTER (WHERE ${cond})::DOUBLE`;
  return `SELECT street_code,
    count(*)::DOUBLE AS required,
    ${n(`problem = 'not_planned'`)} AS not_planned,
    ${n(`problem = 'not_built'`)} AS not_built,
    ${n(`problem = 'not_handed_over'`)} AS not_handed_over,
    ${n(`problem = 'not_in_use'`)} AS not_in_use,
    ${n(`problem = 'ok'`)} AS ok,
    ${n('overdue')} AS overdue,
    ${n(`status IN ${HANDED}`)} AS handed_over,
    ${n(`status = 'operating_public'`)} AS public_n,
    ${n(`status = 'operating_inclusive'`)} AS inclusive_n,
    coalesce(sum(required_classes * ${quoteLiteral(placesPerClass)}) FILTER (WHERE ${open}), 0)::DOUBLE AS open_places,
    ${n(done)} AS completed,
    ${n(`${done} AND status = 'operating_public'`)} AS completed_public,
    ${n(`${done} AND status = 'operating_inclusive'`)} AS completed_inclusive
    FROM ${quoteIdent(LEDGER_TABLE)} WHERE required IS TRUE
    GROUP BY ROLLUP (street_code)
    ORDER BY street_code NULLS LAST`;
}

/** One month of progress: communities newly handed over / opened that month and the running totals. */
export interface ProgressRow {
  month: string;
  handed_over: number;
  opened: number;
  handed_over_total: number;
  opened_total: number;
}

/**
 * Progress over time from the history: per month, the communities whose status first
 * reached 已移交 (or later) and first opened as 公办 / 委托普惠 — counting standing
 * changes only — with running totals.
 */
export function buildProgressSql(): string {
  return `WITH ev AS (${STANDING_STATUS_EVENTS}),
    firsts AS (
      SELECT community_id,
        min(date) FILTER (WHERE "to" IN ${HANDED}) AS handed,
        min(date) FILTER (WHERE "to" IN (${LEDGER_OPEN_STATUSES.map((v) => quoteLiteral(v)).join(',')})) AS opened
      FROM ev GROUP BY community_id),
    months AS (
      SELECT strftime(handed, '%Y-%m') AS month, 1 AS h, 0 AS o FROM firsts WHERE handed IS NOT NULL
      UNION ALL SELECT strftime(opened, '%Y-%m'), 0, 1 FROM firsts WHERE opened IS NOT NULL)
    SELECT month, sum(h)::DOUBLE AS handed_over, sum(o)::DOUBLE AS opened,
      (sum(sum(h)) OVER (ORDER BY month))::DOUBLE AS handed_over_total,
      (sum(sum(o)) OVER (ORDER BY month))::DOUBLE AS opened_total
    FROM months GROUP BY month ORDER BY month`;
}
