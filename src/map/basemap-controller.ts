/**
 * Applies the basemap choice to a MapLibre map and tells the user what they see: a small line at the
 * bottom left with the attribution of the basemap (the sample's says it is generated) and, when tiles
 * fail to load, a visible notice “底图瓦片加载失败：…”.
 */
import type { ErrorEvent, Map as MapLibreMap } from 'maplibre-gl';
import { buildBasemapStyle, type BasemapContext } from './basemap';
import type { BasemapChoice } from '../state/basemap-choice';
import { SAMPLE_ATTRIBUTION, SAMPLE_ATTRIBUTION_EN } from './sample-basemap-style';
import './basemap.css';

type Lang = 'zh' | 'en';

const SOURCE_NAMES: Record<string, [string, string]> = {
  'bm-sample': ['示例底图', 'sample basemap'],
  'bm-pmtiles': ['本地 PMTiles 文件', 'local PMTiles file'],
  'bm-osm': ['OpenStreetMap', 'OpenStreetMap'],
  'bm-tdt': ['天地图', 'Tianditu'],
  'bm-tdt-label': ['天地图注记', 'Tianditu labels'],
};

/** The notice text for a failed basemap source load (exported for tests). */
export function tileErrorNotice(sourceId: string, message: string, lang: Lang): string {
  const name = SOURCE_NAMES[sourceId]?.[lang === 'zh' ? 0 : 1] ?? sourceId;
  // tile URLs carry the user's key: keep them off the screen
  message = message.replace(/\s*:?\s*https?:\/\/\S+/g, '').trim() || message;
  return lang === 'zh' ? `底图瓦片加载失败：${name}（${message}）` : `Basemap tiles failed to load: ${name} (${message})`;
}

/** Attribution line shown for a choice. */
export function attributionOf(choice: BasemapChoice, lang: Lang): string {
  switch (choice.kind) {
    case 'sample':
      return lang === 'zh' ? SAMPLE_ATTRIBUTION : SAMPLE_ATTRIBUTION_EN;
    case 'pmtiles':
      if (!choice.pmtiles) return lang === 'zh' ? '请在“设置”中重新选择本地 PMTiles 文件（浏览器不会保存文件）' : 'Pick the local PMTiles file again in Settings (the browser does not keep it)';
      return choice.pmtiles.attribution ? `${choice.pmtiles.key} · ${choice.pmtiles.attribution}` : choice.pmtiles.key;
    case 'osm':
      return '© OpenStreetMap contributors';
    case 'tianditu-vec':
    case 'tianditu-img':
      if (!choice.tiandituKey) return lang === 'zh' ? '天地图需要密钥：请在“设置”中填写' : 'Tianditu needs a key: enter it in Settings';
      return lang === 'zh' ? '© 天地图（国家地理信息公共服务平台）' : '© Tianditu';
    case 'none':
      return '';
  }
}

/** The status line: a plain element over the map (not a control: deck.gl's canvas sits in the control containers and would cover it). */
class StatusLine {
  readonly el = document.createElement('div');
  readonly text = document.createElement('span');
  readonly notice = document.createElement('span');

  constructor() {
    this.el.className = 'bm-status';
    this.el.dataset.testid = 'basemap-status';
    this.notice.className = 'bm-notice';
    this.notice.dataset.testid = 'basemap-notice';
    this.notice.setAttribute('role', 'alert');
    this.el.append(this.notice, this.text);
  }
}

export interface BasemapController {
  apply(choice: BasemapChoice, lang: Lang): void;
}

/** Install the status line and the tile-error listener on `map`; `apply` restyles when the choice changes. */
export function createBasemapController(map: MapLibreMap, ctx: BasemapContext): BasemapController {
  const status = new StatusLine();
  map.getContainer().appendChild(status.el);
  let styleKey = '';
  let lang: Lang = 'zh';
  map.on('error', (e: ErrorEvent & { sourceId?: string }) => {
    // only basemap sources (bm-…): the planning layers are deck.gl's and report elsewhere
    if (!e.sourceId?.startsWith('bm-')) return;
    status.notice.textContent = tileErrorNotice(e.sourceId, e.error?.message ?? String(e.error), lang);
  });
  return {
    apply(choice, nextLang) {
      lang = nextLang;
      status.text.textContent = attributionOf(choice, lang);
      const style = buildBasemapStyle(choice, ctx);
      const key = JSON.stringify(style);
      if (key === styleKey) return;
      if (styleKey !== '') map.setStyle(style);
      styleKey = key;
      status.notice.textContent = '';
    },
  };
}
