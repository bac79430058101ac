/** The CLI's JSON report of a siting run (plain numbers; NaN → null). */
import { render } from '../../i18n';
import type { SitingAnswer, SitingParams, SitingSummary } from './siting-types';

const n = (x: number): number | null => (Number.isFinite(x) ? x : null);

function answerJson(a: SitingAnswer) {
  return {
    method: a.method,
    objective: n(a.objective),
    bound: n(a.bound),
    gap: n(a.gap),
    provedOptimal: a.provedOptimal,
    status: render('zh', a.status),
    ms: Math.round(a.ms),
    servedBefore: n(a.servedBefore),
    servedAfter: n(a.servedAfter),
    sites: a.sites.map((s) => ({ id: s.id, name: s.name, lon: s.lon, lat: s.lat, newlyServed: n(s.newlyServed), places: s.places })),
  };
}

/** Parameters, counts before solving, and both answers. */
export function sitingReportJson(params: SitingParams, s: SitingSummary, heuristic: SitingAnswer, exact: SitingAnswer) {
  return {
    params,
    summary: {
      childrenTotal: s.childrenTotal,
      coveredByExisting: s.coveredByExisting,
      unreachable: s.unreachable,
      unreachableCells: s.unreachableCells.length,
      candidates: s.nCandidates,
      dropped: s.dropped,
      groups: s.nGroups,
    },
    heuristic: answerJson(heuristic),
    exact: answerJson(exact),
  };
}
