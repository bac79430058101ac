/**
 * 配套园 (community-supporting kindergarten) gaps: whether each community needs
 * one (rule table, overridden by the ledger's supporting_kg_required), how many
 * classes, its ledger status, the problem kind (规划/配建/移交/使用不到位) and
 * overdue handover.
 */
import { m, type Message, type MessageKey } from '../i18n';
import { SUPPORTING_KG_STATUSES, type Community, type Kindergarten, type SupportingKgStatus } from './model';
import { addMonthsIso, daysBetween } from './dates';
import type { CommunityGapRow, CommunitySummary, SupportingKgProblem, SupportingKgRuleTable } from './types';

/** The catalogue key naming each problem kind. */
export const PROBLEM_KEY: Record<SupportingKgProblem, MessageKey> = {
  not_planned: 'engine.problem.not_planned',
  not_built: 'engine.problem.not_built',
  not_handed_over: 'engine.problem.not_handed_over',
  not_in_use: 'engine.problem.not_in_use',
  ok: 'engine.problem.ok',
  not_required: 'engine.problem.not_required',
  unknown: 'engine.problem.unknown',
};

/** The problem with its ledger detail ("使用不到位（营利性）"). */
function problemLabelOf(problem: SupportingKgProblem, status: SupportingKgStatus | null, required: boolean | null): Message {
  if (problem === 'not_in_use' && status === 'handed_over') return m('engine.problem.notInUse.handedOver');
  if (problem === 'not_in_use' && status === 'misused') return m('engine.problem.notInUse.misused');
  if (problem === 'not_in_use' && status === 'for_profit') return m('engine.problem.notInUse.forProfit');
  if (problem === 'unknown') return m(required === null ? 'engine.problem.unknown.noBasis' : 'engine.problem.unknown.noStatus');
  return m(PROBLEM_KEY[problem]);
}

/** Problem kinds in report order. */
export const PROBLEM_ORDER: readonly SupportingKgProblem[] = [
  'not_planned',
  'not_built',
  'not_handed_over',
  'not_in_use',
  'unknown',
  'ok',
  'not_required',
];

/** Ledger status → problem kind. handed_over (移交后未开办) counts as 使用不到位 (our reading). */
export function problemOfStatus(s: SupportingKgStatus): SupportingKgProblem {
  switch (s) {
    case 'not_planned':
      return 'not_planned';
    case 'planned':
    case 'under_construction':
    case 'delayed':
    case 'built_not_accepted':
      return 'not_built';
    case 'accepted_not_handed_over':
      return 'not_handed_over';
    case 'handed_over':
    case 'misused':
    case 'for_profit':
      return 'not_in_use';
    case 'operating_public':
    case 'operating_inclusive':
    case 'rectified':
      return 'ok';
  }
}

/** every ledger state before 已移交 (workflow order of the schema) */
const BEFORE_HANDOVER = new Set<SupportingKgStatus>(SUPPORTING_KG_STATUSES.slice(0, SUPPORTING_KG_STATUSES.indexOf('handed_over')));
/** from 已建未验收 on, every ledger state means the building exists (workflow order of the schema) */
const BUILT = new Set<SupportingKgStatus>(SUPPORTING_KG_STATUSES.slice(SUPPORTING_KG_STATUSES.indexOf('built_not_accepted')));
const OPERATING = new Set<SupportingKgStatus>(['operating_public', 'operating_inclusive', 'for_profit', 'rectified']);

/**
 * Apply a rule table to a basis value (residents or households). Returns
 * required = null when the value is missing; classes of the highest rule met.
 */
export function applyRuleTable(
  table: SupportingKgRuleTable,
  value: number | null | undefined,
): { required: boolean | null; classes: number | null; sourceZh: string } {
  if (value === null || value === undefined || !Number.isFinite(value)) return { required: null, classes: null, sourceZh: '' };
  let best: { classes: number; sourceZh: string } | null = null;
  for (const r of table.rules) {
    const met = r.op === '>' ? value > r.min : value >= r.min;
    if (met && (best === null || r.classes > best.classes)) best = { classes: r.classes, sourceZh: r.sourceZh };
  }
  return best ? { required: true, classes: best.classes, sourceZh: best.sourceZh } : { required: false, classes: null, sourceZh: table.sourceZh };
}

function derivedStatus(k: Kindergarten): SupportingKgStatus | null {
  if (k.status === 'planned') return 'planned';
  if (k.status === 'under_construction') return 'under_construction';
  if (k.status === 'existing' || k.status === null || k.status === undefined) {
    if (k.type === 'public') return 'operating_public';
    if (k.type === 'inclusive_private') return 'operating_inclusive';
    if (k.type === 'private') return 'for_profit';
  }
  return null;
}

