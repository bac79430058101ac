import { describe, expect, it } from 'vitest';
import { checkTransition, nextStates } from '../../../src/analysis/ledger/workflow';
import { SUPPORTING_KG_STATUSES } from '../../../src/data/schema';

/**
 * The whole 12 × 12 matrix, written out by hand from planning-standards.md's workflow:
 * o allowed, n allowed with a note, . same state, B backwards, H opened before handover,
 * F open before rectifying, R nothing to rectify, D delay only while planned/building,
 * N not built yet, X not a step of the workflow.
 * Columns: 未规划 已规划 在建 缓建 已建未验收 已验收未移交 已移交 公办 委托普惠 挪用 营利 已整改
 */
const MATRIX: Record<string, string> = {
  not_planned: '.onDnnnHHNNR',
  planned: 'B.onnnnHHNNR',
  under_construction: 'BB.nonnHHNNR',
  delayed: 'Bno.nnnHHNNR',
  built_not_accepted: 'BBBD.onHHnXR',
  accepted_not_handed_over: 'BBBDB.oHHnXR',
  handed_over: 'BBBDBB.oonnR',
  operating_public: 'BBBDBBB.nnXR',
  operating_inclusive: 'BBBDBBBn.nnR',
  misused: 'BBBDBBBFF.Xn',
  for_profit: 'BBBDBBBFFX.n',
  rectified: 'BBBDBBBoonn.',
};
const KEY: Record<string, string> = {
  '.': 'ledger.refuse.same',
  B: 'ledger.refuse.backward',
  H: 'ledger.refuse.openBeforeHandover',
  F: 'ledger.refuse.rectifyFirst',
  R: 'ledger.refuse.rectifyWhat',
  D: 'ledger.refuse.delayWhat',
  N: 'ledger.refuse.notBuilt',
  X: 'ledger.refuse.notAllowed',
};

describe('ledger workflow: every transition', () => {
  for (const from of SUPPORTING_KG_STATUSES) {
    SUPPORTING_KG_STATUSES.forEach((to, j) => {
      const want = MATRIX[from][j];
      it(`${from} → ${to}: ${want}`, () => {
        const c = checkTransition(from, to);
        if (want === 'o' || want === 'n') {
          expect(c.ok).toBe(true);
          if (c.ok) expect(c.noteRequired).toBe(want === 'n');
        } else {
          expect(c.ok).toBe(false);
          expect(c.message?.key).toBe(KEY[want]);
        }
      });
    });
  }
  it('a first entry may be any state', () => {
    expect(SUPPORTING_KG_STATUSES.every((to) => checkTransition(null, to).ok)).toBe(true);
  });
  it('a skip says which stages it passes over', () => {
    const c = checkTransition('planned', 'accepted_not_handed_over');
    expect(c.ok && c.message).toEqual({ key: 'ledger.skips', values: { from: 'planned', to: 'accepted_not_handed_over', skipped: 'under_construction,built_not_accepted' } });
  });
  it('lists the next states for the menu', () => {
    expect(nextStates('handed_over', SUPPORTING_KG_STATUSES)).toEqual(['operating_public', 'operating_inclusive', 'misused', 'for_profit']);
  });
});
