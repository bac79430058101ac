import { describe, expect, it } from 'vitest';
import { analyseCommunities } from '../../../src/analysis/communities';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { community } from '../helpers';

const p = defaultAnalysisParams('2026-12-01');
const run = (c: Parameters<typeof community>[0]) =>
  analyseCommunities([community({ supporting_kg_required: true, ...c })], [], { ruleTable: p.ruleTable, handoverMonths: p.handoverMonths, asOfDate: p.asOfDate }).rows[0];

describe('overdue against the 办结期限 and the handover due date', () => {
  it('before handover: the 办结期限 when set, else completion + 3 months', () => {
    expect(run({ id: 'a', supporting_kg_status: 'accepted_not_handed_over', completion_date: '2026-06-01' })).toMatchObject({ dueDate: '2026-09-01', overdue: true, daysOverdue: 91 });
    expect(run({ id: 'b', supporting_kg_status: 'accepted_not_handed_over', completion_date: '2026-06-01', deadline: '2026-11-30' })).toMatchObject({ dueDate: '2026-11-30', overdue: true, daysOverdue: 1 });
    expect(run({ id: 'c', supporting_kg_status: 'accepted_not_handed_over', deadline: '2026-12-01' })).toMatchObject({ overdue: false, daysOverdue: 0 });
  });
  it('after handover only a 办结期限 makes an open problem overdue; an open 配套园 never is', () => {
    expect(run({ id: 'd', supporting_kg_status: 'handed_over', completion_date: '2020-01-01' })).toMatchObject({ dueDate: null, overdue: false });
    expect(run({ id: 'e', supporting_kg_status: 'misused', deadline: '2026-10-02' })).toMatchObject({ overdue: true, daysOverdue: 60 });
    expect(run({ id: 'f', supporting_kg_status: 'operating_public', deadline: '2020-01-01' })).toMatchObject({ overdue: false });
  });
});
