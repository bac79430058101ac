/**
 * Scale checks of a plan project (planning-standards.md, "Scale, class sizes and
 * land"). They warn, never block. Returned as message keys with values.
 */
import type { PlanProject } from '../model';
import type { PlanMessage } from './plan-types';

/** Places per class of the planning convention (6/9/12 classes = 180/270/360). */
export const PLACES_PER_CLASS = 30;
/** GB 50180-2018 is quoted as "no more than 12 classes" (unverified). */
export const MAX_CLASSES = 12;
/** Land per scale, 哈尔滨 2019 (classes → m²); 8+ classes also GB 50180-93 ≥ 9 m² per place. */
export const LAND_BY_CLASSES: readonly [number, number][] = [
  [6, 2700],
  [9, 4000],
  [12, 5400],
];
export const LAND_PER_PLACE_M2 = 9;

/** The minimum land of a kindergarten of `classes` classes (m²), or null below 6 classes. */
export function minimumLandM2(classes: number, places: number): number | null {
  let need: number | null = null;
  for (const [c, m2] of LAND_BY_CLASSES) if (classes >= c) need = m2;
  if (classes >= 8) need = Math.max(need ?? 0, places * LAND_PER_PLACE_M2);
  return need;
}

/**
 * Warnings for one project (empty = fine). With `plan` (end year, opening lag), also when the
 * project would supply only after the plan's last year (finish + lag > endYear).
 */
export function checkProjectScale(p: PlanProject, plan?: { endYear: number; openingLagYears: number }): PlanMessage[] {
  const out: PlanMessage[] = [];
  if (p.finish_year < p.start_year) out.push({ key: 'scale.finishBeforeStart', values: { start: p.start_year, finish: p.finish_year } });
  if (plan && p.kind !== 'closure' && p.kind !== 'conversion' && p.finish_year + plan.openingLagYears > plan.endYear) {
    out.push({ key: 'scale.suppliesAfterPlan', values: { year: p.finish_year + plan.openingLagYears, end: plan.endYear } });
  }
  if (p.kind === 'closure') {
    if (p.places_after > 0) out.push({ key: 'scale.closureWithPlaces', values: { places: p.places_after } });
    return out;
  }
  if (p.kind !== 'new_build' && !p.kindergarten_id) out.push({ key: 'scale.noTarget' });
  const classes = p.classes_after;
  if (classes > MAX_CLASSES) out.push({ key: 'scale.tooManyClasses', values: { classes, max: MAX_CLASSES } });
  if (classes > 0 && p.places_after !== classes * PLACES_PER_CLASS) {
    out.push({ key: 'scale.placesVsClasses', values: { places: p.places_after, classes, expected: classes * PLACES_PER_CLASS } });
  }
  const need = minimumLandM2(classes, p.places_after);
  if (need !== null && typeof p.land_area_m2 === 'number' && p.land_area_m2 < need) {
    out.push({ key: 'scale.landTooSmall', values: { land: p.land_area_m2, need, classes } });
  }
  if ((p.kind === 'new_build' || p.kind === 'rebuild') && (p.land_area_m2 === null || p.land_area_m2 === undefined)) out.push({ key: 'scale.landMissing' });
  return out;
}
