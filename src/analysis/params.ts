/**
 * Default analysis parameters, each with its source (shared planning-standards.md),
 * the 配套园 rule tables, and parameter validation.
 */
import { m, type Message, type MessageKey } from '../i18n';
import type { AnalysisParams, ParamSource, SupportingKgRuleTable } from './types';
import { DEFAULT_ESCALATION } from './ledger/escalation';

/** 海南 2019: ≥5,000 residents → 6 classes, ≥9,000 → 9, ≥12,000 → 12. */
export const RULE_TABLE_HAINAN_2019: SupportingKgRuleTable = {
  id: 'hainan-2019',
  labelZh: '海南 2019（按常住人口）',
  basis: 'residents',
  rules: [
    { op: '>=', min: 5000, classes: 6, sourceZh: '海南 2019' },
    { op: '>=', min: 9000, classes: 9, sourceZh: '海南 2019' },
    { op: '>=', min: 12000, classes: 12, sourceZh: '海南 2019' },
  ],
  sourceZh: '海南省 2019 年城镇小区配套幼儿园规定（地方标准）',
  verified: true,
};

/**
 * 榆林 (households): ≥500 → 6 classes (500–1,000), ≥1,000 → 9 (1,000–1,500), >1,500 → 12.
 * Boundaries are our reading of "500–1,000 / 1,000–1,500 / >1,500": 1,000 → 9, 1,500 → 9.
 */
export const RULE_TABLE_YULIN: SupportingKgRuleTable = {
  id: 'yulin',
  labelZh: '榆林（按户数）',
  basis: 'households',
  rules: [
    { op: '>=', min: 500, classes: 6, sourceZh: '榆林' },
    { op: '>=', min: 1000, classes: 9, sourceZh: '榆林' },
    { op: '>', min: 1500, classes: 12, sourceZh: '榆林' },
  ],
  sourceZh: '榆林市城镇小区配套幼儿园规定（地方标准；区间端点归属为本工具的解读）',
  verified: true,
};

/** The rule tables offered in the UI (default first). */
export const RULE_TABLES: readonly SupportingKgRuleTable[] = [RULE_TABLE_HAINAN_2019, RULE_TABLE_YULIN];

/** Placeholder "today" of defaultAnalysisParams(); callers should pass the real date. */
export const DEFAULT_AS_OF_DATE = '2026-01-01';

/**
 * Default parameters. `asOfDate` (ISO) should be today's date, passed by the caller
 * (the engine never reads the clock); without it a fixed placeholder is used.
 * Sources: PARAM_SOURCES.
 */
export function defaultAnalysisParams(asOfDate: string = DEFAULT_AS_OF_DATE): AnalysisParams {
  return {
    radiusM: 300,
    decay: 'gaussian',
    statusThresholds: { green: 1, amber: 0.8 },
    ruleTable: structuredClone(RULE_TABLE_HAINAN_2019),
    handoverMonths: 3,
    asOfDate,
    escalationOrangeDays: DEFAULT_ESCALATION.orangeDays,
    escalationRedDays: DEFAULT_ESCALATION.redDays,
    indicatorThresholds: {
      grossEnrolmentRatePct: 85,
      inclusiveCoveragePct: 80,
      publicSharePct: 50,
      childrenPerStaffMax: 7,
      childrenPerCareStaffMax: 9,
      childrenPerTeacherMax: 15,
      classSizeMax: 30,
      classSizeCompliancePct: 85,
    },
    nearestMaxM: 3000,
  };
}

/** Walking speed for minutes (km/h): 5 km/h → the 300 m of the 5-minute circle ≈ 3.6 min. */
export const DEFAULT_WALK_SPEED_KMH = 5;
/** Farther than this from every path = not reachable on foot (m). */
export const DEFAULT_WALK_SNAP_MAX_M = 200;

/** Minutes of walking for a distance in metres at params.walkSpeedKmh. */
export function walkMinutes(distanceM: number, speedKmh: number = DEFAULT_WALK_SPEED_KMH): number {
  return distanceM / ((speedKmh * 1000) / 60);
}

/**
 * How a figure names its distance: "直线 300 米" or "步行路网 300 米（约 3.6 分钟，5 km/h）".
 * Inputs: the run's parameters (radius in metres, speed in km/h).
 */
export function distanceLabel(p: Pick<AnalysisParams, 'radiusM' | 'distanceMode' | 'walkSpeedKmh'>): Message {
  if (p.distanceMode !== 'walking') return m('engine.distance.straight', { radius: p.radiusM });
  const v = p.walkSpeedKmh ?? DEFAULT_WALK_SPEED_KMH;
  return m('engine.distance.walking', { radius: p.radiusM, minutes: walkMinutes(p.radiusM, v).toFixed(1), speed: v });
}

/** The name of a 配套园 rule table: the catalogue's for the built-in tables, the stored label otherwise. */
export function ruleTableLabel(t: Pick<SupportingKgRuleTable, 'id' | 'labelZh'>): Message {
  if (t.id === RULE_TABLE_HAINAN_2019.id) return m('param.ruleTable.hainan');
  if (t.id === RULE_TABLE_YULIN.id) return m('param.ruleTable.yulin');
  return m('engine.text', { text: t.labelZh });
}

/** The source named on one rule row: the built-in tables' short citations from the catalogue, a user's as typed. */
export function ruleSource(sourceZh: string): Message {
  if (sourceZh === '海南 2019') return m('param.rule.hainan');
  if (sourceZh === '榆林') return m('param.rule.yulin');
  return m('engine.text', { text: sourceZh });
}

