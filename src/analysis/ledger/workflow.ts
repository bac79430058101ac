/**
 * The 配套园 ledger workflow as an explicit transition table (planning-standards.md,
 * "Ledger status"): 未规划 → 已规划未建 → 在建 (缓建/停建) → 已建未验收 → 已验收未移交 →
 * 已移交 → 公办 / 委托普惠; exceptions 挪作他用, 营利性 → 已整改.
 *
 * Forward steps along the chain are allowed; skipping stages is allowed with a note
 * (a ledger catching up on months of work); going back is refused (a wrong entry is
 * undone, not reversed). Opening as 公办 / 委托普惠 needs 已移交 (or 已整改) first.
 */
import type { SupportingKgStatus } from '../model';
import { LEDGER_OPEN_STATUSES } from '../supply';
import type { PlanMessage } from '../plan/plan-types';

/** 'ok' = allowed; 'note' = allowed with a note saying why. */
export type TransitionNeed = 'ok' | 'note';

type Table = Record<SupportingKgStatus, Partial<Record<SupportingKgStatus, TransitionNeed>>>;

/** Every allowed transition; anything not listed is refused (see checkTransition for the reason). */
export const LEDGER_TRANSITIONS: Table = {
  not_planned: { planned: 'ok', under_construction: 'note', built_not_accepted: 'note', accepted_not_handed_over: 'note', handed_over: 'note' },
  planned: { under_construction: 'ok', delayed: 'note', built_not_accepted: 'note', accepted_not_handed_over: 'note', handed_over: 'note' },
  under_construction: { built_not_accepted: 'ok', delayed: 'note', accepted_not_handed_over: 'note', handed_over: 'note' },
  delayed: { under_construction: 'ok', planned: 'note', built_not_accepted: 'note', accepted_not_handed_over: 'note', handed_over: 'note' },
  built_not_accepted: { accepted_not_handed_over: 'ok', handed_over: 'note', misused: 'note' },
  accepted_not_handed_over: { handed_over: 'ok', misused: 'note' },
  handed_over: { operating_public: 'ok', operating_inclusive: 'ok', misused: 'note', for_profit: 'note' },
  operating_public: { operating_inclusive: 'note', misused: 'note' },
  operating_inclusive: { operating_public: 'note', for_profit: 'note', misused: 'note' },
  misused: { rectified: 'note' },
  for_profit: { rectified: 'note' },
  rectified: { operating_public: 'ok', operating_inclusive: 'ok', misused: 'note', for_profit: 'note' },
};

/** The main chain in order (缓建/停建 sits beside 在建). */
const CHAIN: readonly SupportingKgStatus[] = ['not_planned', 'planned', 'under_construction', 'built_not_accepted', 'accepted_not_handed_over', 'handed_over'];
const OPEN = new Set<SupportingKgStatus>(LEDGER_OPEN_STATUSES);
const MAY_OPEN_FROM = new Set<SupportingKgStatus>(['handed_over', 'rectified', 'operating_public', 'operating_inclusive']);
const BUILT = new Set<SupportingKgStatus>(['built_not_accepted', 'accepted_not_handed_over', 'handed_over', 'operating_public', 'operating_inclusive', 'misused', 'for_profit', 'rectified']);

export type TransitionCheck =
  | { ok: true; noteRequired: boolean; message: PlanMessage | null }
  | { ok: false; message: PlanMessage };

const rank = (s: SupportingKgStatus): number => (s === 'delayed' ? CHAIN.indexOf('under_construction') : CHAIN.indexOf(s));

/**
 * Whether the ledger may go from `from` to `to`. A first entry (from = null) may be
 * any state. Refusals carry a message key of the catalogue (src/ui/messages.ts) with
 * the two states as values; an allowed skip says which stages it passes over.
 */
export function checkTransition(from: SupportingKgStatus | null, to: SupportingKgStatus): TransitionCheck {
  if (from === null) return { ok: true, noteRequired: false, message: null };
  const values = { from, to };
  if (from === to) return { ok: false, message: { key: 'ledger.refuse.same', values } };
  const need = LEDGER_TRANSITIONS[from][to];
  if (need) {
    const skipped = rank(to) >= 0 && rank(from) >= 0 ? CHAIN.slice(rank(from) + 1, rank(to)) : [];
    const message: PlanMessage | null = skipped.length > 0 ? { key: 'ledger.skips', values: { ...values, skipped: skipped.join(',') } } : null;
    return { ok: true, noteRequired: need === 'note', message };
  }
  if (OPEN.has(to) && (from === 'misused' || from === 'for_profit')) return { ok: false, message: { key: 'ledger.refuse.rectifyFirst', values } };
  if (OPEN.has(to) && !MAY_OPEN_FROM.has(from)) return { ok: false, message: { key: 'ledger.refuse.openBeforeHandover', values } };
  if (to === 'rectified') return { ok: false, message: { key: 'ledger.refuse.rectifyWhat', values } };
  if (to === 'delayed') return { ok: false, message: { key: 'ledger.refuse.delayWhat', values } };
  if ((to === 'misused' || to === 'for_profit') && !BUILT.has(from)) return { ok: false, message: { key: 'ledger.refuse.notBuilt', values } };
  const back = rank(to) >= 0 && (rank(from) < 0 || rank(to) < rank(from));
  return { ok: false, message: { key: back ? 'ledger.refuse.backward' : 'ledger.refuse.notAllowed', values } };
}

/** The states `from` may move to, in schema order (for the status menu). */
export function nextStates(from: SupportingKgStatus | null, all: readonly SupportingKgStatus[]): SupportingKgStatus[] {
  return all.filter((to) => checkTransition(from, to).ok);
}