export interface CommunityParams {
  ruleTable: SupportingKgRuleTable;
  handoverMonths: number;
  asOfDate: string;
}

/**
 * One gap row per community (input order), plus a summary. Rows and kindergartens
 * are read, not modified. The linked 配套园 is supporting_kg_id, else the first
 * kindergarten whose community_id is the community; when the ledger status is
 * empty it is derived from that kindergarten (existing public → operating_public,
 * existing inclusive → operating_inclusive, existing private → for_profit,
 * planned / under construction alike).
 */
export function analyseCommunities(
  communities: readonly Community[],
  kindergartens: readonly Kindergarten[],
  p: CommunityParams,
): { rows: CommunityGapRow[]; summary: CommunitySummary } {
  const kgById = new Map<string, number>();
  const kgByCommunity = new Map<string, number>();
  kindergartens.forEach((k, j) => {
    if (!kgById.has(k.id)) kgById.set(k.id, j);
    if (k.community_id && !kgByCommunity.has(k.community_id)) kgByCommunity.set(k.community_id, j);
  });
  const rows: CommunityGapRow[] = communities.map((c) => {
    const basisValue = p.ruleTable.basis === 'residents' ? c.residents : c.households;
    const rule = applyRuleTable(p.ruleTable, basisValue);
    const given = c.supporting_kg_required;
    const required = given === true || given === false ? given : rule.required;
    const requiredFrom = given === true || given === false ? 'given' : rule.required === null ? 'missing' : 'rule';
    const requiredClasses = required === false ? null : (c.supporting_kg_classes ?? rule.classes);
    let kgIndex = c.supporting_kg_id ? (kgById.get(c.supporting_kg_id) ?? -1) : -1;
    if (kgIndex < 0) kgIndex = kgByCommunity.get(c.id) ?? -1;
    let status: SupportingKgStatus | null = c.supporting_kg_status ?? null;
    let statusFrom: CommunityGapRow['statusFrom'] = status ? 'ledger' : 'none';
    if (!status && kgIndex >= 0) {
      status = derivedStatus(kindergartens[kgIndex]);
      if (status) statusFrom = 'linked_kindergarten';
    }
    let problem: SupportingKgProblem;
    if (required === false) problem = 'not_required';
    else if (status === null) problem = 'unknown';
    else problem = problemOfStatus(status);
    const linkedExisting = kgIndex >= 0 && (kindergartens[kgIndex].status === 'existing' || kindergartens[kgIndex].status === null);
    const exists = (status !== null && BUILT.has(status)) || linkedExisting;
    const operates = (status !== null && OPERATING.has(status)) || (linkedExisting && status !== 'misused');
    let handoverDue: string | null = c.handover_due ?? null;
    let handoverDueFrom: CommunityGapRow['handoverDueFrom'] = handoverDue ? 'given' : 'none';
    if (!handoverDue && c.completion_date) {
      handoverDue = addMonthsIso(c.completion_date, p.handoverMonths);
      if (handoverDue) handoverDueFrom = 'derived';
    }
    let overdue = false;
    let daysOverdue = 0;
    const pending = status !== null && BEFORE_HANDOVER.has(status);
    const dueDate = c.deadline ?? (pending ? handoverDue : null);
    if (required !== false && status !== null && (pending || problem === 'not_in_use') && dueDate) {
      const d = daysBetween(dueDate, p.asOfDate);
      if (d > 0) {
        overdue = true;
        daysOverdue = d;
      }
    }
    const problemLabel = problemLabelOf(problem, status, required);
    return {
      communityId: c.id,
      name: c.name,
      streetCode: c.street_code ?? '',
      households: c.households ?? null,
      residents: c.residents ?? null,
      ruleRequired: rule.required,
      ruleClasses: rule.classes,
      ruleSourceZh: rule.sourceZh,
      required,
      requiredFrom,
      requiredClasses,
      status,
      statusFrom,
      kindergartenIndex: kgIndex,
      exists,
      operates,
      problem,
      problemLabel,
      handoverDue,
      handoverDueFrom,
      dueDate,
      overdue,
      daysOverdue,
    };
  });
  const byProblem = Object.fromEntries(PROBLEM_ORDER.map((k) => [k, 0])) as Record<SupportingKgProblem, number>;
  let required = 0;
  let overdue = 0;
  let classesAtRisk = 0;
  for (const r of rows) {
    byProblem[r.problem]++;
    if (r.required === true) required++;
    if (r.overdue) overdue++;
    if (r.required === true && r.problem !== 'ok') classesAtRisk += r.requiredClasses ?? 0;
  }
  return { rows, summary: { communities: rows.length, required, byProblem, overdue, classesAtRisk } };
}
