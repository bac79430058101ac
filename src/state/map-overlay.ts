/**
 * What the analysis adds to the map (colours and flags per feature), as the store's
 * selectors derive it (selectors.ts) and src/map draws it (build-layers.ts,
 * ledger-layers.ts). Plain data: the state layer knows nothing of deck.gl.
 */
import type { EscalationLevel } from '../analysis/ledger/escalation';

/** An overdue community as marked on the map. */
export interface OverdueMark {
  communityId: string;
  name: string;
  lon: number;
  lat: number;
  /** outer rings of its polygon (empty when only the centroid is known) */
  rings: [number, number][][];
  daysOverdue: number;
  level: Exclude<EscalationLevel, 'none'>;
  color: [number, number, number, number];
}

/** Extra per-feature colours/flags from analysis (optional). */
export interface AnalysisOverlay {
  /** per population cell (index-aligned): 1 = covered */
  covered?: Uint8Array;
  radiusM?: number;
  /** per kindergarten (index-aligned) traffic-light status */
  kgStatus?: ('ok' | 'warn' | 'bad' | 'neutral')[];
  /** 街道 code → traffic-light status (children-weighted mean access) */
  streetStatus?: Record<string, 'ok' | 'warn' | 'bad' | 'neutral'>;
  /** scenario comparison: projects only in the shown scenario (a) or only in the compared one (b) */
  diff?: { lon: number; lat: number; side: 'a' | 'b' }[];
  /** overdue communities of the ledger, by escalation colour (ledger-layers.ts) */
  ledgerOverdue?: OverdueMark[];
}

