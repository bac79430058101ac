/** The 选址 panel's sentences built from the solver's numbers (messages; rendered by the panel). */
import { LAND_M2_BY_CLASSES, type DroppedCandidate, type SitingAnswer, type SitingCandidate, type SitingSummary } from '../../analysis/siting/siting-types';
import { m, msg, render, type Lang, type Message } from '../../i18n';
import { formatInt } from '../format';

/** The status of an answer: the heuristic's, or the exact solver's (optimal, time limit, none). */
export function statusOf(a: SitingAnswer, timeLimitS: number, solving: boolean): Message {
  if (a.method !== 'exact') return m(solving ? 'siting.ui.status.heuristicSolving' : 'siting.ui.status.heuristic');
  if (a.provedOptimal) return m('siting.ui.status.optimal');
  if (!Number.isFinite(a.gap)) return m('siting.ui.status.noSolution');
  return m('siting.ui.status.timeLimit', { seconds: timeLimitS, gap: (a.gap * 100).toFixed(2) });
}

/** Why a candidate was left out (the checks of filterCandidates: coordinates, then the plot's area for the scale). */
export function droppedText(d: DroppedCandidate, cand: SitingCandidate | undefined, classes: 6 | 9 | 12): Message {
  if (!cand) return m('siting.ui.dropped.name', { name: d.name });
  const coordsOk = Number.isFinite(cand.lon) && Number.isFinite(cand.lat) && Math.abs(cand.lon) <= 180 && Math.abs(cand.lat) <= 90;
  if (coordsOk && cand.areaM2 !== null) return m('siting.ui.dropped.tooSmall', { name: d.name, area: formatInt(cand.areaM2), classes, need: formatInt(LAND_M2_BY_CLASSES[classes]) });
  return m('siting.ui.dropped.badCoords', { name: d.name });
}

/** The counts before solving, with up to three left-out candidates and why. */
export function summaryText(lang: Lang, sum: SitingSummary, cands: readonly SitingCandidate[], classes: 6 | 9 | 12): string {
  const byId = new Map(cands.map((c) => [c.id, c]));
  const dropped = sum.dropped.length
    ? msg(lang, 'siting.ui.summary.dropped', {
        n: sum.dropped.length,
        list: sum.dropped
          .slice(0, 3)
          .map((d) => render(lang, droppedText(d, byId.get(d.id), classes)))
          .join(msg(lang, 'siting.ui.dropped.sep')),
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

