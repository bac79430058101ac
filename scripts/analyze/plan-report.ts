/** The CLI's plan mode (--year, --scenario): the scenario over 2025–2030, printed in Chinese, optional JSON. */
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
import { describeBasis, msgOf } from '../../src/ui/messages';
import { fmtInt, fmtShare, table } from './format';

export const PLAN_JSON_FORMAT = 'xwgh-plan-report';

/** Run the plan; `scenarioFile` null = the plan_projects layer as the base scenario. */
export function runPlanReport(data: LayerRows, params: AnalysisParams, scenarioFile: string | null, year: number | null, basis: DemandBasis = 'births', walkGraph?: WalkGraph): { text: string; result: PlanResult; json: unknown } {
  let scenario: PlanScenario = { id: 'base', name: '基准方案（plan_projects 图层）', projects: data.plan_projects };
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
  if (year !== null && !result.years.some((y) => y.year === year)) throw new Error(`--year ${year} 不在规划年份 ${settings.baseYear}–${settings.endYear} 内`);
  const out: string[] = ['', `十五五规划逐年供需 — 方案“${scenario.name}”（${scenario.projects.length} 个项目）`];
  out.push(`需求方法：${settings.demand.method === 'births' ? '出生人口推算' : '千人指标'}；数据口径：${describeBasis('zh', result, settings.baseYear)}；基准毛入园率 ${fmtShare(result.baseGrossRate)}；建设项目竣工后第 ${settings.openingLagYears} 年起提供学位`);
  const rate = (y: PlanResult['years'][number], k: string) => {
    const r = y.rates.find((x) => x.key === k);
    return r === undefined || r.valuePct === null ? '—' : `${r.valuePct.toFixed(1)}%${r.pass ? ' ✓' : ' ✗'}`;
  };
  out.push(
    table(result.years, [
      { title: '年份', align: 'left', get: (y) => String(y.year) },
      { title: '学位', align: 'right', get: (y) => fmtInt(y.places) },
      { title: '3–5岁(出生推算)', align: 'right', get: (y) => fmtInt(y.childrenBirths) },
      { title: '千人指标需求', align: 'right', get: (y) => fmtInt(y.demandPerThousand) },
      { title: '缺口(街道之和)', align: 'right', get: (y) => `${fmtInt(y.gapStreetSum)}（${y.streetsShort} 街道）` },
      { title: '覆盖', align: 'right', get: (y) => `${fmtInt(y.coveredDemand)}（${fmtShare(y.coveredShare)}）` },
      { title: '毛入园率', align: 'right', get: (y) => rate(y, 'gross_enrolment_rate') },
      { title: '普惠覆盖率', align: 'right', get: (y) => rate(y, 'inclusive_coverage') },
      { title: '公办占比', align: 'right', get: (y) => rate(y, 'public_share') },
      { title: '托位/需求', align: 'right', get: (y) => `${fmtInt(y.tuoPlaces)}/${fmtInt(y.tuoNeed)}` },
      { title: '投资(万元)', align: 'right', get: (y) => fmtInt(y.cost10k) },
    ]),
  );
  for (const m of result.messages) out.push(`  注：${msgOf('zh', m)}`);
  const shown = year === null ? null : result.years.find((y) => y.year === year)!;
  if (shown) {
    out.push('', `${year} 年：学位 ${fmtInt(shown.places)} 个，服务半径覆盖 ${fmtInt(shown.coveredDemand)} / ${fmtInt(shown.demand)}（${fmtShare(shown.coveredShare)}）`);
  }
  out.push(`用时 ${Math.round(result.timings.totalMs)} ms（配对一次 ${Math.round(result.timings.pairsMs)} ms，${result.years.length} 个年份 ${Math.round(result.timings.yearsMs)} ms）`);
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
