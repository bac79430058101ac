import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n';
import { analyseCommunities, applyRuleTable } from '../../src/analysis/communities';
import { RULE_TABLE_HAINAN_2019, RULE_TABLE_YULIN } from '../../src/analysis/params';
import { community, kg } from './helpers';

describe('rule tables', () => {
  it('海南 2019 by residents at the boundaries', () => {
    const c = (n: number) => applyRuleTable(RULE_TABLE_HAINAN_2019, n);
    expect(c(4999)).toMatchObject({ required: false, classes: null });
    expect(c(5000)).toMatchObject({ required: true, classes: 6, sourceZh: '海南 2019' });
    expect(c(8999).classes).toBe(6);
    expect(c(9000).classes).toBe(9);
    expect(c(11999).classes).toBe(9);
    expect(c(12000).classes).toBe(12);
    expect(c(50000).classes).toBe(12);
    expect(applyRuleTable(RULE_TABLE_HAINAN_2019, null)).toMatchObject({ required: null, classes: null });
  });

  it('榆林 by households at the boundaries (1,000 → 9, 1,500 → 9, 1,501 → 12)', () => {
    const c = (n: number) => applyRuleTable(RULE_TABLE_YULIN, n);
    expect(c(499).required).toBe(false);
    expect(c(500)).toMatchObject({ required: true, classes: 6 });
    expect(c(999).classes).toBe(6);
    expect(c(1000).classes).toBe(9);
    expect(c(1500).classes).toBe(9);
    expect(c(1501).classes).toBe(12);
  });

  it('an edited rule table applies', () => {
    const t = { ...RULE_TABLE_HAINAN_2019, rules: [{ op: '>=' as const, min: 3000, classes: 6, sourceZh: '哈尔滨（示例）' }] };
    expect(applyRuleTable(t, 3000)).toMatchObject({ required: true, classes: 6, sourceZh: '哈尔滨（示例）' });
  });
});

