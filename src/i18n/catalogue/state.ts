/** Notices and errors the store sets (src/state): project, plan, network, siting, save, tabs. */
import type { Entries } from '../types';

export const STATE = {
  'state.analysisFailed': { zh: '分析出错：{error}', en: 'Analysis failed: {error}' },
  'state.siting.noCandidates': { zh: '没有候选点：请选择网格、在地图上点选或导入教育用地', en: 'No candidates: choose the grid, click on the map or import education plots' },
  'state.siting.notReady': { zh: '当前年份的分析尚未算完，请稍候再选址', en: 'The analysis of this year is not finished yet; wait a moment' },
  'state.siting.alreadyPlanned': { zh: '方案“{scenario}”中已有这些选址的新建项目（{names}），未重复加入', en: 'Scenario “{scenario}” already has new builds at these sites ({names}); not added twice' },
  'state.network.notWalkable': { zh: '{n} 条不可步行的道路（高速、快速路、禁止行人）已排除', en: '{n} roads not for walking (motorways, expressways, no pedestrians) left out' },
  'state.network.skipped': { zh: '{n} 个非线要素已忽略', en: '{n} features that are not lines ignored' },
  'state.network.badFeatures': { zh: '要素 {ids} 含无效坐标，已在该处断开', en: 'Features {ids} have invalid coordinates; broken there' },
  'state.network.components': { zh: '路网有 {n} 个互不连通的部分：主体之外 {km} 公里（地图上以红色显示），请核对是否漏接', en: 'The network has {n} unconnected parts: {km} km outside the main part (red on the map); check for missing links' },
  'state.network.badJson': { zh: '{name}：不是有效的 JSON（{error}）', en: '{name}: not valid JSON ({error})' },
  'state.network.badFormat': { zh: '{name}：不支持的路网格式（请用 GeoJSON 或 Shapefile；OSM .pbf 请先转为 GeoJSON）', en: '{name}: unsupported network format (use GeoJSON or Shapefile; convert OSM .pbf to GeoJSON first)' },
  'state.network.empty': { zh: '{name}：没有可用的路段', en: '{name}: no usable path segments' },
  'state.network.importFirst': { zh: '请先导入步行路网（数据 ▾ → 导入步行路网，或本栏的“导入步行路网…”）', en: 'Import a walking network first (Data ▾ → Import walking network, or “Import walking network…” here)' },
  'state.network.notSaved': { zh: '项目使用步行路网距离，但路网未随项目保存：已改为直线距离，请重新导入步行路网后再选择“步行路网”', en: 'The project uses walking distance but its network was not saved with it: switched to straight line; import the walking network again, then choose walking' },
  'state.network.sampleFailed': { zh: '无法读取示例步行路网（HTTP {status}）', en: 'Cannot read the sample walking network (HTTP {status})' },
  'state.tab.readOnly': { zh: '本项目正在另一个标签页中编辑：本页为只读，改动不会保存。', en: 'This project is being edited in another tab: this page is read-only and changes are not saved.' },
  'state.tab.takenOver': { zh: '另一个标签页接管了编辑：本页现为只读，改动不会保存。', en: 'Another tab took over editing: this page is now read-only and changes are not saved.' },
} as const satisfies Entries;
