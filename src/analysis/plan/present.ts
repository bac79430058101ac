/**
 * The present-day view (现状) as the plan engine's base year of the 基准 scenario.
 * The app, the CLI and the tests all go through here, so "现状" and "2025 基准" are
 * one computation: same demand basis, supply rule (incl. 配套园 opened in the ledger)
 * and enrolment.
 */
import { m, type Message } from '../../i18n';
import type { Community, Kindergarten, LayerRows, PopulationCell } from '../model';
import { ledgerSupply, planKindergartens } from '../ledger/supply';
import type { AnalysisInput, AnalysisParams, AnalysisResult, SupportingKgRuleTable } from '../types';
import type { PlanResult, PlanScenario, PlanSettings } from './plan-types';
import { runPlan } from './run-plan';
import { kindergartensAt } from './supply-at';

/** Name of the base scenario as stored (saved projects and scenario files keep it); shown through `scenarioName`. */
export const BASE_SCENARIO_NAME = '基准方案';

/** A scenario's name for display: the stored default of the base scenario is shown in the user's language, any other name is data. */
export const scenarioName = (sc: { name: string } | null | undefined): string | Message =>
  !sc ? '' : sc.name === BASE_SCENARIO_NAME ? m('engine.baseScenario') : sc.name;

/** The plan engine's input from the layers: kindergartens plus the 配套园 the ledger opened (each from its opening year). */

export function planInputOf(
  layers: Pick<LayerRows, 'kindergartens' | 'population' | 'communities' | 'admin_units' | 'childcare_centres'>,
  ruleTable: SupportingKgRuleTable,
): AnalysisInput {
  const { kindergartens, openings } = planKindergartens(layers.kindergartens, ledgerSupply(layers.communities as Community[], layers.kindergartens as Kindergarten[], ruleTable));
  return {
    kindergartens,
    openings,
    population: layers.population,
    communities: layers.communities,
    admin_units: layers.admin_units,
    childcare_centres: layers.childcare_centres,
  };
}

/** Plan settings that stop at the base year (the present-day run computes one year). */
export function presentSettings(settings: PlanSettings): PlanSettings {
  return { ...settings, endYear: settings.baseYear };
}

/**
 * The present-day result: the base year of `scenario` (the 基准 scenario: the
 * plan_projects layer). `plan.years[0]` holds its summary (三率, both children counts).
 */
export function runPresent(input: AnalysisInput, scenario: PlanScenario, params: AnalysisParams, settings: PlanSettings): { result: AnalysisResult; plan: PlanResult } {
  const plan = runPlan(input, scenario, params, presentSettings(settings), { detailYears: [settings.baseYear] });
  return { result: plan.detail[settings.baseYear], plan };
}

/**
 * The demand a result evaluated, per row: served + over capacity + outside of each cell (the
 * engine's split adds up to the demand), on `population` (the first rows of the result's cells).
 * 选址 takes these rows so it sees the children of the year on screen.
 */
export function demandRowsOf(result: AnalysisResult, population: readonly PopulationCell[]): PopulationCell[] {
  return population.map((c, i) => ({ ...c, children_3_5: result.cells.served[i] + result.cells.overCapacity[i] + result.cells.outside[i] }));
}

/** 选址's input for 现状 (the CLI and the tests): the base year's demand per cell and kindergartens of 基准. */
export function presentSitingInput(
  layers: Pick<LayerRows, 'kindergartens' | 'population' | 'communities' | 'admin_units' | 'childcare_centres' | 'plan_projects'>,
  params: AnalysisParams,
  settings: PlanSettings,
): { population: PopulationCell[]; kindergartens: Kindergarten[] } {
  const input = planInputOf(layers, params.ruleTable);
  const projects = layers.plan_projects;
  const { result } = runPresent(input, { id: 'base', name: BASE_SCENARIO_NAME, projects }, params, settings);
  const kindergartens = kindergartensAt(input.kindergartens ?? [], projects, input.openings, settings.baseYear, settings.openingLagYears);
  return { population: demandRowsOf(result, layers.population), kindergartens };
}
