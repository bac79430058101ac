/**
 * Ledger slice: the 配套园 台账's history (append-only events), status changes, undo,
 * imports that update rows by 小区编号, the user's name, and the "as of" date. The
 * communities layer holds the current rows (every event applied); DuckDB mirrors
 * both (`ledger`, `ledger_events`) for statistics and the SQL console.
 */
import { m, render } from '../i18n';
import type { StateCreator } from 'zustand/vanilla';
import { applyEvents, type LedgerEvent } from '../analysis/ledger/events';
import { buildFieldChange, buildImportChanges, buildStatusChange, buildUndo, checkUndo, type ChangeContext, type ImportRefusal, type LedgerEditField } from '../analysis/ledger/record';
import type { PlanMessage } from '../analysis/plan/plan-types';
import { checkLedgerEvents } from '../data/project/ledger-check';
import type { Community, SupportingKgStatus } from '../data/schema';
import { todayIso } from './analysis-slice';
import { valueFitsField } from '../data/ledger-values';
import { timings } from './load-sample';
import type { AppState } from './store';

const USER_KEY = 'xwgh.ledgerUser';
/** Above this many events the DuckDB copy of the history is written without holding the change. */
const BACKGROUND_SYNC_EVENTS = 50_000;
const ledgerSql = () => import('../data/ledger-sql');

