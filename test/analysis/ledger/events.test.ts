import { describe, expect, it } from 'vitest';
import { applyEvents, ledgerAt, type LedgerEvent } from '../../../src/analysis/ledger/events';
import { buildImportChanges, buildStatusChange, buildUndo, type ChangeContext } from '../../../src/analysis/ledger/record';
import type { Community } from '../../../src/data/schema';
import { community } from '../helpers';

const ctx = (history: LedgerEvent[], today: string, by = '张三'): ChangeContext => ({
  seq: history.length + 1,
  change: (history.at(-1)?.change ?? 0) + 1,
  by,
  at: `${today}T09:00:00+08:00`,
  today,
});

/** Apply a status change to rows and history, as the ledger slice does. */
function step(rows: Community[], history: LedgerEvent[], id: string, to: Community['supporting_kg_status'] & string, today: string, opts: { note?: string; date?: string } = {}) {
  const row = rows.find((r) => r.id === id)!;
  const res = buildStatusChange(row, to, opts, history, ctx(history, today));
  if ('error' in res) throw new Error(res.error.key);
  return { rows: applyEvents(rows, res.events), history: [...history, ...res.events] };
}

describe('ledger history', () => {
  const base = [community({ id: 'C1', supporting_kg_status: 'accepted_not_handed_over', responsible_line: 'housing' }), community({ id: 'C2', supporting_kg_status: 'planned' })];

  it('a status change stamps the date, opening stamps 开园日期, and the ledger as of any date rewinds it', () => {
    let s = step(base, [], 'C1', 'handed_over', '2026-03-10');
    s = step(s.rows, s.history, 'C1', 'operating_public', '2026-09-01');
    const c1 = s.rows.find((r) => r.id === 'C1')!;
    expect(c1).toMatchObject({ supporting_kg_status: 'operating_public', status_date: '2026-09-01', opened_date: '2026-09-01' });
    expect(s.history.map((e) => [e.field, e.from, e.to, e.by])).toEqual([
      ['supporting_kg_status', 'accepted_not_handed_over', 'handed_over', '张三'],
      ['status_date', null, '2026-03-10', '张三'],
      ['supporting_kg_status', 'handed_over', 'operating_public', '张三'],
      ['status_date', '2026-03-10', '2026-09-01', '张三'],
      ['opened_date', null, '2026-09-01', '张三'],
    ]);
    const at = (d: string) => ledgerAt(s.rows, s.history, d).find((r) => r.id === 'C1')!;
    expect(at('2026-01-01')).toMatchObject({ supporting_kg_status: 'accepted_not_handed_over', status_date: null, opened_date: null });
    expect(at('2026-03-10')).toMatchObject({ supporting_kg_status: 'handed_over', status_date: '2026-03-10', opened_date: null });
    expect(at('2026-12-31')).toEqual(c1);
    // rows without history are as they are
    expect(ledgerAt(s.rows, s.history, '2020-01-01')[1]).toBe(s.rows[1]);
  });

  it('a row whose status (without history) was reached after the date shows no status then', () => {
    const rows = [{ ...base[1], supporting_kg_status: 'handed_over' as const, status_date: '2024-05-01' }];
    expect(ledgerAt(rows, [], '2024-04-30')[0]).toMatchObject({ supporting_kg_status: null, status_date: null });
    expect(ledgerAt(rows, [], '2024-05-01')[0]).toBe(rows[0]);
  });

  it('refuses an opening before handover, a missing note, a future date and a date before the last change', () => {
    const c1 = base[0];
    const err = (r: ReturnType<typeof buildStatusChange>) => ('error' in r ? r.error.key : 'ok');
    expect(err(buildStatusChange(c1, 'operating_public', {}, [], ctx([], '2026-03-10')))).toBe('ledger.refuse.openBeforeHandover');
    expect(err(buildStatusChange(c1, 'misused', {}, [], ctx([], '2026-03-10')))).toBe('ledger.noteRequired');
    expect(err(buildStatusChange(c1, 'misused', { note: '用作售楼处' }, [], ctx([], '2026-03-10')))).toBe('ok');
    expect(err(buildStatusChange(c1, 'handed_over', { date: '2026-03-11' }, [], ctx([], '2026-03-10')))).toBe('ledger.dateFuture');
    const s = step(base, [], 'C1', 'handed_over', '2026-03-10');
    expect(err(buildStatusChange(s.rows[0], 'operating_public', { date: '2026-03-09' }, s.history, ctx(s.history, '2026-04-01')))).toBe('ledger.dateBeforeLast');
  });

  it('undo reverses the last change, then the one before, and the rewound ledger no longer shows it', () => {
    let s = step(base, [], 'C1', 'handed_over', '2026-03-10');
    s = step(s.rows, s.history, 'C2', 'under_construction', '2026-03-12');
    const u1 = buildUndo(s.history, ctx(s.history, '2026-03-13', '李四'))!;
    expect(u1.every((e) => e.source === 'undo' && e.undoes === 2 && e.by === '李四')).toBe(true);
    let rows = applyEvents(s.rows, u1);
    let history = [...s.history, ...u1];
    expect(rows[1]).toMatchObject({ supporting_kg_status: 'planned', status_date: null });
    const u2 = buildUndo(history, ctx(history, '2026-03-13'))!;
    expect(u2[0].undoes).toBe(1);
    rows = applyEvents(rows, u2);
    history = [...history, ...u2];
    expect(rows).toEqual(base);
    expect(buildUndo(history, ctx(history, '2026-03-13'))).toBeNull();
    expect(ledgerAt(rows, history, '2026-03-11')).toEqual(base);
  });

  it('an import updates rows by 小区编号 in the mapped columns only, adds new ones, one change per row', () => {
    const incoming = [
      community({ id: 'C1', supporting_kg_status: 'handed_over', responsible_line: null, developer: '甲公司', status_date: '2026-02-01' }),
      community({ id: 'C2', supporting_kg_status: 'planned' }),
      community({ id: 'C9', name: '新小区', supporting_kg_status: 'not_planned' }),
    ];
    const res = buildImportChanges(base, incoming, ['supporting_kg_status', 'developer', 'status_date'], ctx([], '2026-03-01'), '导入 台账.xlsx', { addUnknown: true });
    expect([res.changedRows, res.addedRows]).toEqual([1, 1]);
    expect(res.unknownIds).toEqual(['C9']);
    expect(res.rows[0]).toMatchObject({ supporting_kg_status: 'handed_over', developer: '甲公司', responsible_line: 'housing', status_date: '2026-02-01' });
    expect(res.rows[2].id).toBe('C9');
    expect(new Set(res.events.map((e) => e.change))).toEqual(new Set([1, 2]));
    expect(res.events.filter((e) => e.community_id === 'C1').every((e) => e.date === '2026-02-01')).toBe(true);
    // the rewound ledger before the import is the ledger before it (the new row left out)
    expect(ledgerAt(res.rows, res.events, '2026-01-31')).toEqual(base);
    // undoing the addition removes the row
    const u = buildUndo(res.events, ctx(res.events, '2026-03-02'))!;
    expect(applyEvents(res.rows, u).map((r) => r.id)).toEqual(['C1', 'C2']);
  });
});
