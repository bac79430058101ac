/** The 选址 panel's sentences built from the solver's numbers (messages; rendered by the panel). */
import type { DroppedCandidate, SitingAnswer, SitingSummary } from '../../analysis/siting/siting-types';
import { m, msg, render, type Lang, type Message } from '../../i18n';
import { formatInt } from '../format';

/** The status of an answer: the heuristic's, or the exact solver's (optimal, time limit, none). */
export function statusOf(a: SitingAnswer, timeLimitS: number, solving: boolean): Message {
  if (a.method !== 'exact') return m(solving ? 'siting.ui.status.heuristicSolving' : 'siting.ui.status.heuristic');
  if (a.provedOptimal) return m('siting.ui.status.optimal');
  if (!Number.isFinite(a.gap)) return m('siting.ui.status.noSolution');
  return m('siting.ui.status.timeLimit', { seconds: timeLimitS, gap: (a.gap * 100).toFixed(2) });
}

/** Why a candidate was left out, as the engine words it. */
export function droppedText(d: DroppedCandidate): Message {
  return m('siting.ui.dropped.item', { name: d.name, reason: d.reason });
}

/** The counts before solving, with up to three left-out candidates and why. */
export function summaryText(lang: Lang, sum: SitingSummary): string {
  const dropped = sum.dropped.length
    ? msg(lang, 'siting.ui.summary.dropped', {
        n: sum.dropped.length,
        list: sum.dropped
          .slice(0, 3)
          .map((d) => render(lang, droppedText(d)))
          .join(msg(lang, 'shell.semicolon')),
        more: sum.dropped.length > 3 ? '…' : '',
      })
    : '';
  return msg(lang, 'siting.ui.summary', {
    total: formatInt(sum.childrenTotal),
    covered: formatInt(sum.coveredByExisting),
    unreachable: formatInt(sum.unreachable),
    cells: sum.unreachableCells.length,
    candidates: sum.nCandidates,
    dropped,
  });
}