function loadUser(): string {
  try {
    return globalThis.localStorage?.getItem(USER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** What a project keeps of the ledger. */
export interface PersistedLedger {
  events: LedgerEvent[];
}

export interface LedgerSlice {
  ledgerEvents: LedgerEvent[];
  /** the name typed once per browser, recorded with every change */
  ledgerUser: string;
  /** show the ledger as it stood on this date (null = now) */
  ledgerViewDate: string | null;
  /** bumps on every history change (autosave) */
  ledgerVersion: number;
  /** bumps when DuckDB's ledger tables have been rewritten (statistics re-query on it) */
  ledgerTablesVersion: number;
  setLedgerUser(name: string): void;
  setLedgerViewDate(d: string | null): void;
  /** Change one community's status; the refusal (a catalogue message) when the workflow or the date says no. */
  changeLedgerStatus(communityId: string, to: SupportingKgStatus, opts?: { note?: string; date?: string }): Promise<{ ok: true; notice: PlanMessage | null } | { ok: false; message: PlanMessage }>;
  /** Edit 责任条线 / 责任单位 / 办结期限 / 开发单位 of one community (one change of the history). */
  editLedgerFields(communityId: string, patch: Partial<Pick<Community, LedgerEditField>>, note?: string): Promise<boolean>;
  /** Undo the last change not yet undone; false when there is none, the reason when the rows no longer match the history. */
  undoLedgerChange(): Promise<boolean | PlanMessage>;
  /**
   * Update rows by 小区编号 from an imported 台账 (only `fields`; blank cells keep values); each changed
   * row is one change of the history. Workflow rules as in 变更 (refused rows listed); unknown 编号
   * listed and added only with `addUnknown`; `dryRun` reports without changing anything.
   */
  importLedgerRows(
    rows: Community[],
    fields: (keyof Community & string)[],
    fileName: string,
    opts?: { note?: string | null; addUnknown?: boolean; dryRun?: boolean },
  ): Promise<{ changed: number; added: number; refused: ImportRefusal[]; unknownIds: string[] }>;
  /** Write `ledger` and `ledger_events` into DuckDB (after a change, an analysis or a new connection). */
  syncLedgerTables(): Promise<void>;
  toPersistedLedger(): PersistedLedger;
  /** Put a saved history in place (checked against the rows: a mismatch refuses, nothing changes). */
  applyPersistedLedger(raw: PersistedLedger | undefined, communities: readonly Community[]): string | null;
  /** The communities layer was replaced from outside the ledger: keep the history only while it still matches. */
  reconcileLedger(): void;
}

export const createLedgerSlice: StateCreator<AppState, [], [], LedgerSlice> = (set, get, api) => {
  /** Resolves when the pending autosave has landed (or failed), at most after `maxMs`: the browser copy goes first. */
  const afterSave = (maxMs = 20_000): Promise<void> =>
    new Promise((resolve) => {
      if (!get().idb || get().readOnly) return resolve();
      let unsub = () => {};
      const done = () => {
        clearTimeout(timer);
        unsub();
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      unsub = api.subscribe((st, prev) => {
        if ((st.saveState === 'saved' || st.saveState === 'error') && st.saveState !== prev.saveState) done();
      });
    });
  /** > 0 while the ledger itself replaces the communities layer */
  let committing = 0;
  const context = (): ChangeContext => {
    const h = get().ledgerEvents;
    const last = h.at(-1);
    return { seq: (last?.seq ?? 0) + 1, change: (last?.change ?? 0) + 1, by: get().ledgerUser || '未署名', at: new Date().toISOString(), today: todayIso() };
  };
  let syncing: Promise<void> | null = null;
  let syncAgain = false;
  const syncNow = async (): Promise<void> => {
    const s = get();
    if (!s.db) return;
    const { writeLedgerTables, ledgerTableRows } = await ledgerSql();
    const gaps = s.result?.communities ?? [];
    const t0 = performance.now();
    await writeLedgerTables(s.db, ledgerTableRows(gaps, s.layers.communities), s.ledgerEvents);
    timings.lastLedgerSyncMs = performance.now() - t0;
    set((st) => ({ ledgerTablesVersion: st.ledgerTablesVersion + 1 }));
  };
  /** Append events and put the rows they produce in place (memory and DuckDB). */
  const commit = async (events: LedgerEvent[], rows: Community[]): Promise<void> => {
    // history first, so the rows never stand without the events that explain them
    const before = get().ledgerEvents;
    set((s) => ({ ledgerEvents: before.concat(events), ledgerVersion: s.ledgerVersion + 1 }));
    // rows and events made together match by construction: no re-check of the whole history
    committing++;
    try {
      await get().replaceLayer('communities', rows);
    } catch (e) {
      set((s) => ({ ledgerEvents: before, ledgerVersion: s.ledgerVersion + 1 }));
      throw e;
    } finally {
      committing--;
    }
    // DuckDB mirrors the history for statistics: a long one is written in the background,
    // after the browser copy (the rows and history are committed; the save must not wait for it)
    if (get().ledgerEvents.length <= BACKGROUND_SYNC_EVENTS) await get().syncLedgerTables();
    else void get().syncLedgerTables().catch(() => undefined);
  };
  return {
    ledgerEvents: [],
    ledgerUser: loadUser(),
    ledgerViewDate: null,
    ledgerVersion: 0,
    ledgerTablesVersion: 0,
    setLedgerUser(name) {
      const v = name.trim().slice(0, 40);
      try {
        globalThis.localStorage?.setItem(USER_KEY, v);
      } catch {
        /* private mode: kept for this session only */
      }
      set({ ledgerUser: v });
    },
    setLedgerViewDate: (ledgerViewDate) => set({ ledgerViewDate }),
    async changeLedgerStatus(communityId, to, opts = {}) {
      const rows = get().layers.communities;
      const row = rows.find((r) => r.id === communityId);
      if (!row) return { ok: false, message: { key: 'ledger.noSuchCommunity', values: { id: communityId } } };
      const res = buildStatusChange(row, to, opts, get().ledgerEvents, context());
      if ('error' in res) return { ok: false, message: res.error };
      await commit(res.events, applyEvents(rows, res.events));
      return { ok: true, notice: res.notice };
    },
    async editLedgerFields(communityId, patch, note) {
      const rows = get().layers.communities;
      const row = rows.find((r) => r.id === communityId);
      if (!row) return false;
      const events = buildFieldChange(row, patch, note ?? null, context());
      if (events.length === 0) return false;
      await commit(events, applyEvents(rows, events));
      return true;
    },
    async undoLedgerChange() {
      const events = buildUndo(get().ledgerEvents, context());
      if (!events) return false;
      // the rows must still hold what the undone change wrote (a crafted history cannot write garbage)
      const refusal = checkUndo(events, get().layers.communities, valueFitsField);
      if (refusal) return refusal;
      await commit(events, applyEvents(get().layers.communities, events));
      return true;
    },
    async importLedgerRows(incoming, fields, fileName, opts = {}) {
      const res = buildImportChanges(get().layers.communities, incoming, fields, context(), `导入“${fileName}”`, { history: get().ledgerEvents, note: opts.note, addUnknown: opts.addUnknown });
      if (!opts.dryRun && res.events.length > 0) await commit(res.events, res.rows);
      return { changed: res.changedRows, added: res.addedRows, refused: res.refused, unknownIds: res.unknownIds };
    },
    async syncLedgerTables() {
      // a long history waits for the pending browser save (both want the two cores), and
      // calls during a write are coalesced into one more write after it
      if (get().ledgerEvents.length > BACKGROUND_SYNC_EVENTS) {
        if (syncing) {
          syncAgain = true;
          return syncing;
        }
        if (get().saveState === 'pending' || get().saveState === 'saving') await afterSave();
      }
      const run = syncNow();
      if (get().ledgerEvents.length <= BACKGROUND_SYNC_EVENTS) return run;
      syncing = run.finally(() => {
        syncing = null;
        if (syncAgain) {
          syncAgain = false;
          void get().syncLedgerTables().catch(() => undefined);
        }
      });
      return syncing;
    },
    toPersistedLedger: () => ({ events: get().ledgerEvents }),
    reconcileLedger() {
      const s = get();
      if (s.ledgerEvents.length === 0 || committing > 0) return;
      const checked = checkLedgerEvents(s.ledgerEvents, s.layers.communities);
      if (!('error' in checked)) return;
      set((st) => ({ ledgerEvents: [], ledgerVersion: st.ledgerVersion + 1, projectMessage: m('state.ledger.cleared') }));
    },
    applyPersistedLedger(raw, communities) {
      const checked = checkLedgerEvents(raw?.events, communities);
      if ('error' in checked) return render(get().lang, checked.error);
      set((s) => ({ ledgerEvents: checked.events, ledgerViewDate: null, ledgerVersion: s.ledgerVersion + 1 }));
      return null;
    },
  };
};
