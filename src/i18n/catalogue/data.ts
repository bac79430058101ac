/** Texts of data layer (src/data): import errors, field labels, coordinate systems, project files. */
import type { Entries } from '../types';

export const DATA = {} as const satisfies Entries;
