import { describe, expect, it } from 'vitest';
import { analyseCommunities } from '../../../src/analysis/communities';
import { RULE_TABLE_HAINAN_2019 } from '../../../src/analysis/params';
import { SUPPORTING_KG_STATUSES } from '../../../src/analysis/model';
import { render } from '../../../src/i18n';
import { problemLabel } from '../../../src/ui/ledger/problem-label';
import { community } from '../../analysis/helpers';

const CJK = /[\u3400-\u9fff]/;

describe('the ledger problem label', () => {
  // every status, with and without a known population, and no status at all
  const input = [
    ...SUPPORTING_KG_STATUSES.map((s, n) => community({ id: `s${n}`, residents: 6000, supporting_kg_status: s })),
    community({ id: 'none', residents: 6000, supporting_kg_status: null }),
    community({ id: 'nobasis', residents: null as unknown as number, supporting_kg_status: null }),
    community({ id: 'small', residents: 100, supporting_kg_status: null }),
  ];
  const rows = analyseCommunities(input, [], { ruleTable: RULE_TABLE_HAINAN_2019, handoverMonths: 3, asOfDate: '2026-06-30' }).rows;

  it('reads in Chinese exactly as the engine’s problemZh', () => {
    expect(rows.map((r) => render('zh', problemLabel(r)))).toEqual(rows.map((r) => r.problemZh));
    // the cases with a detail are all there
    expect(rows.map((r) => r.problemZh)).toEqual(expect.arrayContaining(['使用不到位（已移交未开办）', '使用不到位（挪作他用）', '使用不到位（营利性）', '状态不明（缺少户数/人口且台账未定）', '状态不明（台账无状态且未关联幼儿园）']));
  });

  it('reads in English without Chinese', () => {
    for (const r of rows) expect(render('en', problemLabel(r))).not.toMatch(CJK);
    expect(render('en', problemLabel({ problem: 'not_in_use', status: 'for_profit', required: true }))).toBe('Not in use (for profit)');
  });
});
