/**
 * Types of site selection (选址): candidates, parameters, the reduced problem and
 * the answers. Everything is structured-cloneable (a worker posts it as it is).
 */

import type { Message } from '../../i18n';
import type { ReachSpec } from '../reach';

/** 'mclp': cover the most unserved children with p new sites; 'lscp': the fewest sites covering every child. */
export type SitingGoal = 'mclp' | 'lscp';

/** Where a candidate came from. */
export type CandidateSource = 'grid' | 'click' | 'plot';

export interface SitingCandidate {
  id: string;
  name: string;
  lon: number;
  lat: number;
  source: CandidateSource;
  /** land of a reserved plot (㎡); null for grid points and clicks */
  areaM2: number | null;
  /** cost of building here (万元); null → the parameters' cost per site */
  cost10k: number | null;
}

/** A candidate left out before solving, with the reason. */
export interface DroppedCandidate {
  id: string;
  name: string;
  reason: Message;
}

export interface SitingParams {
  goal: SitingGoal;
  /** service radius (m) */
  radiusM: number;
  /** new sites to choose (MCLP) */
  p: number;
  /** classes of each new site: 6 / 9 / 12 (× 30 places) */
  classes: 6 | 9 | 12;
  /** a child counts only if a place is free within reach (existing places first, then the new sites') */
  capacity: boolean;
  /** total budget (万元), null = none */
  budget10k: number | null;
  /** cost of one new site (万元) when a candidate has none of its own */
  cost10kPerSite: number;
  /** time limit of the exact solver (s) */
  timeLimitS: number;
  /** distance of reach (default straight line); walking carries the network graph (typed arrays) */
  reach?: ReachSpec;
}

export const PLACES_PER_CLASS = 30;
/** land a kindergarten of this many classes needs (㎡; 哈尔滨 2019: 6 → 2,700, 9 → 4,000, 12 → 5,400) */
export const LAND_M2_BY_CLASSES: Record<6 | 9 | 12, number> = { 6: 2700, 9: 4000, 12: 5400 };

export function defaultSitingParams(): SitingParams {
  return { goal: 'mclp', radiusM: 300, p: 3, classes: 12, capacity: false, budget10k: null, cost10kPerSite: 3000, timeLimitS: 60 };
}

/**
 * The reduced problem both solvers work on. Demand points with identical sets of
 * reachable sites are merged into groups (weights summed); demand no site can
 * reach, and in the uncapacitated model demand already inside an existing
 * catchment, are dropped before solving.
 */
export interface SitingProblem {
  goal: SitingGoal;
  capacity: boolean;
  p: number;
  budget10k: number | null;
  nCand: number;
  /** places of each candidate once built */
  candCap: Float64Array;
  candCost10k: Float64Array;
  /** existing supplying kindergartens taking part (capacitated model only; else 0) */
  nExisting: number;
  existingCap: Float64Array;
  nGroups: number;
  /** children of each group */
  weight: Float64Array;
  /** sites reachable from group g: siteOff[g] … siteOff[g+1]−1 in `site`; index < nExisting = existing, else nExisting + candidate */
  siteOff: Int32Array;
  site: Int32Array;
  /** groups reachable from candidate c: candOff[c] … candOff[c+1]−1 in `candGroup` */
  candOff: Int32Array;
  candGroup: Int32Array;
  /** groups reachable from existing site k (capacitated only) */
  exOff: Int32Array;
  exGroup: Int32Array;
  /** group of each population row (−1: not in the model) */
  groupOfCell: Int32Array;
}

/** One chosen site of an answer. */
export interface ChosenSite {
  candidate: number;
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** children this site newly serves (uncapacitated: newly covered cells attributed to the nearest chosen site; capacitated: children assigned to it) */
  newlyServed: number;
  places: number;
}

export type SitingMethod = 'heuristic' | 'exact';

export interface SitingAnswer {
  method: SitingMethod;
  goal: SitingGoal;
  capacity: boolean;
  /** chosen candidates, ranked by newly served (descending) */
  sites: ChosenSite[];
  /** MCLP: children served (counted in the model); LSCP: number of sites */
  objective: number;
  /** best bound on the objective (exact only; heuristic: NaN) */
  bound: number;
  /** relative gap |bound − objective| / max(1, |objective|); 0 = proved optimal */
  gap: number;
  provedOptimal: boolean;
  /** a status line for the user (e.g. 已证明最优, 达到时间上限) */
  status: Message;
  ms: number;
  /** children served before (existing sites) and after (with the chosen sites) */
  servedBefore: number;
  servedAfter: number;
  /** per population row: index of the chosen site (in `sites`) newly serving it, or −1 */
  cellSite: Int32Array;
  /** per population row: children newly served there */
  cellNewlyServed: Float64Array;
}

/** Everything the UI needs besides the answers: counts before solving. */
export interface SitingSummary {
  childrenTotal: number;
  /** children within reach of an existing supplying kindergarten */
  coveredByExisting: number;
  /** children neither covered by an existing site nor reachable by any candidate */
  unreachable: number;
  /** population rows (indices) with children that no site reaches */
  unreachableCells: number[];
  nCandidates: number;
  dropped: DroppedCandidate[];
  nGroups: number;
  nCellsInModel: number;
  pairsMs: number;
  reduceMs: number;
}
