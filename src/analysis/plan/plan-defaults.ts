/** Default plan settings, each with its source (shared planning-standards.md). */
import { m, type MessageKey } from '../../i18n';
import type { ParamSource } from '../types';
import type { PlanSettings } from './plan-types';

/**
 * National births, 万人 (NBS). 2015 is from the NBS 2015 statistical communiqué (not in
 * planning-standards.md: marked unverified); 2025 on is an assumption: flat at 2024.
 */
export const NATIONAL_BIRTHS_10K: Record<number, number> = {
  2015: 1655,
  2016: 1786,
  2017: 1723,
  2018: 1523,
  2019: 1465,
  2020: 1202,
  2021: 1062,
  2022: 956,
  2023: 902,
  2024: 954,
  2025: 954,
  2026: 954,
  2027: 954,
};

/** First year whose births are an assumption, not a published figure. */
export const BIRTHS_ASSUMED_FROM = 2025;

export function defaultPlanSettings(): PlanSettings {
  return {
    baseYear: 2025,
    endYear: 2030,
    openingLagYears: 1,
    newCommunityAfterYear: 2025,
    householdSize: 2.34,
    newBuildCost10kPerClass: 250,
    demand: {
      method: 'births',
      baseBasis: 'births',
      nationalBirths10k: { ...NATIONAL_BIRTHS_10K },
      districtBirths: null,
      streetBirths: null,
      survivalRate: 0.994,
      netMigrationPerYear: 0,
      newCommunityChildShare: null,
      placesPerThousand: 30,
      tuoPerThousand: 4.5,
    },
  };
}

const src = (label: MessageKey, source: MessageKey, verified: boolean): ParamSource => ({ label: m(label), source: m(source), verified });

export const PLAN_PARAM_SOURCES: Record<string, ParamSource> = {
  years: src('param.plan.years', 'param.plan.years.source', true),
  openingLagYears: src('param.plan.openingLag', 'param.plan.openingLag.source', false),
  nationalBirths10k: src('param.plan.nationalBirths', 'param.plan.nationalBirths.source', false),
  baseBasis: src('param.plan.baseBasis', 'param.plan.baseBasis.source', false),
  childrenFromBirths: src('param.plan.childrenFromBirths', 'param.plan.childrenFromBirths.source', true),
  survivalRate: src('param.plan.survivalRate', 'param.plan.survivalRate.source', false),
  netMigrationPerYear: src('param.plan.netMigration', 'param.plan.netMigration.source', false),
  newCommunityChildShare: src('param.plan.newCommunityChildShare', 'param.plan.newCommunityChildShare.source', false),
  placesPerThousand: src('param.plan.placesPerThousand', 'param.plan.placesPerThousand.source', true),
  tuoPerThousand: src('param.plan.tuoPerThousand', 'param.plan.tuoPerThousand.source', true),
  newBuildCost10kPerClass: src('param.plan.newBuildCost', 'param.plan.newBuildCost.source', false),
  householdSize: src('param.plan.householdSize', 'param.plan.householdSize.source', true),
};