/** The source of a 配套园 rule table (built-in tables from the catalogue; user tables as stored). */
export function ruleTableSource(t: Pick<SupportingKgRuleTable, 'id' | 'sourceZh'>): Message {
  if (t.id === RULE_TABLE_HAINAN_2019.id) return m('param.ruleTable.hainan.source');
  if (t.id === RULE_TABLE_YULIN.id) return m('param.ruleTable.yulin.source');
  return m('engine.text', { text: t.sourceZh });
}

/** Alternative service radius offered next to the default (some local standards, JGJ 39-2016 300–500 m). */
export const ALTERNATIVE_RADIUS_M = 500;

const src = (label: MessageKey, source: MessageKey, verified: boolean): ParamSource => ({ label: m(label), source: m(source), verified });

/** Source of every default, keyed by the parameter's path in AnalysisParams. */
export const PARAM_SOURCES: Record<string, ParamSource> = {
  radiusM: src('param.radius', 'param.radius.source', true),
  decay: src('param.decay', 'param.decay.source', true),
  'statusThresholds.green': src('param.statusGreen', 'param.statusGreen.source', false),
  'statusThresholds.amber': src('param.statusAmber', 'param.convention', false),
  ruleTable: src('param.ruleTable', 'param.ruleTable.source', true),
  handoverMonths: src('param.handoverMonths', 'param.handoverMonths.source', true),
  escalationOrangeDays: src('param.escalationOrange', 'param.escalationOrange.source', false),
  escalationRedDays: src('param.escalationRed', 'param.escalationRed.source', false),
  asOfDate: src('param.asOfDate', 'param.asOfDate.source', true),
  'indicatorThresholds.grossEnrolmentRatePct': src('param.grossEnrolment', 'param.grossEnrolment.source', true),
  'indicatorThresholds.inclusiveCoveragePct': src('param.inclusiveCoverage', 'param.jiaodu2020', true),
  'indicatorThresholds.publicSharePct': src('param.publicShare', 'param.jiaodu2020', true),
  'indicatorThresholds.childrenPerStaffMax': src('param.childrenPerStaff', 'param.childrenPerStaff.source', true),
  'indicatorThresholds.childrenPerCareStaffMax': src('param.childrenPerCareStaff', 'param.childrenPerCareStaff.source', true),
  'indicatorThresholds.childrenPerTeacherMax': src('param.childrenPerTeacher', 'param.childrenPerTeacher.source', true),
  'indicatorThresholds.classSizeMax': src('param.classSize', 'param.classSize.source', true),
  'indicatorThresholds.classSizeCompliancePct': src('param.classSizeCompliance', 'param.classSizeCompliance.source', false),
  distanceMode: src('param.distanceMode', 'param.distanceMode.source', true),
  walkSpeedKmh: src('param.walkSpeed', 'param.walkSpeed.source', false),
  walkSnapMaxM: src('param.walkSnap', 'param.walkSnap.source', false),
  nearestMaxM: src('param.nearestMax', 'param.nearestMax.source', false),
};

/** Problems with parameters; empty when valid. */
export function validateParams(p: AnalysisParams): Message[] {
  const out: Message[] = [];
  if (!(p.radiusM > 0) || !Number.isFinite(p.radiusM)) out.push(m('param.bad.radius', { value: p.radiusM }));
  if (p.decay !== 'uniform' && p.decay !== 'gaussian') out.push(m('param.bad.decay', { value: String(p.decay) }));
  const t = p.statusThresholds;
  if (!(t.amber >= 0) || !(t.green >= t.amber)) out.push(m('param.bad.thresholds'));
  if (!(p.handoverMonths >= 0)) out.push(m('param.bad.handover'));
  if (!(p.escalationOrangeDays > 0) || !(p.escalationRedDays >= p.escalationOrangeDays)) out.push(m('param.bad.escalation'));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.asOfDate) || Number.isNaN(Date.parse(`${p.asOfDate}T00:00:00Z`))) {
    out.push(m('param.bad.asOfDate', { value: p.asOfDate }));
  }
  if (!p.ruleTable || (p.ruleTable.basis !== 'residents' && p.ruleTable.basis !== 'households')) {
    out.push(m('param.bad.ruleBasis'));
  } else {
    for (const r of p.ruleTable.rules) {
      if (!Number.isFinite(r.min) || !(r.classes >= 0) || (r.op !== '>=' && r.op !== '>')) {
        out.push(m('param.bad.rule', { op: r.op, min: r.min, classes: r.classes }));
      }
    }
  }
  for (const [k, v] of Object.entries(p.indicatorThresholds)) {
    if (!Number.isFinite(v) || v < 0) out.push(m('param.bad.indicator', { name: k, value: v }));
  }
  if (!(p.nearestMaxM >= 0)) out.push(m('param.bad.nearestMax'));
  if (p.distanceMode !== undefined && p.distanceMode !== 'straight' && p.distanceMode !== 'walking') out.push(m('param.bad.distanceMode', { value: String(p.distanceMode) }));
  if (p.walkSpeedKmh !== undefined && !(p.walkSpeedKmh > 0 && Number.isFinite(p.walkSpeedKmh))) out.push(m('param.bad.walkSpeed', { value: p.walkSpeedKmh }));
  if (p.walkSnapMaxM !== undefined && !(p.walkSnapMaxM > 0 && Number.isFinite(p.walkSnapMaxM))) out.push(m('param.bad.walkSnap', { value: p.walkSnapMaxM }));
  return out;
}
