/** The ledger slice: status changes with history, refusals, undo, import by 小区编号, persistence, DuckDB tables. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/data/duckdb-node';
import type { Community } from '../../src/data/schema';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';
import { community } from '../analysis/helpers';

const rows: Community[] = [
  community({ id: 'C1', name: '阿尔丁小区', supporting_kg_required: true, supporting_kg_classes: 6, supporting_kg_status: 'accepted_not_handed_over' }),
  community({ id: 'C2', name: '友谊小区', supporting_kg_required: true, supporting_kg_classes: 9, supporting_kg_status: 'planned' }),
];

async function ready(idb?: IDBFactory) {
  const s = createAppStore();
  if (idb) s.getState().setIdb(idb);
  s.getState().setLedgerUser('张科长');
  await s.getState().setDataset({ layers: { ...emptyLayers(), communities: rows }, district: null, meta: null });
  return s;
}

describe('ledger slice', () => {
  it('changes a status with who / when / note, refuses an impossible jump, undoes', async () => {
    const s = await ready();
    const refused = await s.getState().changeLedgerStatus('C2', 'operating_public');
    expect(refused).toEqual({ ok: false, message: { key: 'ledger.refuse.openBeforeHandover', values: { from: 'planned', to: 'operating_public' } } });
    expect(s.getState().ledgerEvents).toEqual([]);
    const ok = await s.getState().changeLedgerStatus('C1', 'handed_over', { note: '区教育局接收' });
    expect(ok.ok).toBe(true);
    const c1 = s.getState().layers.communities.find((c) => c.id === 'C1')!;
    expect(c1.supporting_kg_status).toBe('handed_over');
    expect(c1.status_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ev = s.getState().ledgerEvents[0];
    expect(ev).toMatchObject({ field: 'supporting_kg_status', from: 'accepted_not_handed_over', to: 'handed_over', by: '张科长', note: '区教育局接收', source: 'edit' });
    expect(await s.getState().undoLedgerChange()).toBe(true);
    expect(s.getState().layers.communities).toEqual(rows);
    expect(s.getState().ledgerEvents.filter((e) => e.source === 'undo')).toHaveLength(2);
  });

  it('edits the responsible line, unit and deadline as one change', async () => {
    const s = await ready();
    expect(await s.getState().editLedgerFields('C2', { responsible_line: 'housing', deadline: '2027-03-31' }, '住建局督办')).toBe(true);
    expect(s.getState().ledgerEvents.map((e) => [e.field, e.to, e.change])).toEqual([
      ['responsible_line', 'housing', 1],
      ['deadline', '2027-03-31', 1],
    ]);
    expect(await s.getState().editLedgerFields('C2', { responsible_line: 'housing' })).toBe(false);
  });

  it('an import updates by 小区编号 and records each changed row', async () => {
    const s = await ready();
    const incoming = [{ ...rows[0], responsible_line: 'housing' as const, deadline: '2026-06-30' }, { ...rows[1] }, community({ id: 'C3', name: '新城小区' })];
    // unknown 编号 are listed, and added only when asked
    const dry = await s.getState().importLedgerRows(incoming, ['responsible_line', 'deadline', 'name'], '台账.xlsx', { dryRun: true });
    expect(dry).toEqual({ changed: 1, added: 0, refused: [], unknownIds: ['C3'] });
    expect(s.getState().ledgerEvents).toEqual([]);
    const res = await s.getState().importLedgerRows(incoming, ['responsible_line', 'deadline', 'name'], '台账.xlsx', { addUnknown: true });
    expect(res).toEqual({ changed: 1, added: 1, refused: [], unknownIds: ['C3'] });
    expect(s.getState().layers.communities.map((c) => [c.id, c.responsible_line, c.deadline])).toEqual([
      ['C1', 'housing', '2026-06-30'],
      ['C2', null, null],
      ['C3', null, null],
    ]);
    expect(new Set(s.getState().ledgerEvents.map((e) => e.note))).toEqual(new Set(['导入“台账.xlsx”']));
  });

  it('the history survives a save and reload; a history that does not match the rows refuses the project', async () => {
    const idb = new IDBFactory();
    const a = await ready(idb);
    await a.getState().changeLedgerStatus('C1', 'handed_over');
    await a.getState().saveNow();
    const b = createAppStore();
    b.getState().setIdb(idb);
    expect(await b.getState().restoreSaved()).toBe(true);
    expect(b.getState().ledgerEvents).toEqual(a.getState().ledgerEvents);
    expect(b.getState().layers.communities[0].supporting_kg_status).toBe('handed_over');
    const p = a.getState().toProject();
    const tampered = { ...p, layers: { ...p.layers, communities: rows } };
    const c = createAppStore();
    await expect(c.getState().applyProject(tampered)).rejects.toThrow(/台账历史与小区图层不一致/);
  });

  it('mirrors the ledger and its history into DuckDB', async () => {
    const s = await ready();
    const db = await openNodeDb();
    await s.getState().attachDb(db);
    await s.getState().changeLedgerStatus('C1', 'handed_over');
    const [n] = await db.query<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM ledger_events WHERE field = 'supporting_kg_status' AND \"to\" = 'handed_over'");
    expect(n.n).toBe(1);
    await db.close();
  });
});
