import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCommunities } from '../../src/analysis/communities';
import { applyEvents, type LedgerEvent } from '../../src/analysis/ledger/events';
import { buildStatusChange, buildUndo, type ChangeContext } from '../../src/analysis/ledger/record';
import { defaultAnalysisParams } from '../../src/analysis/params';
import type { DbConnector } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { buildCampaignSql, buildProgressSql, ledgerTableRows, writeLedgerTables, type CampaignRow } from '../../src/data/ledger-sql';
import type { Community } from '../../src/data/schema';
import { community } from '../analysis/helpers';

const ctx = (h: LedgerEvent[], today: string): ChangeContext => ({ seq: h.length + 1, change: (h.at(-1)?.change ?? 0) + 1, by: '王五', at: `${today}T10:00:00+08:00`, today });

/** A small district: S1 has three required communities, S2 one, plus one not required. */
function fixture() {
  let rows: Community[] = [
    community({ id: 'A', street_code: 'S1', supporting_kg_required: true, supporting_kg_classes: 6, supporting_kg_status: 'accepted_not_handed_over', handover_due: '2025-01-01' }),
    community({ id: 'B', street_code: 'S1', supporting_kg_required: true, supporting_kg_classes: 9, supporting_kg_status: 'handed_over' }),
    community({ id: 'C', street_code: 'S1', supporting_kg_required: true, supporting_kg_classes: 12, supporting_kg_status: 'operating_public', opened_date: '2020-09-01' }),
    community({ id: 'D', street_code: 'S2', supporting_kg_required: true, supporting_kg_classes: 6, supporting_kg_status: 'not_planned' }),
    community({ id: 'E', street_code: 'S2', supporting_kg_required: false }),
  ];
  let h: LedgerEvent[] = [];
  const change = (id: string, to: Community['supporting_kg_status'] & string, today: string) => {
    const res = buildStatusChange(rows.find((r) => r.id === id)!, to, {}, h, ctx(h, today));
    if ('error' in res) throw new Error(res.error.key);
    rows = applyEvents(rows, res.events);
    h = [...h, ...res.events];
  };
  change('A', 'handed_over', '2026-03-05'); // March: A handed over
  change('A', 'operating_inclusive', '2026-04-10'); // April: A opens 委托普惠
  change('B', 'operating_public', '2026-04-20'); // April: B opens 公办
  change('D', 'planned', '2026-04-21');
  const undo = buildUndo(h, ctx(h, '2026-04-22'))!; // the D entry was a mistake
  rows = applyEvents(rows, undo);
  h = [...h, ...undo];
  return { rows, h };
}

describe('ledger tables and campaign statistics in real DuckDB', () => {
  let db: DbConnector;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('counts per 街道 and district, completed since the campaign start, 公办 vs 委托普惠 and the places they add', async () => {
    const { rows, h } = fixture();
    const p = defaultAnalysisParams('2026-05-01');
    const gaps = analyseCommunities(rows, [], { ruleTable: p.ruleTable, handoverMonths: p.handoverMonths, asOfDate: p.asOfDate }).rows;
    await writeLedgerTables(db, ledgerTableRows(gaps, rows), h);
    const stats = await db.query<CampaignRow & Record<string, unknown>>(buildCampaignSql('2026-01-01'));
    expect(stats.map((r) => r.street_code)).toEqual(['S1', 'S2', null]);
    const district = stats[2];
    // hand check: required A B C D; open now A (inclusive, 6 classes), B (public, 9), C (public, 12, opened 2020)
    expect(district).toMatchObject({ required: 4, not_planned: 1, ok: 3, handed_over: 3, public_n: 2, inclusive_n: 1, open_places: (6 + 9 + 12) * 30 });
    // "整治完成 2 处，其中公办 1 处、委托普惠 1 处" (C opened before the campaign)
    expect(district).toMatchObject({ completed: 2, completed_public: 1, completed_inclusive: 1 });
    expect(stats[1]).toMatchObject({ required: 1, not_planned: 1, completed: 0 });
    expect((await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM ledger_events'))[0].n).toBe(h.length);
  });

  it('progress per month from the history, undone changes left out', async () => {
    const prog = await db.query(buildProgressSql());
    expect(prog).toEqual([
      { month: '2026-03', handed_over: 1, opened: 0, handed_over_total: 1, opened_total: 0 },
      // B reached 已移交-or-later first in April (its opening), A and B opened in April
      { month: '2026-04', handed_over: 1, opened: 2, handed_over_total: 2, opened_total: 2 },
    ]);
  });
});
