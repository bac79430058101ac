/** Texts of the analysis engine (src/analysis): warnings, labels, parameter names and sources. */
import type { Entries } from '../types';

export const ENGINE = {} as const satisfies Entries;
