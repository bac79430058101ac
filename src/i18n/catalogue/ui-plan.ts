/** Texts of the 十五五 plan screens (src/ui/plan). */
import type { Entries } from '../types';

export const UI_PLAN = {} as const satisfies Entries;
