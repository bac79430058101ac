/**
 * The instant answers: greedy + Teitz–Bart swap for MCLP, greedy + redundancy
 * removal for LSCP, greedy with a feasible assignment for capacitated MCLP. All on
 * the reduced problem's typed arrays. Each answer is feasible, so its objective
 * never beats the exact optimum.
 */
import type { SitingProblem } from './siting-types';

export interface HeuristicResult {
  /** chosen candidate indices */
  chosen: number[];
  /** MCLP: children served in the model; LSCP: number of sites */
  objective: number;
  /** capacitated only: children assigned per (group, site) entry, aligned with problem.site */
  flow: Float64Array | null;
  swaps: number;
}

const EPS = 1e-9;

function budgetOk(pr: SitingProblem, spent: number, c: number): boolean {
  return pr.budget10k === null || spent + pr.candCost10k[c] <= pr.budget10k + EPS;
}

/**
 * MCLP (uncapacitated): greedy p sites by marginal children covered, then swap one
 * chosen for one unchosen while the covered total grows (best swap per candidate,
 * passes until none improves). Returns children covered in the model.
 */
export function solveMclpHeuristic(pr: SitingProblem, maxPasses = 20): HeuristicResult {
  const { nCand, nGroups, weight, siteOff, site, candOff, candGroup } = pr;
  const cnt = new Int32Array(nGroups);
  // sum of chosen candidates covering g: equals the sole one when cnt[g] = 1
  const sumSel = new Float64Array(nGroups);
  const gain = new Float64Array(nCand);
  for (let c = 0; c < nCand; c++) for (let q = candOff[c]; q < candOff[c + 1]; q++) gain[c] += weight[candGroup[q]];
  const chosenFlag = new Uint8Array(nCand);
  const chosen: number[] = [];
  let spent = 0;
  const add = (c: number) => {
    chosenFlag[c] = 1;
    chosen.push(c);
    spent += pr.candCost10k[c];
    for (let q = candOff[c]; q < candOff[c + 1]; q++) {
      const g = candGroup[q];
      if (cnt[g] === 0) for (let r = siteOff[g]; r < siteOff[g + 1]; r++) gain[site[r]] -= weight[g];
      cnt[g]++;
      sumSel[g] += c;
    }
  };
  const remove = (c: number) => {
    chosenFlag[c] = 0;
    chosen.splice(chosen.indexOf(c), 1);
    spent -= pr.candCost10k[c];
    for (let q = candOff[c]; q < candOff[c + 1]; q++) {
      const g = candGroup[q];
      cnt[g]--;
      sumSel[g] -= c;
      if (cnt[g] === 0) for (let r = siteOff[g]; r < siteOff[g + 1]; r++) gain[site[r]] += weight[g];
    }
  };
  for (let k = 0; k < pr.p; k++) {
    let best = -1;
    for (let c = 0; c < nCand; c++) if (!chosenFlag[c] && gain[c] > EPS && budgetOk(pr, spent, c) && (best < 0 || gain[c] > gain[best])) best = c;
    if (best < 0) break;
    add(best);
  }
  // swap phase
  const loss = new Float64Array(nCand);
  const extra = new Float64Array(nCand);
  const touched: number[] = [];
  let swaps = 0;
  const computeLoss = () => {
    for (const s of chosen) {
      let l = 0;
      for (let q = candOff[s]; q < candOff[s + 1]; q++) if (cnt[candGroup[q]] === 1) l += weight[candGroup[q]];
      loss[s] = l;
    }
  };
  computeLoss();
  for (let pass = 0; pass < maxPasses && chosen.length > 0; pass++) {
    let improved = false;
    for (let c = 0; c < nCand; c++) {
      if (chosenFlag[c]) continue;
      let gain0 = 0;
      for (let q = candOff[c]; q < candOff[c + 1]; q++) {
        const g = candGroup[q];
        if (cnt[g] === 0) gain0 += weight[g];
        else if (cnt[g] === 1) {
          const s = Math.round(sumSel[g]);
          if (extra[s] === 0) touched.push(s);
          extra[s] += weight[g];
        }
      }
      let bestS = -1;
      let bestD = EPS * (1 + gain0);
      for (const s of chosen) {
        const d = gain0 + extra[s] - loss[s];
        if (d > bestD && (pr.budget10k === null || spent - pr.candCost10k[s] + pr.candCost10k[c] <= pr.budget10k + EPS)) {
          bestD = d;
          bestS = s;
        }
      }
      for (const s of touched) extra[s] = 0;
      touched.length = 0;
      if (bestS >= 0) {
        remove(bestS);
        add(c);
        computeLoss();
        swaps++;
        improved = true;
      }
    }
    if (!improved) break;
  }
  let objective = 0;
  for (let g = 0; g < nGroups; g++) if (cnt[g] > 0) objective += weight[g];
  return { chosen: [...chosen], objective, flow: null, swaps };
}

