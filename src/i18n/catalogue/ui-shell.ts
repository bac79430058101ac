/** Texts of top-level panels (src/ui/*.tsx) and the map (src/map). */
import type { Entries } from '../types';

export const UI_SHELL = {} as const satisfies Entries;
