/**
 * The problem of a 配套园 row as a message: the kind, with its ledger detail
 * ("使用不到位（营利性）"), the same text as analyseCommunities' `problemZh`.
 */
import type { CommunityGapRow } from '../../analysis/types';
import { m, type Message, type MessageKey } from '../../i18n';

function detailOf(r: Pick<CommunityGapRow, 'problem' | 'status' | 'required'>): MessageKey | null {
  if (r.problem === 'not_in_use' && r.status === 'handed_over') return 'ledger.ui.problemDetail.handedOverNotOpen';
  if (r.problem === 'not_in_use' && r.status === 'misused') return 'ledger.ui.problemDetail.misused';
  if (r.problem === 'not_in_use' && r.status === 'for_profit') return 'ledger.ui.problemDetail.forProfit';
  if (r.problem === 'unknown') return r.required === null ? 'ledger.ui.problemDetail.noBasis' : 'ledger.ui.problemDetail.noStatus';
  return null;
}

export function problemLabel(r: Pick<CommunityGapRow, 'problem' | 'status' | 'required'>): Message {
  const problem = m(`ledger.ui.problem.${r.problem}`);
  const detail = detailOf(r);
  return detail ? m('ledger.ui.problem.withDetail', { problem, detail: m(detail) }) : problem;
}
