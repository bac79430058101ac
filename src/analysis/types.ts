/**
 * Types of the analysis engine: input, parameters and results.
 *
 * Conventions
 * - Distances in metres (`…M`), dates as ISO strings `YYYY-MM-DD`.
 * - Per-kindergarten arrays are index-aligned with `AnalysisInput.kindergartens`,
 *   per-cell arrays with `AnalysisInput.population`.
 * - Shares in `Figure`s with unit '%' are percentages (0–100); everywhere else a
 *   share is a fraction (0–1) and its name ends in `Share`.
 * - `NaN` in a typed array means "not defined" (e.g. R_j of a kindergarten with no
 *   demand in its catchment); in JSON it becomes `null`.
 * - Everything here is structured-cloneable (plain objects, arrays, typed arrays).
 */
import type { Message } from '../i18n';
import type { WalkGraph } from './network/walk-graph';
import type { WalkingExtras } from './network/walking-extras';
import type { DistanceMode } from './reach';
import type { AdminUnit, ChildcareCentre, Community, Kindergarten, PopulationCell, SupportingKgStatus } from './model';

// ───────────────────────────── input ─────────────────────────────

/** The four layers the engine reads, as rows of the data model (src/data/schema.ts). */
export interface AnalysisInput {
  kindergartens: Kindergarten[];
  population: PopulationCell[];
  communities: Community[];
  admin_units: AdminUnit[];
  /** optional 托育机构 (infant-care centres): their 托位 count in the plan's infant-care figures */
  childcare_centres?: ChildcareCentre[];
  /**
   * Optional supply scenario (e.g. one year of the five-year plan): places per
   * kindergarten, index-aligned with `kindergartens`. When given, a kindergarten
   * supplies iff `supplyPlaces[j] > 0` (its status is then ignored) and
   * `supplyPlaces[j]` replaces `places`. Enrolment-based indicators still use the rows.
   */
  supplyPlaces?: ArrayLike<number>;
  /**
   * Optional (plan only): kindergartens that open in a year (a 配套园 opened through the
   * ledger): the row named by `id` supplies from `year` on, not before.
   */
  openings?: { id: string; year: number }[];
  /**
   * Optional walking network (src/analysis/network/walk-graph.ts, typed arrays): used
   * when params.distanceMode is 'walking'.
   */
  walkGraph?: WalkGraph;
}

// ─────────────────────────── parameters ───────────────────────────

/** Distance-decay form of 2SFCA: W = 1 (uniform) or the Gaussian form. */
export type DecayKind = 'uniform' | 'gaussian';

/** Red / amber / green thresholds on a supply/demand ratio (R_j, or A_i averaged). */
export interface RagThresholds {
  /** ratio ≥ green → 'green' */
  green: number;
  /** amber ≤ ratio < green → 'amber'; ratio < amber → 'red' */
  amber: number;
}

/** What a 配套园 rule counts: residents (常住人口) or households (户数). */
export type RuleBasis = 'residents' | 'households';

/** One step of a 配套园 rule table: basis (op) min → at least `classes` classes. */
export interface SupportingKgRule {
  /** '>=' (at least) or '>' (more than) */
  op: '>=' | '>';
  min: number;
  classes: number;
  /** e.g. "海南 2019" */
  sourceZh: string;
}

/**
 * A 配套园 rule table. A community requires a 配套园 when its basis value meets at
 * least one rule; the required classes are those of the highest rule met.
 */
export interface SupportingKgRuleTable {
  id: string;
  labelZh: string;
  basis: RuleBasis;
  rules: SupportingKgRule[];
  sourceZh: string;
  verified: boolean;
}

/** Thresholds of the county indicators (教督〔2020〕1号 and the 2013 staffing standard). */
export interface IndicatorThresholds {
  /** 学前三年毛入园率 ≥ (percent) */
  grossEnrolmentRatePct: number;
  /** 普惠性幼儿园覆盖率 ≥ (percent) */
  inclusiveCoveragePct: number;
  /** 公办园在园幼儿占比 ≥ (percent) */
  publicSharePct: number;
  /** children per staff member ≤ (1:7) */
  childrenPerStaffMax: number;
  /** children per 保教人员 (teachers + carers) ≤ (1:9) */
  childrenPerCareStaffMax: number;
  /** children per full-time teacher ≤ (1:15) */
  childrenPerTeacherMax: number;
  /** mixed-age class size limit (children per class) */
  classSizeMax: number;
  /** 班额达标率 ≥ (percent) */
  classSizeCompliancePct: number;
}

