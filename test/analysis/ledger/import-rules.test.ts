/** A 台账 update file follows the 变更 dialog's rules; blanks keep values; undo checks the rows it restores. */
import { describe, expect, it } from 'vitest';
import { applyEvents, type LedgerEvent } from '../../../src/analysis/ledger/events';
import { valueFitsField } from '../../../src/data/ledger-values';
import { buildImportChanges, buildStatusChange, buildUndo, checkUndo, type ChangeContext } from '../../../src/analysis/ledger/record';
import type { Community } from '../../../src/data/schema';
import { community } from '../helpers';

const ctx = (history: LedgerEvent[], today: string): ChangeContext => ({ seq: history.length + 1, change: (history.at(-1)?.change ?? 0) + 1, by: '张三', at: `${today}T09:00:00+08:00`, today });
const base = [
  community({ id: 'C1', supporting_kg_status: 'under_construction', developer: '甲', responsible_line: 'housing' }),
  community({ id: 'C2', supporting_kg_status: 'planned', developer: '乙' }),
  community({ id: 'C3', supporting_kg_status: 'accepted_not_handed_over', developer: '丙' }),
];
const F = ['supporting_kg_status', 'developer', 'responsible_line', 'status_date'] as (keyof Community & string)[];

describe('台账 import rules', () => {
  it('blank cells leave values unchanged (a file of blanks changes nothing)', () => {
    const blank = base.map((r) => ({ ...r, supporting_kg_status: null, developer: '', responsible_line: null, status_date: null }) as Community);
    const res = buildImportChanges(base, blank, F, ctx([], '2026-03-01'), '导入');
    expect(res.events).toEqual([]);
    expect(res.rows).toEqual(base);
    expect(res.refused).toEqual([]);
  });

  it('a step the workflow refuses is listed with the reason and changes nothing of that row', () => {
    // 已验收未移交 → 公办 skips the handover: refused (as in 变更)
    const inc = [{ ...base[2], supporting_kg_status: 'operating_public', developer: '丁' } as Community];
    const res = buildImportChanges(base, inc, F, ctx([], '2026-03-01'), '导入');
    expect(res.refused).toEqual([{ row: 1, id: 'C3', message: expect.objectContaining({ key: 'ledger.refuse.openBeforeHandover' }) }]);
    expect(res.rows[2]).toEqual(base[2]);
    expect(res.events).toEqual([]);
  });

  it('a skip that needs a note is refused without one and imported with the note typed for the file', () => {
    const inc = [{ ...base[1], supporting_kg_status: 'built_not_accepted' } as Community];
    const r1 = buildImportChanges(base, inc, F, ctx([], '2026-03-01'), '导入“a.xlsx”');
    expect(r1.refused.map((r) => r.message.key)).toEqual(['ledger.noteRequired']);
    const r2 = buildImportChanges(base, inc, F, ctx([], '2026-03-01'), '导入“a.xlsx”', { note: '区政府会议纪要 12 号' });
    expect(r2.refused).toEqual([]);
    expect(r2.rows[1]).toMatchObject({ supporting_kg_status: 'built_not_accepted', status_date: '2026-03-01' });
    expect(r2.events.every((e) => e.note === '导入“a.xlsx”：区政府会议纪要 12 号')).toBe(true);
  });

  it('a status date in the future or before the last recorded change is refused', () => {
    const s = buildStatusChange(base[0], 'built_not_accepted', { date: '2026-02-10' }, [], ctx([], '2026-03-01'));
    if ('error' in s) throw new Error(s.error.key);
    const rows = applyEvents(base, s.events);
    const future = [{ ...rows[1], supporting_kg_status: 'under_construction', status_date: '2027-01-01' } as Community];
    expect(buildImportChanges(rows, future, F, ctx(s.events, '2026-03-01'), '导入', { history: s.events }).refused[0].message.key).toBe('ledger.dateFuture');
    const early = [{ ...rows[0], supporting_kg_status: 'accepted_not_handed_over', status_date: '2026-01-01' } as Community];
    expect(buildImportChanges(rows, early, F, ctx(s.events, '2026-03-01'), '导入', { history: s.events }).refused[0].message).toEqual({ key: 'ledger.dateBeforeLast', values: { date: '2026-01-01', last: '2026-02-10' } });
  });

  it('unknown 编号 are listed and added only when asked', () => {
    const inc = [community({ id: 'C9', name: '新小区' })];
    const no = buildImportChanges(base, inc, F, ctx([], '2026-03-01'), '导入');
    expect([no.unknownIds, no.addedRows, no.rows.length]).toEqual([['C9'], 0, 3]);
    const yes = buildImportChanges(base, inc, F, ctx([], '2026-03-01'), '导入', { addUnknown: true });
    expect([yes.addedRows, yes.rows.length]).toEqual([1, 4]);
  });
});

describe('undo checks the row it restores', () => {
  it('refuses when the row no longer holds what the change wrote, or the value restored is not valid', () => {
    const s = buildStatusChange(base[1], 'under_construction', {}, [], ctx([], '2026-03-01'));
    if ('error' in s) throw new Error(s.error.key);
    const rows = applyEvents(base, s.events);
    const undo = buildUndo(s.events, ctx(s.events, '2026-03-02'))!;
    expect(checkUndo(undo, rows, valueFitsField)).toBeNull();
    // the row was changed outside the ledger since
    const moved = rows.map((r) => (r.id === 'C2' ? { ...r, supporting_kg_status: 'built_not_accepted' as const } : r));
    expect(checkUndo(undo, moved, valueFitsField)).toMatchObject({ key: 'ledger.undoMismatch', values: { id: 'C2', field: 'supporting_kg_status' } });
    // a crafted history whose 'from' is garbage for the field
    const crafted = s.events.map((e) => (e.field === 'status_date' ? { ...e, from: '2025-13-45' } : e));
    expect(checkUndo(buildUndo(crafted, ctx(crafted, '2026-03-02'))!, rows, valueFitsField)).toMatchObject({ key: 'ledger.undoBadValue' });
    const gone = rows.filter((r) => r.id !== 'C2');
    expect(checkUndo(undo, gone, valueFitsField)).toMatchObject({ key: 'ledger.undoRowMissing' });
  });

  it('field values by type', () => {
    expect(valueFitsField('households', 300)).toBe(true);
    expect(valueFitsField('households', -1)).toBe(false);
    expect(valueFitsField('households', 'x')).toBe(false);
    expect(valueFitsField('supporting_kg_status', 'planned')).toBe(true);
    expect(valueFitsField('supporting_kg_status', '<script>')).toBe(false);
    expect(valueFitsField('status_date', '2025-02-29')).toBe(false);
    expect(valueFitsField('geometry', 'x')).toBe(false);
    expect(valueFitsField('name', null)).toBe(false);
  });
});
