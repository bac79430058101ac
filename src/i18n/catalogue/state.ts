/** Notices and errors the store sets (src/state): project, plan, network, siting, save, tabs. */
import type { Entries } from '../types';

export const STATE = {
  'state.analysisFailed': { zh: '分析出错：{error}', en: 'Analysis failed: {error}' },
} as const satisfies Entries;
