/**
 * The plan engine: evaluate a scenario in every year baseYear…endYear on ONE set
 * of neighbour pairs (built over the existing kindergartens, the scenario's new
 * sites, the population cells and the new-小区 points), with supply from sitesAt()
 * and demand from demandAt(). The present-day view (现状) is this engine's base
 * year of the 基准 scenario, so the two never disagree.
 *
 * Enrolment: the base year uses the rows' real enrolment (the data describe it).
 * Later years project it: E_t = min(places_t, children_t × r0), r0 = base enrolment ÷
 * base-year children (of the chosen demand basis); E_t is spread over the supplying
 * kindergartens in proportion to places × their base fill rate (enrolled ÷ places;
 * the district's fill for new sites and rows without enrolment). The 三率 are then
 * computed from these enrolments exactly as the present-day indicators are.
 */
import type { Message } from '../../i18n';
import { MessageError } from '../../i18n/message-error';
import type { Kindergarten, PopulationCell } from '../model';
import { suppliesPlaces } from '../supply';
import { evaluateSteps } from '../engine-evaluate';
import { finiteOr0, now, prepareSteps } from '../engine-prepare';
import { validateParams } from '../params';
import { applyNetworkEdits } from '../network/network-edits';
import { stepper, withWalkingExtras } from '../run-analysis';
import type { AnalysisInput, AnalysisParams, AnalysisResult, RunOptions } from '../types';
import { demandAt, newCommunityPoints } from './demand-at';
import type { PlanRate, PlanResult, PlanScenario, PlanSettings, PlanStreetYear, PlanYearSummary } from './plan-types';
import { costInYear, planSites, sitesAt } from './supply-at';

export interface PlanRunOptions extends RunOptions {
  /** years whose full result (per cell, per kindergarten) is kept; default every year */
  detailYears?: number[];
}

const fin = finiteOr0;

