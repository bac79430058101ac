/** Texts of store slices (src/state): notices and errors. */
import type { Entries } from '../types';

export const STATE = {} as const satisfies Entries;
