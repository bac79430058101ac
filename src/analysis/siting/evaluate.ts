/**
 * Turn chosen candidates (and, capacitated, the assignment) into an answer for the
 * user: children newly served per site and per population row, before → after.
 */
import type { SitingPrepared } from './build-problem';
import type { ChosenSite, SitingAnswer } from './siting-types';

/** What a solver returns before evaluation on the rows. */
export interface RawAnswer extends Pick<SitingAnswer, 'method' | 'objective' | 'bound' | 'gap' | 'provedOptimal' | 'status' | 'ms'> {
  chosen: readonly number[];
  flow: Float64Array | null;
  /** capacitated: children served by the existing sites alone */
  servedBefore?: number;
}

/**
 * Evaluate an answer on the population rows. Uncapacitated: a row outside every
 * existing catchment and inside a chosen one is newly served, attributed to the
 * nearest chosen site. Capacitated: a group's children assigned to new sites are
 * spread over its rows by their children, attributed to the new site taking most.
 */
export function evaluateAnswer(prep: SitingPrepared, raw: RawAnswer): SitingAnswer {
  const { problem: pr, demand, pairs, candidates, summary } = prep;
  const nCells = demand.cellLon.length;
  const nEx = prep.existingKg.length;
  const siteOfCand = new Int32Array(pr.nCand).fill(-1);
  raw.chosen.forEach((c, k) => (siteOfCand[c] = k));
  const served = new Float64Array(raw.chosen.length);
  const cellPick = new Int32Array(nCells).fill(-1);
  const cellNew = new Float64Array(nCells);
  let servedBefore: number;
  let servedAfter: number;
  if (pr.goal === 'mclp' && pr.capacity && raw.flow) {
    const groupNew = new Float64Array(pr.nGroups);
    const groupPick = new Int32Array(pr.nGroups).fill(-1);
    const groupPickFlow = new Float64Array(pr.nGroups);
    for (let g = 0; g < pr.nGroups; g++)
      for (let q = pr.siteOff[g]; q < pr.siteOff[g + 1]; q++) {
        const s = pr.site[q] - pr.nExisting;
        const x = raw.flow[q];
        if (s < 0 || siteOfCand[s] < 0 || !(x > 1e-9)) continue;
        served[siteOfCand[s]] += x;
        groupNew[g] += x;
        if (x > groupPickFlow[g]) {
          groupPickFlow[g] = x;
          groupPick[g] = siteOfCand[s];
        }
      }
    for (let i = 0; i < nCells; i++) {
      const g = pr.groupOfCell[i];
      if (g < 0 || groupNew[g] <= 0) continue;
      cellNew[i] = (groupNew[g] * demand.children[i]) / pr.weight[g];
      cellPick[i] = groupPick[g];
    }
    servedBefore = raw.servedBefore ?? NaN;
    servedAfter = raw.objective;
  } else {
    for (let i = 0; i < nCells; i++) {
      if (prep.coveredByExisting[i] || !(demand.children[i] > 0)) continue;
      let best = -1;
      let bestD = Infinity;
      for (let q = pairs.cellOffsets[i]; q < pairs.cellOffsets[i + 1]; q++) {
        const s = pairs.kg[q] - nEx;
        if (s >= 0 && siteOfCand[s] >= 0 && pairs.distM[q] < bestD) {
          bestD = pairs.distM[q];
          best = siteOfCand[s];
        }
      }
      if (best < 0) continue;
      cellPick[i] = best;
      cellNew[i] = demand.children[i];
      served[best] += demand.children[i];
    }
    servedBefore = summary.coveredByExisting;
    servedAfter = servedBefore + served.reduce((a, b) => a + b, 0);
  }
  const sites: ChosenSite[] = raw.chosen.map((c, k) => ({
    candidate: c,
    id: candidates[c].id,
    name: candidates[c].name,
    lon: candidates[c].lon,
    lat: candidates[c].lat,
    newlyServed: served[k],
    places: pr.candCap[c],
  }));
  // rank by children newly served (ties: candidate order), renumber the row picks
  const order = sites.map((_, k) => k).sort((a, b) => sites[b].newlyServed - sites[a].newlyServed || sites[a].candidate - sites[b].candidate);
  const rankOf = new Int32Array(sites.length);
  order.forEach((k, r) => (rankOf[k] = r));
  for (let i = 0; i < nCells; i++) if (cellPick[i] >= 0) cellPick[i] = rankOf[cellPick[i]];
  return {
    method: raw.method,
    goal: pr.goal,
    capacity: pr.capacity,
    sites: order.map((k) => sites[k]),
    objective: raw.objective,
    bound: raw.bound,
    gap: raw.gap,
    provedOptimal: raw.provedOptimal,
    status: raw.status,
    ms: raw.ms,
    servedBefore,
    servedAfter,
    cellSite: cellPick,
    cellNewlyServed: cellNew,
  };
}