/** The population layer's year: the most common `year` of the rows (fallback: baseYear). */
export function dataYearOf(rows: readonly PopulationCell[], fallback: number): number {
  const count = new Map<number, number>();
  for (const r of rows) if (typeof r.year === 'number' && Number.isFinite(r.year)) count.set(r.year, (count.get(r.year) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [y, c] of count) if (c > n) [best, n] = [y, c];
  return best;
}

/** Years baseYear…endYear. */
export function planYears(s: PlanSettings): number[] {
  const out: number[] = [];
  for (let y = s.baseYear; y <= s.endYear; y++) out.push(y);
  return out;
}

/** Run a scenario over all plan years (generator: each yield is a pause point). */
export function* planSteps(
  input: AnalysisInput,
  scenario: PlanScenario,
  params: AnalysisParams,
  settings: PlanSettings,
  opts: PlanRunOptions = {},
): Generator<void, PlanResult, void> {
  const bad = validateParams(params);
  if (bad.length > 0) throw new MessageError('param.invalid', { problems: bad });
  if (!(settings.endYear >= settings.baseYear)) throw new MessageError('engine.err.planYears');
  const t0 = now();
  const years = planYears(settings);
  const detailYears = new Set(opts.detailYears ?? years);
  const baseStep = stepper(opts);
  let phase = 0;
  const step = (f: number, stage: Message): void => baseStep((phase === 0 ? f * 0.4 : 0.4 + 0.6 * ((phase - 1 + f) / years.length)), stage);

  const projects = scenario.projects ?? [];
  const sites = planSites(input.kindergartens ?? [], projects, input.openings);
  const points = newCommunityPoints(input.communities ?? [], settings);
  const cells = input.population ?? [];
  const pointRows: PopulationCell[] = points.map((p) => ({
    id: p.id,
    lon: p.lon,
    lat: p.lat,
    cell_size_m: 0,
    residents: 0,
    children_0_2: 0,
    children_3_5: 0,
    year: settings.baseYear,
    street_code: p.streetCode,
  }));
  // the scenario's network edits (new paths / bridges, closed segments) when walking
  const edited = input.walkGraph && params.distanceMode === 'walking' && scenario.networkEdits?.length ? applyNetworkEdits(input.walkGraph, scenario.networkEdits) : null;
  const prep = yield* prepareSteps(
    { ...input, ...(edited ? { walkGraph: edited.graph } : {}), kindergartens: sites.rows, population: pointRows.length ? cells.concat(pointRows) : cells },
    params,
    opts,
    step,
  );
  if (edited) prep.warnings.push(...edited.messages);
  const tPairs = now();
  const dataYear = dataYearOf(cells, settings.baseYear);
  const nCells = cells.length;
  const baseChildren = prep.children.subarray(0, nCells);
  const baseResidents = prep.residents.subarray(0, nCells);
  const demandBase = (): Parameters<typeof demandAt>[0] => ({
    children: baseChildren,
    residents: baseResidents,
    streetIndex: prep.cellStreet.subarray(0, nCells),
    streetCodes: prep.streets.codes,
    // the census basis takes the data-year children as the base year's
    dataYear: settings.demand.baseBasis === 'census' ? settings.baseYear : dataYear,
  });
  // base year: real enrolment; its fill rates drive the projection of later years
  const baseRows = sitesAt(sites, projects, settings.baseYear, settings.openingLagYears).rows;
  let enrolled0 = 0;
  let places0 = 0;
  for (const k of baseRows) {
    if (!suppliesPlaces(k)) continue;
    enrolled0 += fin(k.enrolled);
    places0 += fin(k.places);
  }
  const fill0 = places0 > 0 ? enrolled0 / places0 : 0;
  const siteFill = baseRows.map((k) => (suppliesPlaces(k) && fin(k.enrolled) > 0 ? fin(k.enrolled) / fin(k.places) : fill0));
  const childrenBase = sumOf(demandAt(demandBase(), points, settings, settings.baseYear, []).childrenBirths);
  const r0 = childrenBase > 0 ? enrolled0 / childrenBase : 0;
  let censusChildren = 0;
  for (let i = 0; i < nCells; i++) censusChildren += baseChildren[i];
  const messages = [...sites.messages];
  const th = params.indicatorThresholds;
  const summaries: PlanYearSummary[] = [];
  const detail: Record<number, AnalysisResult> = {};

  let demandBuffers: ReturnType<typeof demandAt> | undefined;
  for (const year of years) {
    phase++;
    const { rows, events } = sitesAt(sites, projects, year, settings.openingLagYears);
    const dem = demandAt(demandBase(), points, settings, year, messages, demandBuffers);
    demandBuffers = dem;
    let places = 0;
    const byType = { public: 0, inclusive_private: 0, private: 0 };
    for (const k of rows) {
      if (!suppliesPlaces(k)) continue;
      places += fin(k.places);
      byType[k.type] = (byType[k.type] ?? 0) + fin(k.places);
    }
    const childrenBirths = sumOf(dem.childrenBirths);
    let rowsY: Kindergarten[];
    let enrolledProjected: number;
    if (year === settings.baseYear) {
      rowsY = rows;
      enrolledProjected = enrolled0;
    } else {
      enrolledProjected = Math.min(places, childrenBirths * r0);
      let wSum = 0;
      rows.forEach((k, j) => {
        if (suppliesPlaces(k)) wSum += fin(k.places) * siteFill[j];
      });
      const scale = wSum > 0 ? enrolledProjected / wSum : 0;
      rowsY = rows.map((k, j) => (suppliesPlaces(k) ? { ...k, enrolled: fin(k.places) * siteFill[j] * scale } : k));
    }
    const enrolledByType = { public: 0, inclusive_private: 0, private: 0 };
    const kindergartensByType = { public: 0, inclusive_private: 0, private: 0 };
    for (const k of rowsY) {
      if (!suppliesPlaces(k)) continue;
      enrolledByType[k.type] = (enrolledByType[k.type] ?? 0) + fin(k.enrolled);
      kindergartensByType[k.type] = (kindergartensByType[k.type] ?? 0) + 1;
    }
    const evaluated = yield* evaluateSteps(
      prep,
      { kgs: rowsY, children: dem.used, residents: dem.residents, rateChildren: dem.childrenBirths, summaryOnly: !detailYears.has(year) },
      params,
      step,
    );
    const res = withWalkingExtras(prep, evaluated, dem.used);
    // per 街道 sums of both demand methods and of infant care
    const S = prep.streets.codes.length;
    const birthsS = new Float64Array(S);
    const perThS = new Float64Array(S);
    for (let i = 0; i < dem.used.length; i++) {
      birthsS[prep.cellStreet[i]] += dem.childrenBirths[i];
      perThS[prep.cellStreet[i]] += dem.perThousand[i];
    }
    // 托位 = 托班 places of supplying kindergartens + 托育机构 open that year
    const tuoS = new Float64Array(S);
    rowsY.forEach((k, j) => {
      if (suppliesPlaces(k)) tuoS[prep.kgStreet[j]] += fin(k.tuo_ban_places);
    });
    (input.childcare_centres ?? []).forEach((c, m) => {
      if (c.opened_year === null || c.opened_year === undefined || c.opened_year <= year) tuoS[prep.childcareStreet[m]] += fin(c.places);
    });
    const streets: PlanStreetYear[] = res.streets.map((r, s) => ({
      code: r.code,
      nameZh: r.nameZh,
      places: r.places,
      childrenBirths: Math.round(birthsS[s]),
      demandPerThousand: Math.round(perThS[s]),
      demand: r.children,
      gap: r.placesGap,
      coveredShare: r.coveredChildrenShare,
      residents: r.residents,
      tuoPlaces: tuoS[s],
      tuoNeed: Math.round((r.residents * settings.demand.tuoPerThousand) / 1000),
    }));
    const rate = (key: PlanRate['key'], num: number, den: number, thresholdPct: number): PlanRate => {
      const valuePct = den > 0 ? (100 * num) / den : null;
      return { key, valuePct, thresholdPct, pass: valuePct === null ? null : valuePct >= thresholdPct - 1e-9, numerator: num, denominator: den };
    };
    summaries.push({
      year,
      places,
      placesPublic: byType.public,
      placesInclusivePrivate: byType.inclusive_private,
      placesPrivate: byType.private,
      kindergartens: rowsY.filter(suppliesPlaces).length,
      kindergartensByType,
      enrolledByType,
      childrenBirths: Math.round(childrenBirths),
      demandPerThousand: Math.round(perThS.reduce((a, b) => a + b, 0)),
      method: settings.demand.method,
      demand: res.district.children,
      gapStreetSum: res.district.placesGap,
      streetsShort: streets.filter((s) => s.gap > 0).length,
      coveredDemand: res.district.coveredChildren,
      coveredShare: res.district.coveredChildrenShare,
      enrolledProjected,
      rates: [
        // whole children, as the indicators of the detail result count them
        rate('gross_enrolment_rate', enrolledProjected, Math.round(childrenBirths), th.grossEnrolmentRatePct),
        rate('inclusive_coverage', enrolledByType.public + enrolledByType.inclusive_private, enrolledProjected, th.inclusiveCoveragePct),
        rate('public_share', enrolledByType.public, enrolledProjected, th.publicSharePct),
      ],
      residents: res.district.residents,
      tuoPlaces: streets.reduce((a, s) => a + s.tuoPlaces, 0),
      tuoNeed: Math.round((res.district.residents * settings.demand.tuoPerThousand) / 1000),
      cost10k: costInYear(projects, year),
      streets,
      events,
    });
    if (detailYears.has(year)) detail[year] = res;
  }
  const tEnd = now();
  return {
    scenarioId: scenario.id,
    settings: structuredClone(settings),
    years: summaries,
    detail,
    baseGrossRate: r0,
    dataYear,
    demandBasis: settings.demand.baseBasis,
    censusChildren: Math.round(censusChildren),
    baseChildrenBirths: Math.round(childrenBase),
    siteIds: sites.rows.map((k) => k.id),
    messages: dedupeMessages(messages),
    timings: { pairsMs: tPairs - t0, yearsMs: tEnd - tPairs, totalMs: tEnd - t0 },
  };
}

function sumOf(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

function dedupeMessages<T extends { key: string; values?: Record<string, string | number> }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const k = `${m.key}|${JSON.stringify(m.values ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Run a scenario synchronously (Node CLI, tests, benchmarks). */
export function runPlan(input: AnalysisInput, scenario: PlanScenario, params: AnalysisParams, settings: PlanSettings, opts: PlanRunOptions = {}): PlanResult {
  const gen = planSteps(input, scenario, params, settings, opts);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}
