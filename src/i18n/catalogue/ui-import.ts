/** Texts of import dialogs (src/ui/import, ImportHost, DataMenu). */
import type { Entries } from '../types';

export const UI_IMPORT = {} as const satisfies Entries;
