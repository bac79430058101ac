/** Texts of 选址 panel (src/ui/siting). */
import type { Entries } from '../types';

export const UI_SITING = {} as const satisfies Entries;
