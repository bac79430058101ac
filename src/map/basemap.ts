/**
 * The basemap style for each choice (src/state/basemap-choice.ts): none, the generated sample, a local PMTiles
 * file, 天地图 (vector or imagery, each with its annotation layer) or OpenStreetMap. Pure: the offline
 * choices contain no request URL off the machine. Basemap sources and layers are named `bm-…`; the
 * district and the planning layers are drawn on top by deck.gl.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { BasemapChoice } from '../state/basemap-choice';
import { msg } from '../i18n';
import { pmtilesStyleParts } from './pmtiles-style';
import { sampleBasemapParts } from './sample-basemap-style';

export const BACKGROUND = '#eef1f5';
export const ONLINE_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
/** in the style's metadata (the status line shows the attribution in the user's language) */
export const TIANDITU_ATTRIBUTION = msg('zh', 'basemap.attribution.tianditu');

export interface BasemapContext {
  /** URL of data/basemap.geojson (served with the app) */
  sampleUrl: string;
}

/**
 * Tile URLs of one 天地图 layer in web mercator (TILEMATRIXSET=w), over the servers t0–t7:
 * `https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&…&LAYER=vec&…&tk=KEY`.
 * `layer`: vec 矢量, cva 矢量注记, img 影像, cia 影像注记.
 */
export function tiandituTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  const q =
    `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
    `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`;
  return Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?${q}`);
}

function raster(tiles: string[], attribution: string, maxzoom: number): SourceSpecification {
  return { type: 'raster', tiles, tileSize: 256, attribution, maxzoom };
}

/** Sources and layers of a choice; null when it cannot be drawn (no key, no file) — then only the background. */
export function basemapParts(choice: BasemapChoice, ctx: BasemapContext): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } | null {
  switch (choice.kind) {
    case 'none':
      return null;
    case 'sample':
      return sampleBasemapParts(ctx.sampleUrl);
    case 'pmtiles':
      return choice.pmtiles ? pmtilesStyleParts(choice.pmtiles) : null;
    case 'osm':
      return {
        sources: { 'bm-osm': raster([ONLINE_TILE_URL], OSM_ATTRIBUTION, 19) },
        layers: [{ id: 'bm-osm', type: 'raster', source: 'bm-osm', paint: { 'raster-opacity': 0.85 } }],
      };
    case 'tianditu-vec':
    case 'tianditu-img': {
      const key = choice.tiandituKey?.trim();
      if (!key) return null;
      const [base, label] = choice.kind === 'tianditu-vec' ? (['vec', 'cva'] as const) : (['img', 'cia'] as const);
      return {
        sources: {
          'bm-tdt': raster(tiandituTiles(base, key), TIANDITU_ATTRIBUTION, 18),
          'bm-tdt-label': raster(tiandituTiles(label, key), TIANDITU_ATTRIBUTION, 18),
        },
        layers: [
          // a little paler than published, so the planning layers stand out
          { id: 'bm-tdt', type: 'raster', source: 'bm-tdt', paint: { 'raster-opacity': 0.9, 'raster-saturation': -0.35 } },
          { id: 'bm-tdt-label', type: 'raster', source: 'bm-tdt-label' },
        ],
      };
    }
  }
}

/** The MapLibre style of a basemap choice. */
export function buildBasemapStyle(choice: BasemapChoice, ctx: BasemapContext): StyleSpecification {
  const parts = basemapParts(choice, ctx);
  return {
    version: 8,
    sources: parts?.sources ?? {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }, ...(parts?.layers ?? [])],
  };
}

/** [minLon, minLat, maxLon, maxLat] of rings. */
export function bboxOfRings(rings: [number, number][][]): [number, number, number, number] | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rings)
    for (const [x, y] of r) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  return Number.isFinite(x0) ? [x0, y0, x1, y1] : null;
}
