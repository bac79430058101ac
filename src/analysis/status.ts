/** Red / amber / green classification of supply/demand ratios. */
import type { RagStatus, RagThresholds } from './types';

/**
 * Status of a ratio: ≥ green → 'green'; ≥ amber → 'amber'; else 'red';
 * NaN (undefined ratio, e.g. no demand) → 'no_demand'.
 */
export function ragOf(ratio: number, t: RagThresholds): RagStatus {
  if (Number.isNaN(ratio)) return 'no_demand';
  if (ratio >= t.green) return 'green';
  if (ratio >= t.amber) return 'amber';
  return 'red';
}