export interface AnalysisParams {
  /** service radius d0 in metres (300 default, GB 50180-2018; 500 alternative) */
  radiusM: number;
  /** which 2SFCA form drives statuses and the served/over-capacity split (both are always computed) */
  decay: DecayKind;
  /** R_j / mean A thresholds for red / amber / green */
  statusThresholds: RagThresholds;
  /** 配套园 rule table (default 海南 2019) */
  ruleTable: SupportingKgRuleTable;
  /** months after 竣工验收 within which a 配套园 must be handed over (default 3, 青岛 2022) */
  handoverMonths: number;
  /** "today" for overdue checks, ISO date; passed in, the engine never reads the clock */
  asOfDate: string;
  /** days overdue from which a 配套园 item is orange (default 30) and red (default 90); our reading */
  escalationOrangeDays: number;
  escalationRedDays: number;
  indicatorThresholds: IndicatorThresholds;
  /** nearest-kindergarten search gives up beyond this distance (nearestKgM = NaN); 0 = only within radiusM (fastest) */
  nearestMaxM: number;
  /**
   * Distance for reach (coverage, 2SFCA, split, plan, 选址, nearest): straight line
   * (default, also when absent) or walking distance over `AnalysisInput.walkGraph`.
   */
  distanceMode?: DistanceMode;
  /** walking speed for minutes (km/h; default 5 → 300 m ≈ 3.6 min) */
  walkSpeedKmh?: number;
  /** demand points and sites farther than this from every path are not reachable on foot (m; default 200) */
  walkSnapMaxM?: number;
}

/** Where a default parameter comes from, for the UI ("服务半径 300 m — GB 50180-2018"). */
export interface ParamSource {
  label: Message;
  source: Message;
  /** false = a number we could not confirm against the official text, or our own convention */
  verified: boolean;
}

// ──────────────────────────── figures ────────────────────────────

/** Units of figures; rendered by the caller (`engine.unit.…`). */
export type FigureUnit = '%' | 'm' | '人' | '个' | '所' | '月' | '学位/人' | '人/人';

export interface FigureInput {
  label: Message;
  value: number | null;
  unit: FigureUnit;
}

/**
 * A headline figure that explains itself: value = formula applied to `inputs`,
 * reproducible by hand. `value` is null when the formula is undefined (÷ 0).
 */
export interface Figure {
  key: string;
  label: Message;
  value: number | null;
  /** '%' (percent, 0–100), '人', '个', '所', 'm', '人/人' (children per staff member), … */
  unit: FigureUnit;
  formula: Message;
  inputs: FigureInput[];
  threshold?: { op: '>=' | '<='; value: number };
  pass?: boolean;
  source: Message;
  /** caveats, e.g. rows with missing values */
  note?: Message;
}

// ──────────────────────────── results ────────────────────────────

/** 2SFCA status of a kindergarten: by its R_j; 'no_demand' = no children in its catchment; 'inactive' = not supplying. */
export type KgStatusRag = 'green' | 'amber' | 'red' | 'no_demand' | 'inactive';
/** status of a 街道 (by its children-weighted mean A); 'no_demand' = no children */
export type RagStatus = 'green' | 'amber' | 'red' | 'no_demand';

export interface KindergartenResults {
  /** ids of the input rows, same order */
  ids: string[];
  names: string[];
  /** 1 = supplies places in this run (status existing or null, or supplyPlaces > 0) */
  active: Uint8Array;
  /** places used as supply S_j (0 when inactive) */
  supplyPlaces: Float64Array;
  /** Σ children 3–5 of cells within radiusM (unweighted) — plain 2SFCA demand */
  inCatchmentDemand: Float64Array;
  /** Σ W(d)·children 3–5 with the Gaussian W — Gaussian 2SFCA demand */
  weightedDemandGaussian: Float64Array;
  /** R_j, plain (W = 1); NaN when no demand or inactive */
  ratioPlain: Float64Array;
  /** R_j, Gaussian; NaN when no demand or inactive */
  ratioGaussian: Float64Array;
  /** by the ratio of params.decay */
  status: KgStatusRag[];
  /** index into `streets` (−1 never happens: unmatched codes get their own row) */
  streetIndex: Int32Array;
}

export interface CellResults {
  ids: string[];
  /** 1 = within radiusM of at least one supplying kindergarten */
  covered: Uint8Array;
  /** distance to the nearest supplying kindergarten (m); NaN beyond params.nearestMaxM (beyond radiusM when nearestMaxM = 0) */
  nearestKgM: Float64Array;
  /** A_i, plain (places per child within reach) */
  accessPlain: Float64Array;
  /** A_i, Gaussian */
  accessGaussian: Float64Array;
  /** children served = min(A_i, 1) × children with the uniform A_i (whatever params.decay); 0 when not covered */
  served: Float64Array;
  /** covered but unserved children = children − served */
  overCapacity: Float64Array;
  /** children of cells outside every catchment */
  outside: Float64Array;
  /** index into `streets` */
  streetIndex: Int32Array;
}

/** Supply vs demand and coverage of one 街道 (or of the district). Children split in whole persons. */
export interface SupplyDemandRow {
  /** street_code ('' = not assigned to any 街道) */
  code: string;
  nameZh: string;
  /** 'street' | 'town' | 'other' | '' */
  level: string;
  /** supplying kindergartens located in the 街道 */
  kindergartens: number;
  classes: number;
  places: number;
  enrolled: number;
  residents: number;
  /** children aged 3–5 (whole persons) = served + overCapacity + outside */
  children: number;
  /** places − children (negative = shortage) */
  placesBalance: number;
  /** max(0, children − places) per 街道; for the district the sum of the 街道 gaps (never netted) */
  placesGap: number;
  coveredChildren: number;
  coveredResidents: number;
  /** coveredChildren ÷ children (fraction; NaN when 0 children) */
  coveredChildrenShare: number;
  coveredResidentsShare: number;
  served: number;
  overCapacity: number;
  outside: number;
  /** Σ A_i·P_i ÷ Σ P_i, with A of params.decay (NaN when 0 children) */
  meanAccess: number;
  meanAccessPlain: number;
  meanAccessGaussian: number;
  status: RagStatus;
}

