/**
 * Types of the five-year plan engine (十五五 2026–2030): scenarios, demand
 * settings and per-(scenario, year) results. Years are calendar years; the
 * engine returns numbers and message keys, labels come from src/ui/messages.ts.
 */
import type { MessageKey } from '../../i18n';
import type { NetworkEdit } from '../network/network-edits';
import type { PlanProject } from '../model';
import type { AnalysisResult, SupplyDemandRow } from '../types';

/** A named set of plan projects (基准 = the imported plan_projects layer). */
export interface PlanScenario {
  id: string;
  name: string;
  projects: PlanProject[];
  /** walking network edits (new paths / bridges, closed segments); used when the distance is walking */
  networkEdits?: NetworkEdit[];
}

/** How demand per year is projected. */
export type DemandMethod = 'births' | 'per_thousand';

/**
 * Which children the base year (现状) counts: 'births' = the population layer's children
 * carried to the base year by births (t−3…t−5); 'census' = the layer's children as they
 * are. Later years follow births from there either way.
 */
export type DemandBasis = 'births' | 'census';

export interface DemandSettings {
  /** which method drives coverage, 2SFCA and the gap (both are always computed and shown) */
  method: DemandMethod;
  /** base-year children: projected from the data year by births, or the census as is (both are shown) */
  baseBasis: DemandBasis;
  /** national births by year, 万人 (NBS); the local series is this scaled to the data year's children */
  nationalBirths10k: Record<number, number>;
  /** optional absolute local births (persons) by year for the whole district */
  districtBirths?: Record<number, number> | null;
  /** optional absolute local births (persons) by year per 街道 code (takes precedence over districtBirths) */
  streetBirths?: Record<string, Record<number, number>> | null;
  /** survival from birth to age 3–5 (applied to absolute local births; cancels in the scaled national form) */
  survivalRate: number;
  /** net migration of young children per year, fraction (0.01 = +1 % a year), compounded from the data year */
  netMigrationPerYear: number;
  /** 3–5-year-olds per resident of a newly completed 小区; null = the district's projected share of that year */
  newCommunityChildShare: number | null;
  /** 千人指标: places per 1,000 residents (alternative method) */
  placesPerThousand: number;
  /** infant care target: 托位 per 1,000 residents */
  tuoPerThousand: number;
}

export interface PlanSettings {
  /** baseline year (现状) and last plan year */
  baseYear: number;
  endYear: number;
  /** a construction project supplies places from finish_year + this (completed in its finish year, enrols the following autumn) */
  openingLagYears: number;
  /** 小区 completed after this year add residents (earlier ones are assumed in the population layer) */
  newCommunityAfterYear: number;
  /** household size used when a new 小区 has households but no residents */
  householdSize: number;
  /** cost of a new build per class, 万元 (construction and fit-out, land excluded): the default cost of a new build placed on the map */
  newBuildCost10kPerClass: number;
  demand: DemandSettings;
}

/** A message from the engine: a key of the catalogue and its values. */
export interface PlanMessage {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** One 街道 in one year. */
export interface PlanStreetYear {
  code: string;
  nameZh: string;
  places: number;
  /** children 3–5, births method (persons) */
  childrenBirths: number;
  /** places needed by 千人指标 */
  demandPerThousand: number;
  /** the demand of the chosen method */
  demand: number;
  /** max(0, demand − places) */
  gap: number;
  /** share of the chosen demand within the radius of a supplying kindergarten (fraction) */
  coveredShare: number;
  residents: number;
  tuoPlaces: number;
  tuoNeed: number;
}

/** A rate of the 三率 in a plan year (percent), with its inputs. */
export interface PlanRate {
  key: 'gross_enrolment_rate' | 'inclusive_coverage' | 'public_share';
  valuePct: number | null;
  thresholdPct: number;
  pass: boolean | null;
  numerator: number;
  denominator: number;
}

export interface PlanYearSummary {
  year: number;
  places: number;
  placesPublic: number;
  placesInclusivePrivate: number;
  placesPrivate: number;
  kindergartens: number;
  /** supplying kindergartens, places' enrolment by type (real in the base year, projected after) */
  kindergartensByType: Record<'public' | 'inclusive_private' | 'private', number>;
  enrolledByType: Record<'public' | 'inclusive_private' | 'private', number>;
  childrenBirths: number;
  demandPerThousand: number;
  method: DemandMethod;
  demand: number;
  /** Σ 街道 gaps (never netted) */
  gapStreetSum: number;
  /** how many 街道 are short */
  streetsShort: number;
  /** demand within the radius of a supplying kindergarten */
  coveredDemand: number;
  coveredShare: number;
  /** projected enrolment = min(places, childrenBirths × base gross rate) */
  enrolledProjected: number;
  rates: PlanRate[];
  residents: number;
  tuoPlaces: number;
  tuoNeed: number;
  /** 万元 spent this year (each project's cost spread evenly over start…finish) */
  cost10k: number;
  streets: PlanStreetYear[];
  /** projects that change something this year (opening, closing, offline, conversion) */
  events: { projectId: string; what: 'opens' | 'offline' | 'closes' | 'converts' | 'expands' }[];
}

export interface PlanResult {
  scenarioId: string;
  settings: PlanSettings;
  years: PlanYearSummary[];
  /** full results (map, tables) of the years asked for in detail */
  detail: Record<number, AnalysisResult>;
  /** the base-year gross enrolment rate the projection uses (fraction): base enrolment ÷ base-year children */
  baseGrossRate: number;
  /** the population layer's year */
  dataYear: number;
  /** how the base year's children were counted */
  demandBasis: DemandBasis;
  /** children 3–5 of the population layer as they are (census, data year) */
  censusChildren: number;
  /** children 3–5 in the base year carried from the data year by births (whatever the basis) */
  baseChildrenBirths: number;
  /** sites = kindergartens rows + new-build sites (ids), index-aligned with detail results */
  siteIds: string[];
  messages: PlanMessage[];
  timings: { pairsMs: number; yearsMs: number; totalMs: number };
}

/** Row of a district table without the per-street detail (for compact views). */
export type DistrictRow = SupplyDemandRow;
