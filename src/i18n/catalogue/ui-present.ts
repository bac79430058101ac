/** Texts of 汇报 player, editor, exports (src/ui/present). */
import type { Entries } from '../types';

export const UI_PRESENT = {} as const satisfies Entries;
