/** District headline figures: coverage, 2SFCA, supply vs demand, 配套园. */
import { m, type Message } from '../i18n';
import { figure, input, pct } from './figures';
import { distanceLabel, ruleTableSource } from './params';
import type { AnalysisParams, CommunitySummary, Figure, KgStatusRag, SupplyDemandRow } from './types';

/** Source of a service radius: the standard for 300 m, a note otherwise. */
export function radiusSource(radiusM: number): Message {
  if (radiusM === 300) return m('engine.src.radius300');
  if (radiusM === 500) return m('engine.src.radius500');
  return m('engine.src.radiusUser', { radius: radiusM });
}

/**
 * Headline figures of a run. Inputs: the district row (persons, places),
 * parameters, counts of kindergarten statuses and the 配套园 summary.
 */
export function headlineFigures(
  d: SupplyDemandRow,
  p: AnalysisParams,
  kgStatusCounts: Record<KgStatusRag, number>,
  cs: CommunitySummary,
): Figure[] {
  // straight line keeps its original wording ("300 米"); walking names the network and the minutes
  const walking = p.distanceMode === 'walking';
  const distance = walking ? distanceLabel(p) : m('engine.distance.radius', { radius: p.radiusM });
  const srcRadius = walking ? m('engine.src.radiusWalking', { source: radiusSource(p.radiusM) }) : radiusSource(p.radiusM);
  const form = m(p.decay === 'gaussian' ? 'engine.decay.gaussian' : 'engine.decay.uniform');
  const srcThreshold = m('engine.src.twoStepThreshold', { form });
  const gradedKgs = kgStatusCounts.green + kgStatusCounts.amber + kgStatusCounts.red;
  const children = input('engine.in.childrenTotal', d.children, '人');
  const covered = input('engine.in.coveredChildren', d.coveredChildren, '人');
  const residents = input('engine.in.residents', d.residents, '人');
  const coveredResidents = input('engine.in.coveredResidents', d.coveredResidents, '人');
  const served = input('engine.in.served', d.served, '人');
  return [
    figure({
      key: 'service_radius',
      label: m('engine.fig.serviceRadius'),
      value: p.radiusM,
      unit: 'm',
      formula: m('engine.fig.serviceRadius.formula'),
      inputs: [],
      source: srcRadius,
    }),
    figure({
      key: 'children_3_5',
      label: m('engine.fig.children'),
      value: d.children,
      unit: '人',
      formula: m('engine.fig.children.formula'),
      inputs: [],
      source: m('engine.fig.children.source'),
    }),
    figure({
      key: 'places',
      label: m('engine.fig.places'),
      value: d.places,
      unit: '个',
      formula: m('engine.fig.places.formula'),
      inputs: [input('engine.in.kindergartens', d.kindergartens, '所')],
      source: m('engine.fig.places.source'),
    }),
    figure({
      key: 'places_gap',
      label: m('engine.fig.placesGap'),
      value: d.placesGap,
      unit: '个',
      formula: m('engine.fig.placesGap.formula'),
      inputs: [input('engine.in.children', d.children, '人'), input('engine.in.places', d.places, '个')],
      source: m('engine.fig.placesGap.source'),
    }),
    figure({
      key: 'coverage_children',
      label: m('engine.fig.coverageChildren', { distance }),
      value: pct(d.coveredChildren, d.children),
      unit: '%',
      formula: m('engine.fig.coverageChildren.formula'),
      inputs: [covered, children],
      source: srcRadius,
    }),
    figure({
      key: 'coverage_residents',
      label: m('engine.fig.coverageResidents', { distance }),
      value: pct(d.coveredResidents, d.residents),
      unit: '%',
      formula: m('engine.fig.coverageResidents.formula'),
      inputs: [coveredResidents, residents],
      source: srcRadius,
    }),
    figure({
      key: 'uncovered_children',
      label: m('engine.fig.uncoveredChildren'),
      value: d.outside,
      unit: '人',
      formula: m('engine.fig.uncoveredChildren.formula'),
      inputs: [children, covered],
      source: srcRadius,
    }),
    figure({
      key: 'uncovered_residents',
      label: m('engine.fig.uncoveredResidents'),
      value: d.residents - d.coveredResidents,
      unit: '人',
      formula: m('engine.fig.uncoveredResidents.formula'),
      inputs: [residents, coveredResidents],
      source: srcRadius,
    }),
    figure({
      key: 'served_share',
      label: m('engine.fig.servedShare'),
      value: pct(d.served, d.children),
      unit: '%',
      formula: m('engine.fig.servedShare.formula'),
      inputs: [served, children],
      source: m('engine.src.servedShare'),
    }),
    figure({
      key: 'over_capacity_children',
      label: m('engine.fig.overCapacity'),
      value: d.overCapacity,
      unit: '人',
      formula: m('engine.fig.overCapacity.formula'),
      inputs: [covered, served],
      source: m('engine.src.twoStepUniform'),
    }),
    figure({
      key: 'mean_access',
      label: m('engine.fig.meanAccess'),
      value: Number.isNaN(d.meanAccess) ? null : d.meanAccess,
      unit: '学位/人',
      formula: m('engine.fig.meanAccess.formula', { a: m(p.decay === 'gaussian' ? 'engine.a.gaussian' : 'engine.a.uniform') }),
      inputs: [children],
      threshold: { op: '>=', value: p.statusThresholds.green },
      source: srcThreshold,
    }),
    figure({
      key: 'kg_red_share',
      label: m('engine.fig.kgRedShare'),
      value: pct(kgStatusCounts.red, gradedKgs),
      unit: '%',
      formula: m('engine.fig.kgRedShare.formula', { amber: p.statusThresholds.amber }),
      inputs: [
        input('engine.in.kgRed', kgStatusCounts.red, '所'),
        input('engine.in.kgAmber', kgStatusCounts.amber, '所'),
        input('engine.in.kgGreen', kgStatusCounts.green, '所'),
      ],
      source: srcThreshold,
    }),
    figure({
      key: 'supporting_kg_required',
      label: m('engine.fig.kgRequired'),
      value: cs.required,
      unit: '个',
      formula: m('engine.fig.kgRequired.formula'),
      inputs: [input('engine.in.communities', cs.communities, '个')],
      source: ruleTableSource(p.ruleTable),
    }),
    figure({
      key: 'supporting_kg_problems',
      label: m('engine.fig.kgProblems'),
      value: cs.byProblem.not_planned + cs.byProblem.not_built + cs.byProblem.not_handed_over + cs.byProblem.not_in_use,
      unit: '个',
      formula: m('engine.fig.kgProblems.formula'),
      inputs: [
        input('engine.problem.not_planned', cs.byProblem.not_planned, '个'),
        input('engine.problem.not_built', cs.byProblem.not_built, '个'),
        input('engine.problem.not_handed_over', cs.byProblem.not_handed_over, '个'),
        input('engine.problem.not_in_use', cs.byProblem.not_in_use, '个'),
      ],
      source: m('engine.src.guobanfa2019'),
    }),
    figure({
      key: 'supporting_kg_overdue',
      label: m('engine.fig.kgOverdue'),
      value: cs.overdue,
      unit: '个',
      formula: m('engine.fig.kgOverdue.formula', { months: p.handoverMonths }),
      inputs: [input('engine.in.handoverMonths', p.handoverMonths, '月')],
      source: m('engine.fig.kgOverdue.source'),
    }),
  ];
}