export interface StreetRow extends SupplyDemandRow {
  /** county indicators of this 街道 */
  indicators: Figure[];
  /** rows whose street_code was empty and were placed in this 街道 by its boundary */
  assignedByBoundary: { kindergartens: number; cells: number; communities: number };
}

/** 配套园 problem kinds (规划/配建/移交/使用不到位), plus ok, not required, unknown. */
export type SupportingKgProblem =
  | 'not_planned'
  | 'not_built'
  | 'not_handed_over'
  | 'not_in_use'
  | 'ok'
  | 'not_required'
  | 'unknown';

export interface CommunityGapRow {
  communityId: string;
  name: string;
  streetCode: string;
  households: number | null;
  residents: number | null;
  /** required by the rule table (null = basis value missing) */
  ruleRequired: boolean | null;
  /** classes the rule table asks for (null = none) */
  ruleClasses: number | null;
  /** source label of the rule that applied ('' = none) */
  ruleSourceZh: string;
  /** final: the given supporting_kg_required when not null, else the rule */
  required: boolean | null;
  requiredFrom: 'given' | 'rule' | 'missing';
  /** supporting_kg_classes when given, else ruleClasses */
  requiredClasses: number | null;
  /** ledger status, or derived from the linked kindergarten when the ledger is empty */
  status: SupportingKgStatus | null;
  statusFrom: 'ledger' | 'linked_kindergarten' | 'none';
  /** index into input kindergartens of the linked 配套园 (supporting_kg_id or kindergartens.community_id), −1 none */
  kindergartenIndex: number;
  /** the 配套园 is built (status from built_not_accepted on, or linked kindergarten exists) */
  exists: boolean;
  /** the 配套园 runs as a kindergarten (operating_*, rectified, for_profit, or linked kindergarten existing) */
  operates: boolean;
  problem: SupportingKgProblem;
  /** the problem named for the user (with the ledger detail) */
  problemLabel: Message;
  /** handover_due, or completion_date + handoverMonths (null = no dates) */
  handoverDue: string | null;
  handoverDueFrom: 'given' | 'derived' | 'none';
  /** the date the current step is due: the ledger's 办结期限 when set, else handoverDue before handover */
  dueDate: string | null;
  /**
   * past dueDate on asOfDate while a problem remains: before handover (status not_planned …
   * accepted_not_handed_over) against dueDate; after it (handed over but not open, misused,
   * for profit) only against a 办结期限
   */
  overdue: boolean;
  /** days asOfDate − dueDate when overdue, else 0 */
  daysOverdue: number;
}

export interface CommunitySummary {
  communities: number;
  required: number;
  /** problem kind → number of communities */
  byProblem: Record<SupportingKgProblem, number>;
  overdue: number;
  /** required classes missing: Σ requiredClasses of required communities whose 配套园 is not ok */
  classesAtRisk: number;
}

export interface AnalysisTimings {
  prepareMs: number;
  pairsMs: number;
  coverageMs: number;
  twoStepMs: number;
  aggregateMs: number;
  communitiesMs: number;
  indicatorsMs: number;
  totalMs: number;
}

export interface AnalysisResult {
  params: AnalysisParams;
  kindergartens: KindergartenResults;
  cells: CellResults;
  /** one row per 街道 (admin_units first, in input order; then codes found only in data; '' last) */
  streets: StreetRow[];
  district: SupplyDemandRow;
  /** county indicators, district-wide */
  indicators: Figure[];
  /** coverage, 2SFCA and supply/demand headline figures, district-wide */
  headline: Figure[];
  communities: CommunityGapRow[];
  communitySummary: CommunitySummary;
  /** neighbour pairs (kindergarten, cell) within radiusM, all kindergartens with coordinates */
  pairCount: number;
  /** warnings about the input (missing values, rows skipped) */
  warnings: Message[];
  timings: AnalysisTimings;
  /** only when params.distanceMode is 'walking' (and per-cell detail was asked for): isochrones, nearest bands, straight vs walking per 街道 */
  walking?: WalkingExtras;
}

/** Progress callback and cancellation for runAnalysis. */
export interface RunOptions {
  onProgress?: (fraction: number, stage: Message) => void;
  signal?: { aborted: boolean };
  /**
   * Swap in another distance (e.g. walking distance over a road network) for the
   * catchment pairs: called with the great-circle distance of each candidate pair
   * within radiusM; must return a distance ≥ it (Infinity drops the pair). Not
   * available through the worker (functions do not clone). nearestKgM stays straight-line.
   */
  refineDistanceM?: (kgIndex: number, cellIndex: number, greatCircleM: number) => number;
}
