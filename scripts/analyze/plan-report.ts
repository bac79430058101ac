/** The CLI's plan mode (--year, --scenario): the scenario over 2025–2030, printed in the chosen language, optional JSON. */
import { render } from '../../src/i18n';
import type { WalkGraph } from '../../src/analysis/network/walk-graph';
import { readFileSync } from 'node:fs';
import { defaultPlanSettings } from '../../src/analysis/plan/plan-defaults';
import type { DemandBasis, PlanResult, PlanScenario } from '../../src/analysis/plan/plan-types';
import { planInputOf } from '../../src/analysis/plan/present';
import { runPlan } from '../../src/analysis/plan/run-plan';
import type { AnalysisParams } from '../../src/analysis/types';
import { parseScenarioText } from '../../src/data/project/scenario-file';
import type { LayerRows } from '../../src/data/schema';
import { m, msg, type Lang, type MessageKey, type MessageValues } from '../../src/i18n';
import { describeBasis, msgOf } from '../../src/ui/messages';
import { BASE_SCENARIO_NAME } from '../../src/analysis/plan/present';
import { fmtInt, fmtShare, table } from './format';
import { scenarioName } from '../../src/analysis/plan/present';

export const PLAN_JSON_FORMAT = 'xwgh-plan-report';

/** Run the plan; `scenarioFile` null = the plan_projects layer as the base scenario. */
export function runPlanReport(data: LayerRows, params: AnalysisParams, scenarioFile: string | null, year: number | null, basis: DemandBasis = 'births', walkGraph?: WalkGraph, lang: Lang = 'zh'): { text: string; result: PlanResult; json: unknown } {
  const t = (key: MessageKey, values?: MessageValues): string => msg(lang, key, values);
  let scenario: PlanScenario = { id: 'base', name: t('cli.plan.baseScenario', { name: scenarioName({ name: BASE_SCENARIO_NAME }) }), projects: data.plan_projects };
  let settings = defaultPlanSettings();
  settings.demand.baseBasis = basis;
  if (scenarioFile) {
    const res = parseScenarioText(readFileSync(scenarioFile, 'utf8'), scenarioFile);
    if ('error' in res) throw new Error(render('zh', res.error));
    scenario = res.scenario;
    if (res.settings) settings = res.settings;
  }
  const result = runPlan({ ...planInputOf(data, params.ruleTable), walkGraph }, scenario, params, settings, {
    detailYears: year === null ? [] : [year],
  });
  if (year !== null && !result.years.some((y) => y.year === year)) throw new Error(t('cli.plan.yearOutside', { year, first: settings.baseYear, last: settings.endYear }));
  const out: string[] = ['', t('cli.plan.title', { scenario: scenario.name, n: scenario.projects.length })];
  out.push(
    t('cli.plan.settings', {
      method: m(settings.demand.method === 'births' ? 'method.births' : 'method.per_thousand'),
      basis: describeBasis(lang, result, settings.baseYear),
      rate: fmtShare(result.baseGrossRate),
      lag: settings.openingLagYears,
    }),
  );
  const rate = (y: PlanResult['years'][number], k: string) => {
    const r = y.rates.find((x) => x.key === k);
    return r === undefined || r.valuePct === null ? '—' : `${r.valuePct.toFixed(1)}%${r.pass ? ' ✓' : ' ✗'}`;
  };
  out.push(
    table(result.years, [
      { title: t('cli.plan.col.year'), align: 'left', get: (y) => String(y.year) },
      { title: t('cli.col.places'), align: 'right', get: (y) => fmtInt(y.places) },
      { title: t('cli.plan.col.childrenBirths'), align: 'right', get: (y) => fmtInt(y.childrenBirths) },
      { title: t('cli.plan.col.perThousand'), align: 'right', get: (y) => fmtInt(y.demandPerThousand) },
      { title: t('cli.plan.col.gap'), align: 'right', get: (y) => t('cli.plan.gap', { gap: fmtInt(y.gapStreetSum), streets: y.streetsShort }) },
      { title: t('cli.plan.col.covered'), align: 'right', get: (y) => t('cli.plan.covered', { n: fmtInt(y.coveredDemand), share: fmtShare(y.coveredShare) }) },
      { title: t('cli.col.gross'), align: 'right', get: (y) => rate(y, 'gross_enrolment_rate') },
      { title: t('cli.col.inclusive'), align: 'right', get: (y) => rate(y, 'inclusive_coverage') },
      { title: t('cli.col.public'), align: 'right', get: (y) => rate(y, 'public_share') },
      { title: t('cli.plan.col.tuo'), align: 'right', get: (y) => `${fmtInt(y.tuoPlaces)}/${fmtInt(y.tuoNeed)}` },
      { title: t('cli.plan.col.cost'), align: 'right', get: (y) => fmtInt(y.cost10k) },
    ]),
  );
  for (const x of result.messages) out.push(t('cli.plan.note', { text: msgOf(lang, x) }));
  const shown = year === null ? null : result.years.find((y) => y.year === year)!;
  if (shown) {
    out.push('', t('cli.plan.year', { year: shown.year, places: fmtInt(shown.places), covered: fmtInt(shown.coveredDemand), demand: fmtInt(shown.demand), share: fmtShare(shown.coveredShare) }));
  }
  out.push(t('cli.plan.timing', { ms: Math.round(result.timings.totalMs), pairs: Math.round(result.timings.pairsMs), years: result.years.length, yearsMs: Math.round(result.timings.yearsMs) }));
  const json = {
    format: PLAN_JSON_FORMAT,
    version: 1,
    scenario: { id: scenario.id, name: scenario.name, projects: scenario.projects.length },
    dataYear: result.dataYear,
    baseGrossRate: result.baseGrossRate,
    years: result.years,
    year: shown ?? null,
    messages: result.messages,
  };
  return { text: out.join('\n'), result, json };
}
