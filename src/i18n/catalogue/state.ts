/** Notices and errors the store sets (src/state): project, plan, network, siting, save, tabs. */
import type { Entries } from '../types';

export const STATE = {
  'state.analysisFailed': { zh: '分析出错：{error}', en: 'Analysis failed: {error}' },
  'state.siting.noCandidates': { zh: '没有候选点：请选择网格、在地图上点选或导入教育用地', en: 'No candidates: choose the grid, click on the map or import education plots' },
  'state.siting.notReady': { zh: '当前年份的分析尚未算完，请稍候再选址', en: 'The analysis of this year is not finished yet; wait a moment' },
  'state.siting.alreadyPlanned': { zh: '方案“{scenario}”中已有这些选址的新建项目（{names}），未重复加入', en: 'Scenario “{scenario}” already has new builds at these sites ({names}); not added twice' },
} as const satisfies Entries;