describe('配套园 gaps', () => {
  const P = { ruleTable: RULE_TABLE_HAINAN_2019, handoverMonths: 3, asOfDate: '2026-06-30' };

  it('classifies ledger statuses into the four 不到位 kinds', () => {
    const statuses = [
      ['not_planned', 'not_planned'],
      ['planned', 'not_built'],
      ['under_construction', 'not_built'],
      ['delayed', 'not_built'],
      ['built_not_accepted', 'not_built'],
      ['accepted_not_handed_over', 'not_handed_over'],
      ['handed_over', 'not_in_use'],
      ['misused', 'not_in_use'],
      ['for_profit', 'not_in_use'],
      ['operating_public', 'ok'],
      ['operating_inclusive', 'ok'],
      ['rectified', 'ok'],
    ] as const;
    const rows = analyseCommunities(
      statuses.map(([s], n) => community({ id: `c${n}`, residents: 6000, supporting_kg_status: s })),
      [],
      P,
    ).rows;
    expect(rows.map((r) => r.problem)).toEqual(statuses.map(([, p]) => p));
    expect(rows.every((r) => r.required === true && r.requiredClasses === 6 && r.requiredFrom === 'rule')).toBe(true);
    expect(render('zh', rows[6].problemLabel)).toBe('使用不到位（已移交未开办）');
    expect(rows.map((r) => r.exists)).toEqual([false, false, false, false, true, true, true, true, true, true, true, true]);
    expect(rows.map((r) => r.operates)).toEqual([false, false, false, false, false, false, false, false, true, true, true, true]);
  });

  it('the given supporting_kg_required and classes override the rule', () => {
    const { rows, summary } = analyseCommunities(
      [
        community({ id: 'a', residents: 4999, supporting_kg_required: true, supporting_kg_classes: 3, supporting_kg_status: 'planned' }),
        community({ id: 'b', residents: 20000, supporting_kg_required: false, supporting_kg_status: 'not_planned' }),
        community({ id: 'c', residents: null as unknown as number, supporting_kg_status: null }),
        community({ id: 'd', residents: 9000, supporting_kg_status: null }),
      ],
      [],
      P,
    );
    expect(rows[0]).toMatchObject({ ruleRequired: false, required: true, requiredFrom: 'given', requiredClasses: 3, problem: 'not_built' });
    expect(rows[1]).toMatchObject({ ruleRequired: true, required: false, requiredClasses: null, problem: 'not_required' });
    expect(rows[2]).toMatchObject({ required: null, requiredFrom: 'missing', problem: 'unknown' });
    expect(rows[3]).toMatchObject({ required: true, requiredClasses: 9, problem: 'unknown', statusFrom: 'none' });
    expect(summary).toMatchObject({ communities: 4, required: 2, overdue: 0 });
    expect(summary.byProblem).toMatchObject({ not_built: 1, not_required: 1, unknown: 2 });
    // classes at risk: a (3) + d (9) = 12
    expect(summary.classesAtRisk).toBe(12);
  });

  it('derives the status from the linked kindergarten when the ledger is empty', () => {
    const kgs = [
      kg({ id: 'k1', type: 'public', status: 'existing' }),
      kg({ id: 'k2', type: 'private', community_id: 'b' }),
      kg({ id: 'k3', status: 'planned' }),
    ];
    const rows = analyseCommunities(
      [
        community({ id: 'a', residents: 6000, supporting_kg_id: 'k1' }),
        community({ id: 'b', residents: 6000 }),
        community({ id: 'c', residents: 6000, supporting_kg_id: 'k3' }),
      ],
      kgs,
      P,
    ).rows;
    expect(rows[0]).toMatchObject({ status: 'operating_public', statusFrom: 'linked_kindergarten', problem: 'ok', kindergartenIndex: 0, exists: true, operates: true });
    expect(rows[1]).toMatchObject({ status: 'for_profit', problem: 'not_in_use', kindergartenIndex: 1 });
    expect(rows[2]).toMatchObject({ status: 'planned', problem: 'not_built', exists: false });
  });

  it('handover due = completion + 3 months (or as given); overdue days counted to asOfDate', () => {
    const rows = analyseCommunities(
      [
        // completion 2025-12-31 → due 2026-03-31; as of 2026-06-30 → 91 days overdue (Apr 30 + May 31 + Jun 30)
        community({ id: 'a', residents: 6000, supporting_kg_status: 'accepted_not_handed_over', completion_date: '2025-12-31' }),
        // given due 2026-06-30 = asOfDate → not overdue (overdue only when asOfDate > due)
        community({ id: 'b', residents: 6000, supporting_kg_status: 'accepted_not_handed_over', handover_due: '2026-06-30' }),
        // given due 2026-06-29 → 1 day
        community({ id: 'c', residents: 6000, supporting_kg_status: 'accepted_not_handed_over', handover_due: '2026-06-29', completion_date: '2020-01-01' }),
        // handed over: never overdue
        community({ id: 'd', residents: 6000, supporting_kg_status: 'handed_over', completion_date: '2020-01-01' }),
        // still being built long after the housing was accepted: overdue too (配建不到位 and past due)
        community({ id: 'e', residents: 6000, supporting_kg_status: 'under_construction', completion_date: '2025-11-30' }),
        // no dates
        community({ id: 'f', residents: 6000, supporting_kg_status: 'accepted_not_handed_over' }),
      ],
      [],
      P,
    ).rows;
    expect(rows[0]).toMatchObject({ handoverDue: '2026-03-31', handoverDueFrom: 'derived', overdue: true, daysOverdue: 91 });
    expect(rows[1]).toMatchObject({ handoverDue: '2026-06-30', handoverDueFrom: 'given', overdue: false, daysOverdue: 0 });
    expect(rows[2]).toMatchObject({ handoverDue: '2026-06-29', overdue: true, daysOverdue: 1 });
    expect(rows[3]).toMatchObject({ overdue: false });
    // 2025-11-30 + 3 months = 2026-02-28 (day clamped); to 2026-06-30 = 122 days
    expect(rows[4]).toMatchObject({ handoverDue: '2026-02-28', overdue: true, daysOverdue: 122 });
    expect(rows[5]).toMatchObject({ handoverDue: null, handoverDueFrom: 'none', overdue: false });
  });

  it('handoverMonths is editable', () => {
    const rows = analyseCommunities(
      [community({ id: 'a', residents: 6000, supporting_kg_status: 'accepted_not_handed_over', completion_date: '2025-12-31' })],
      [],
      { ...P, handoverMonths: 6 },
    ).rows;
    expect(rows[0]).toMatchObject({ handoverDue: '2026-06-30', overdue: false });
  });
});
