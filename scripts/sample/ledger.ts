/**
 * The 配套园 ledger of the generated communities: which ones must provide a
 * kindergarten (rule: built after 2010 and ≥1,500 households or ≥3,500
 * residents), how many classes (≥5,000 residents → 6, ≥9,000 → 9, ≥12,000 → 12,
 * else 6), and a spread of ledger states with dates and responsible units.
 */
import type { SupportingKgStatus } from '../../src/data/schema';
import type { GenCommunity } from './communities';
import type { Rng } from './prng';

export const EDU_BUREAU = '昆都仑区教育局';
export const HOUSING_BUREAU = '昆都仑区住建局';
export const LAND_BUREAU = '昆都仑区自然资源局';

/** how many communities get each exception/workflow state; the rest are operating (公办 8, the others 委托普惠) */
const QUOTAS: [SupportingKgStatus, number][] = [
  ['planned', 2],
  ['under_construction', 3],
  ['built_not_accepted', 2],
  ['accepted_not_handed_over', 4],
  ['handed_over', 2],
  ['delayed', 2],
  ['not_planned', 2],
  ['misused', 2],
  ['for_profit', 2],
  ['rectified', 3],
  ['operating_public', 8],
];
const PIPELINE = new Set<SupportingKgStatus>(['planned', 'under_construction', 'built_not_accepted', 'accepted_not_handed_over', 'handed_over']);

export const requiresKg = (c: GenCommunity): boolean => c.builtYear > 2010 && (c.households >= 1500 || c.residents >= 3500);

export function requiredClasses(residents: number): number {
  if (residents >= 12000) return 12;
  if (residents >= 9000) return 9;
  return 6;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${pad(d)}`;
}

export function assignLedger(communities: GenCommunity[], rng: Rng): void {
  const required = communities.filter(requiresKg);
  const minNeeded = QUOTAS.reduce((s, [, n]) => s + n, 0) + 10;
  if (required.length < minNeeded) throw new Error(`only ${required.length} communities require a 配套园 (need ${minNeeded})`);
  for (const c of required) {
    c.required = true;
    c.kgClasses = requiredClasses(c.residents);
  }
  // the newest get the workflow states, the oldest of the rest the "never planned" cases
  const byNewest = required.slice().sort((a, b) => b.builtYear - a.builtYear || a.id.localeCompare(b.id));
  const pipelineCount = QUOTAS.filter(([s]) => PIPELINE.has(s)).reduce((s, [, n]) => s + n, 0);
  const pipeline = rng.shuffle(byNewest.slice(0, pipelineCount));
  const rest = byNewest.slice(pipelineCount);
  const oldest = rest.slice(-10);
  const notPlanned = rng.shuffle(oldest).slice(0, 2);
  const others = rng.shuffle(rest.filter((c) => !notPlanned.includes(c)));
  for (const [status, n] of QUOTAS) {
    let pool = PIPELINE.has(status) ? pipeline : status === 'not_planned' ? notPlanned : others;
    // the district took over the larger ones as public kindergartens
    if (status === 'operating_public') pool = rng.shuffle(others.slice().sort((a, b) => b.residents - a.residents || a.id.localeCompare(b.id)).slice(0, 2 * n));
    for (let i = 0; i < n; i++) {
      const c = pool.shift();
      if (!c) throw new Error(`no community left for ${status}`);
      c.kgStatus = status;
      if (pool !== others && others.includes(c)) others.splice(others.indexOf(c), 1);
    }
  }
  for (const c of others) if (c.kgStatus === null) c.kgStatus = 'operating_inclusive';

  const counters = new Map<string, number>();
  for (const c of required.slice().sort((a, b) => a.id.localeCompare(b.id))) {
    const status = c.kgStatus as SupportingKgStatus;
    const i = counters.get(status) ?? 0;
    counters.set(status, i + 1);
    const date = (year: number, m0 = 5, m1 = 11): string => `${year}-${pad(rng.int(m0, m1))}-${pad(rng.int(1, 28))}`;
    let completion: string | null = date(c.builtYear);
    if ((status === 'planned' && i === 0) || (status === 'under_construction' && i < 2)) {
      // the housing itself is still being built: no residents yet, not in the population grid
      c.underConstruction = true;
      c.builtYear = status === 'planned' ? 2027 : 2026;
      completion = null;
    } else if (status === 'accepted_not_handed_over') {
      // three long overdue (建而不交), the others accepted recently and not yet due
      if (i < 3) {
        c.builtYear = Math.min(c.builtYear, 2024 - i);
        completion = date(c.builtYear);
      } else {
        c.builtYear = 2026;
        completion = date(2026, 10, 11);
      }
    } else if (PIPELINE.has(status)) {
      c.builtYear = Math.max(c.builtYear, 2023);
      completion = date(c.builtYear);
    } else if (status === 'delayed') {
      c.builtYear = Math.min(Math.max(c.builtYear, 2018), 2022);
      completion = date(c.builtYear);
    }
    c.completionDate = completion;
    c.handoverDue = completion ? addMonths(completion, 3) : null;
    c.responsibleUnit =
      status === 'not_planned'
        ? LAND_BUREAU
        : status === 'delayed' || status === 'misused'
          ? HOUSING_BUREAU
          : PIPELINE.has(status) && status !== 'handed_over'
            ? (c.developer ?? HOUSING_BUREAU)
            : EDU_BUREAU;
  }
}
