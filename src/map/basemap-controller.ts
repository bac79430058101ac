/**
 * Applies the basemap choice to a MapLibre map and tells the user what they see: a small line at the
 * bottom left with the attribution of the basemap (the sample's says it is generated) and, when tiles
 * fail to load, a visible notice “底图瓦片加载失败：…”.
 */
import type { ErrorEvent, Map as MapLibreMap } from 'maplibre-gl';
import { buildBasemapStyle, type BasemapContext } from './basemap';
import type { BasemapChoice } from '../state/basemap-choice';
import { isMessageKey, msg, type Lang, type MessageKey } from '../i18n';
import { OSM_ATTRIBUTION } from './basemap';
import './basemap.css';

/** Names of the basemap sources in notices (OpenStreetMap is a name in both languages). */
const SOURCE_NAMES: Record<string, MessageKey | string> = {
  'bm-sample': 'basemap.source.sample',
  'bm-pmtiles': 'basemap.source.pmtiles',
  'bm-osm': 'OpenStreetMap',
  'bm-tdt': 'basemap.source.tianditu',
  'bm-tdt-label': 'basemap.source.tiandituLabels',
};

/** The notice text for a failed basemap source load (exported for tests). */
export function tileErrorNotice(sourceId: string, message: string, lang: Lang): string {
  const known = SOURCE_NAMES[sourceId];
  const name = known === undefined ? sourceId : isMessageKey(known) ? msg(lang, known) : known;
  // tile URLs carry the user's key: keep them off the screen
  message = message.replace(/\s*:?\s*https?:\/\/\S+/g, '').trim() || message;
  return msg(lang, 'basemap.tileError', { name, message });
}

/** Attribution line shown for a choice. */
export function attributionOf(choice: BasemapChoice, lang: Lang): string {
  switch (choice.kind) {
    case 'sample':
      return msg(lang, 'basemap.attribution.sample');
    case 'pmtiles':
      if (!choice.pmtiles) return msg(lang, 'basemap.attribution.pmtilesAgain');
      return choice.pmtiles.attribution ? `${choice.pmtiles.key} · ${choice.pmtiles.attribution}` : choice.pmtiles.key;
    case 'osm':
      return OSM_ATTRIBUTION;
    case 'tianditu-vec':
    case 'tianditu-img':
      if (!choice.tiandituKey) return msg(lang, 'basemap.attribution.needKey');
      return msg(lang, 'basemap.attribution.tianditu');
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
