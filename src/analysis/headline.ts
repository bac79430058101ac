/** District headline figures: coverage, 2SFCA, supply vs demand, 配套园. */
import { figure, input, pct } from './figures';
import { distanceLabelEn, distanceLabelZh } from './params';
import type { AnalysisParams, CommunitySummary, Figure, KgStatusRag, SupplyDemandRow } from './types';

/** Source label of a service radius: the standard for 300 m, a note otherwise. */
export function radiusSourceZh(radiusM: number): string {
  if (radiusM === 300) return 'GB 50180-2018（5 分钟生活圈 300 m）';
  if (radiusM === 500) return '部分地方标准 500 m（GB 50180-2018 为 300 m）';
  return `用户设定 ${radiusM} m（GB 50180-2018 为 300 m）`;
}
const SRC_2SFCA = '两步移动搜寻法（2SFCA）';

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
  // straight line keeps its original wording; walking names the network and the minutes
  const walking = p.distanceMode === 'walking';
  const r = walking ? distanceLabelEn(p) : `${p.radiusM} m`;
  const rZh = walking ? `${distanceLabelZh(p)}` : `${p.radiusM} 米`;
  const SRC_RADIUS = walking ? `${radiusSourceZh(p.radiusM)}；步行距离沿步行路网计（含接入路网的距离）` : radiusSourceZh(p.radiusM);
  const formZh = p.decay === 'gaussian' ? '高斯衰减' : '均一权重';
  const A = p.decay === 'gaussian' ? 'A_i（高斯）' : 'A_i（均一）';
  const gradedKgs = kgStatusCounts.green + kgStatusCounts.amber + kgStatusCounts.red;
  return [
    figure({
      key: 'service_radius',
      labelZh: '服务半径',
      labelEn: 'Service radius',
      value: p.radiusM,
      unit: 'm',
      formulaZh: '参数（可编辑；默认 300 m，可选 500 m）',
      inputs: [],
      sourceZh: SRC_RADIUS,
    }),
    figure({
      key: 'children_3_5',
      labelZh: '3–5岁幼儿数',
      labelEn: 'Children aged 3–5',
      value: d.children,
      unit: '人',
      formulaZh: 'Σ 人口网格 3–5岁人数（取整）',
      inputs: [],
      sourceZh: '人口分布图层',
    }),
    figure({
      key: 'places',
      labelZh: '现状学位数',
      labelEn: 'Places (existing kindergartens)',
      value: d.places,
      unit: '个',
      formulaZh: 'Σ 现状幼儿园学位数',
      inputs: [input('现状幼儿园', d.kindergartens, '所')],
      sourceZh: '幼儿园图层',
    }),
    figure({
      key: 'places_gap',
      labelZh: '学位缺口（各街道缺口之和）',
      labelEn: 'Shortfall of places (sum over sub-districts)',
      value: d.placesGap,
      unit: '个',
      formulaZh: 'Σ 各街道 max(0, 3–5岁幼儿数 − 学位数)（街道之间不相抵）',
      inputs: [input('3–5岁幼儿数', d.children, '人'), input('学位数', d.places, '个')],
      sourceZh: '本工具定义（需求按 3–5岁常住幼儿全数计）',
    }),
    figure({
      key: 'coverage_children',
      labelZh: `${rZh}服务半径覆盖的 3–5 岁幼儿占比`,
      labelEn: `Share of children 3–5 within ${r} of a kindergarten`,
      value: pct(d.coveredChildren, d.children),
      unit: '%',
      formulaZh: '服务半径内（至少一所现状园）的 3–5岁幼儿数 ÷ 3–5岁幼儿总数 × 100%（重叠只计一次）',
      inputs: [input('覆盖的 3–5岁幼儿数', d.coveredChildren, '人'), input('3–5岁幼儿总数', d.children, '人')],
      sourceZh: SRC_RADIUS,
    }),
    figure({
      key: 'coverage_residents',
      labelZh: `${rZh}服务半径覆盖的常住人口占比`,
      labelEn: `Share of residents within ${r} of a kindergarten`,
      value: pct(d.coveredResidents, d.residents),
      unit: '%',
      formulaZh: '服务半径内的常住人口 ÷ 常住人口 × 100%（重叠只计一次）',
      inputs: [input('覆盖的常住人口', d.coveredResidents, '人'), input('常住人口', d.residents, '人')],
      sourceZh: SRC_RADIUS,
    }),
    figure({
      key: 'uncovered_children',
      labelZh: '服务半径外的 3–5岁幼儿',
      labelEn: 'Children 3–5 outside every catchment',
      value: d.outside,
      unit: '人',
      formulaZh: '3–5岁幼儿总数 − 覆盖的 3–5岁幼儿数',
      inputs: [input('3–5岁幼儿总数', d.children, '人'), input('覆盖的 3–5岁幼儿数', d.coveredChildren, '人')],
      sourceZh: SRC_RADIUS,
    }),
    figure({
      key: 'uncovered_residents',
      labelZh: '服务半径外的常住人口',
      labelEn: 'Residents outside every catchment',
      value: d.residents - d.coveredResidents,
      unit: '人',
      formulaZh: '常住人口 − 覆盖的常住人口',
      inputs: [input('常住人口', d.residents, '人'), input('覆盖的常住人口', d.coveredResidents, '人')],
      sourceZh: SRC_RADIUS,
    }),
    figure({
      key: 'served_share',
      labelZh: '就近有学位的幼儿占比',
      labelEn: 'Share of children served within reach',
      value: pct(d.served, d.children),
      unit: '%',
      formulaZh: 'Σ min(A_i（均一）, 1) × 网格幼儿数 ÷ 3–5岁幼儿总数 × 100%（按服务半径内学位与幼儿计，不受距离衰减影响）',
      inputs: [input('就近有学位的幼儿', d.served, '人'), input('3–5岁幼儿总数', d.children, '人')],
      sourceZh: `${SRC_2SFCA}，均一权重；“就近有学位”为本工具定义`,
    }),
    figure({
      key: 'over_capacity_children',
      labelZh: '服务半径内学位不足的幼儿（半径内学位少于幼儿）',
      labelEn: 'Children inside a catchment short of places (fewer places than children within the radius)',
      value: d.overCapacity,
      unit: '人',
      formulaZh: '覆盖的 3–5岁幼儿数 − 就近有学位的幼儿；按均一 2SFCA（A_i < 1 的部分），不受距离衰减影响，故附近幼儿园 R ≥ 1（均一）时不计入',
      inputs: [input('覆盖的 3–5岁幼儿数', d.coveredChildren, '人'), input('就近有学位的幼儿', d.served, '人')],
      sourceZh: `${SRC_2SFCA}，均一权重`,
    }),
    figure({
      key: 'mean_access',
      labelZh: '人均可达学位（2SFCA）',
      labelEn: 'Mean 2SFCA accessibility',
      value: Number.isNaN(d.meanAccess) ? null : d.meanAccess,
      unit: '学位/人',
      formulaZh: `Σ ${A} × 网格幼儿数 ÷ Σ 网格幼儿数`,
      inputs: [input('3–5岁幼儿总数', d.children, '人')],
      threshold: { op: '>=', value: p.statusThresholds.green },
      sourceZh: `${SRC_2SFCA}，${formZh}；阈值为本工具约定`,
    }),
    figure({
      key: 'kg_red_share',
      labelZh: '供需比红色的幼儿园占比',
      labelEn: 'Share of kindergartens in red (R below amber threshold)',
      value: pct(kgStatusCounts.red, gradedKgs),
      unit: '%',
      formulaZh: `R_j < ${p.statusThresholds.amber} 的幼儿园数 ÷ 服务半径内有幼儿的现状幼儿园数 × 100%`,
      inputs: [input('红色幼儿园', kgStatusCounts.red, '所'), input('黄色幼儿园', kgStatusCounts.amber, '所'), input('绿色幼儿园', kgStatusCounts.green, '所')],
      sourceZh: `${SRC_2SFCA}，${formZh}；阈值为本工具约定`,
    }),
    figure({
      key: 'supporting_kg_required',
      labelZh: '应配建配套园的小区',
      labelEn: 'Communities that require a 配套园',
      value: cs.required,
      unit: '个',
      formulaZh: '台账“应配建”，为空时按配建规则表',
      inputs: [input('小区总数', cs.communities, '个')],
      sourceZh: p.ruleTable.sourceZh,
    }),
    figure({
      key: 'supporting_kg_problems',
      labelZh: '配套园问题小区',
      labelEn: 'Communities with a 配套园 problem',
      value: cs.byProblem.not_planned + cs.byProblem.not_built + cs.byProblem.not_handed_over + cs.byProblem.not_in_use,
      unit: '个',
      formulaZh: '规划不到位 + 配建不到位 + 移交不到位 + 使用不到位',
      inputs: [
        input('规划不到位', cs.byProblem.not_planned, '个'),
        input('配建不到位', cs.byProblem.not_built, '个'),
        input('移交不到位', cs.byProblem.not_handed_over, '个'),
        input('使用不到位', cs.byProblem.not_in_use, '个'),
      ],
      sourceZh: '国办发〔2019〕3号',
    }),
    figure({
      key: 'supporting_kg_overdue',
      labelZh: '逾期未移交的配套园',
      labelEn: '配套园 overdue for handover',
      value: cs.overdue,
      unit: '个',
      formulaZh: `统计日期晚于应移交日期（未给出时 = 竣工验收日期 + ${p.handoverMonths} 个月）且尚未移交`,
      inputs: [input('移交期限', p.handoverMonths, '月')],
      sourceZh: '青岛 2022（移交期限默认值）；国办发〔2019〕3号',
    }),
  ];
}
