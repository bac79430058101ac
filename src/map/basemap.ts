/**
 * The basemap. Offline by default: a plain background, with the district and its
 * 街道 drawn by deck.gl. The online raster source is added only when the user turns it on.
 */
import type { StyleSpecification } from 'maplibre-gl';

export const ONLINE_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export function buildBasemapStyle(online: boolean): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f5' } }],
  };
  if (online) {
    style.sources.osm = {
      type: 'raster',
      tiles: [ONLINE_TILE_URL],
      tileSize: 256,
      attribution: '© OpenStreetMap contributors',
      maxzoom: 19,
    };
    style.layers.push({ id: 'osm', type: 'raster', source: 'osm', paint: { 'raster-opacity': 0.85 } });
  }
  return style;
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