/**
 * LSCP: greedy by the number of uncovered groups a candidate reaches (ties: more
 * children), until every group is covered; then drop sites whose groups are all
 * covered twice. Objective = number of sites. Budget and p are not limits here.
 */
export function solveLscpHeuristic(pr: SitingProblem): HeuristicResult {
  const { nCand, nGroups, weight, siteOff, site, candOff, candGroup } = pr;
  const cnt = new Int32Array(nGroups);
  const nNew = new Float64Array(nCand);
  const wNew = new Float64Array(nCand);
  for (let c = 0; c < nCand; c++)
    for (let q = candOff[c]; q < candOff[c + 1]; q++) {
      nNew[c]++;
      wNew[c] += weight[candGroup[q]];
    }
  let left = nGroups;
  const chosen: number[] = [];
  const flag = new Uint8Array(nCand);
  while (left > 0) {
    let best = -1;
    for (let c = 0; c < nCand; c++) if (!flag[c] && nNew[c] > 0 && (best < 0 || nNew[c] > nNew[best] || (nNew[c] === nNew[best] && wNew[c] > wNew[best]))) best = c;
    if (best < 0) break;
    flag[best] = 1;
    chosen.push(best);
    for (let q = candOff[best]; q < candOff[best + 1]; q++) {
      const g = candGroup[q];
      if (cnt[g] === 0) {
        left--;
        for (let r = siteOff[g]; r < siteOff[g + 1]; r++) {
          nNew[site[r]]--;
          wNew[site[r]] -= weight[g];
        }
      }
      cnt[g]++;
    }
  }
  // the earliest picks cover most; try dropping the latest first
  for (let k = chosen.length - 1; k >= 0; k--) {
    const c = chosen[k];
    let redundant = true;
    for (let q = candOff[c]; q < candOff[c + 1]; q++) if (cnt[candGroup[q]] < 2) redundant = false;
    if (!redundant) continue;
    for (let q = candOff[c]; q < candOff[c + 1]; q++) cnt[candGroup[q]]--;
    chosen.splice(k, 1);
  }
  return { chosen, objective: chosen.length, flow: null, swaps: 0 };
}

/**
 * Capacitated MCLP: existing places are assigned first (groups with the fewest
 * options first, each to its reachable site with most free places), then p times
 * the candidate that can take most of the children still unserved (min of its
 * places and the unserved children in reach), filling it. Objective = children
 * assigned to a place in reach (existing + new). A feasible assignment, so a lower
 * bound on the optimum.
 */
export function solveCapacitatedHeuristic(pr: SitingProblem): HeuristicResult {
  const { nCand, nGroups, nExisting: nEx, weight, siteOff, site, candOff, candGroup } = pr;
  const flow = new Float64Array(site.length);
  const resid = Float64Array.from(weight);
  const free = new Float64Array(nEx + nCand);
  free.set(pr.existingCap, 0);
  const order = Array.from({ length: nGroups }, (_, g) => g).sort((a, b) => siteOff[a + 1] - siteOff[a] - (siteOff[b + 1] - siteOff[b]));
  const fill = (allowed: (s: number) => boolean) => {
    for (const g of order) {
      while (resid[g] > EPS) {
        let bestQ = -1;
        for (let q = siteOff[g]; q < siteOff[g + 1]; q++) if (allowed(site[q]) && free[site[q]] > EPS && (bestQ < 0 || free[site[q]] > free[site[bestQ]])) bestQ = q;
        if (bestQ < 0) break;
        const x = Math.min(resid[g], free[site[bestQ]]);
        flow[bestQ] += x;
        resid[g] -= x;
        free[site[bestQ]] -= x;
      }
    }
  };
  fill((s) => s < nEx);
  const chosen: number[] = [];
  const open = new Uint8Array(nCand);
  let spent = 0;
  for (let k = 0; k < pr.p; k++) {
    let best = -1;
    let bestGain = EPS;
    for (let c = 0; c < nCand; c++) {
      if (open[c] || !budgetOk(pr, spent, c)) continue;
      let reach = 0;
      for (let q = candOff[c]; q < candOff[c + 1]; q++) reach += resid[candGroup[q]];
      const gain = Math.min(pr.candCap[c], reach);
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    if (best < 0) break;
    open[best] = 1;
    chosen.push(best);
    spent += pr.candCost10k[best];
    free[nEx + best] = pr.candCap[best];
    fill((s) => s === nEx + best);
  }
  let objective = 0;
  for (let q = 0; q < flow.length; q++) objective += flow[q];
  return { chosen, objective, flow, swaps: 0 };
}
