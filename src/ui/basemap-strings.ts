/** Strings of the basemap chooser (Chinese first), kept beside it rather than in the shared i18n table. */
import type { BasemapKind } from '../state/basemap-choice';

type Lang = 'zh' | 'en';

const KIND_LABELS: Record<BasemapKind, [string, string]> = {
  none: ['无底图', 'No basemap'],
  sample: ['示例矢量底图（生成数据）', 'Sample vector basemap (generated)'],
  pmtiles: ['本地 PMTiles 文件…', 'Local PMTiles file…'],
  'tianditu-vec': ['天地图 矢量 + 注记（需联网）', 'Tianditu vector + labels (online)'],
  'tianditu-img': ['天地图 影像 + 注记（需联网）', 'Tianditu imagery + labels (online)'],
  osm: ['OpenStreetMap（需联网）', 'OpenStreetMap (online)'],
};

const S = {
  basemap: ['底图', 'Basemap'],
  tiandituKey: ['天地图密钥（tk）', 'Tianditu key (tk)'],
  save: ['保存', 'Save'],
  keyHint: ['在 lbs.tianditu.gov.cn 申请“浏览器端”密钥；只保存在本机浏览器中。', 'Apply for a browser key at lbs.tianditu.gov.cn; it is kept in this browser only.'],
  needKey: ['请先填写并保存天地图密钥', 'Enter and save a Tianditu key first'],
  onlineNote: ['离线选项不向外发送任何请求；在线底图会从外部服务器加载瓦片。', 'Offline choices send no request; online basemaps load tiles from outside servers.'],
  pmtilesFailed: ['无法读取 PMTiles 文件：', 'Cannot read the PMTiles file: '],
  pmtilesAgain: ['重新选择文件…', 'Pick the file again…'],
} as const;

/** label of a basemap choice */
export const kindLabel = (kind: BasemapKind, lang: Lang): string => KIND_LABELS[kind][lang === 'zh' ? 0 : 1];

/** a chooser string */
export const bs = (key: keyof typeof S, lang: Lang): string => S[key][lang === 'zh' ? 0 : 1];
