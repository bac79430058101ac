/**
 * THE supply rule — one module for the engine, the plan years, 选址, the map, the
 * summary cards and the 配套园 ledger (the DuckDB SQL is generated from the same
 * constants). A kindergarten row supplies places, and so draws a catchment and
 * counts as covering, when
 *   - its status is 'existing' or not given (a plan year expresses works, closures
 *     and openings through the rows' status: src/analysis/plan/supply-at.ts), and
 *   - it has places > 0 (a 0-place row covers no child: it is flagged instead).
 * A 配套园 recorded in the ledger as opened (公办 / 委托普惠) supplies from its
 * 开园日期's year through a kindergarten row of its own (src/analysis/ledger/supply.ts).
 */
import type { KgStatus, SupportingKgStatus } from './model';

/** Kindergarten statuses that supply (besides a missing status). */
export const SUPPLYING_KG_STATUSES: readonly KgStatus[] = ['existing'];

/** Ledger statuses of a 配套园 that runs as a kindergarten open to the public (公办 / 委托普惠). */
export const LEDGER_OPEN_STATUSES: readonly SupportingKgStatus[] = ['operating_public', 'operating_inclusive'];

/** The row's status lets it supply ('existing' or not given) — places not considered. */
export function hasSupplyingStatus(k: { status?: KgStatus | null }): boolean {
  return k.status === null || k.status === undefined || SUPPLYING_KG_STATUSES.includes(k.status);
}

/** THE rule: the row supplies places (and covers) — supplying status and places > 0. */
export function suppliesPlaces(k: { status?: KgStatus | null; places?: number | null }): boolean {
  return hasSupplyingStatus(k) && typeof k.places === 'number' && Number.isFinite(k.places) && k.places > 0;
}

/** A 配套园 in this ledger status is open to the public (公办 / 委托普惠). */
export function isLedgerOpen(status: SupportingKgStatus | null | undefined): boolean {
  return status !== null && status !== undefined && LEDGER_OPEN_STATUSES.includes(status);
}

/**
 * 1e-9 relative tolerance on the service radius: a point at exactly the radius
 * (up to floating-point noise of the distance formula) counts as inside, the same
 * way in coverage, 2SFCA, 选址 and the plan years.
 */
export const RADIUS_TOLERANCE = 1e-9;

/** The distance up to which a pair counts as within `radiusM`. */
export function withinRadiusM(radiusM: number): number {
  return radiusM * (1 + RADIUS_TOLERANCE);
}
