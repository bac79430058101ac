/** Texts of 配套园 ledger screens (src/ui/ledger, CommunityLedger). */
import type { Entries } from '../types';

export const UI_LEDGER = {} as const satisfies Entries;
