/**
 * Layers of the "示例矢量底图": the generated streets, river, railway and land use of the sample
 * district (data/basemap.geojson, scripts/make-basemap.ts), in quiet colours so that the planning
 * layers on top stay readable.
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { msg } from '../i18n';

/** in the style's metadata (the status line shows the attribution in the user's language) */
export const SAMPLE_ATTRIBUTION = msg('zh', 'basemap.attribution.sample');

export const SAMPLE_COLOURS = {
  industrial: '#e6e4df',
  green: '#dce8d3',
  water: '#c3d9eb',
  river: '#a6c8e4',
  casing: '#b9c0cb',
  road: '#ffffff',
  highway: '#f7e9c3',
  highwayCasing: '#dcc98f',
  rail: '#8e949c',
} as const;

const kind = (...k: string[]) => ['in', ['get', 'kind'], ['literal', k]];
const roadOf = (cls: string) => ['all', ['==', ['get', 'kind'], 'road'], ['==', ['get', 'class'], cls]];
/** line width in px from zoom 10 to 16 (exponential: roads get wider as they would on paper) */
const zw = (w10: number, w16: number) => ['interpolate', ['exponential', 1.5], ['zoom'], 10, w10, 16, w16];

/** The geojson source of the sample basemap (`data` is the URL of data/basemap.geojson, same origin). */
export function sampleBasemapParts(dataUrl: string): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const src = 'bm-sample';
  const layers = [
    { id: 'bm-sample-industrial', type: 'fill', source: src, filter: kind('industrial', 'railyard'), paint: { 'fill-color': SAMPLE_COLOURS.industrial } },
    { id: 'bm-sample-green', type: 'fill', source: src, filter: kind('green'), paint: { 'fill-color': SAMPLE_COLOURS.green } },
    { id: 'bm-sample-water', type: 'fill', source: src, filter: kind('water'), paint: { 'fill-color': SAMPLE_COLOURS.water } },
    { id: 'bm-sample-river', type: 'line', source: src, filter: kind('river'), layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': SAMPLE_COLOURS.river, 'line-width': zw(2.5, 26) } },
    { id: 'bm-sample-street-casing', type: 'line', source: src, filter: roadOf('street'), minzoom: 12, layout: { 'line-join': 'round' }, paint: { 'line-color': SAMPLE_COLOURS.casing, 'line-width': zw(1.6, 10) } },
    { id: 'bm-sample-arterial-casing', type: 'line', source: src, filter: roadOf('arterial'), layout: { 'line-join': 'round' }, paint: { 'line-color': SAMPLE_COLOURS.casing, 'line-width': zw(3.2, 18) } },
    { id: 'bm-sample-highway-casing', type: 'line', source: src, filter: roadOf('highway'), layout: { 'line-join': 'round' }, paint: { 'line-color': SAMPLE_COLOURS.highwayCasing, 'line-width': zw(4, 21) } },
    { id: 'bm-sample-street', type: 'line', source: src, filter: roadOf('street'), layout: { 'line-join': 'round' }, paint: { 'line-color': SAMPLE_COLOURS.road, 'line-width': zw(0.8, 7.5) } },
    { id: 'bm-sample-arterial', type: 'line', source: src, filter: roadOf('arterial'), layout: { 'line-join': 'round' }, paint: { 'line-color': SAMPLE_COLOURS.road, 'line-width': zw(2, 14) } },
    { id: 'bm-sample-highway', type: 'line', source: src, filter: roadOf('highway'), layout: { 'line-join': 'round' }, paint: { 'line-color': SAMPLE_COLOURS.highway, 'line-width': zw(2.6, 16) } },
    { id: 'bm-sample-rail', type: 'line', source: src, filter: kind('rail'), paint: { 'line-color': SAMPLE_COLOURS.rail, 'line-width': zw(1.6, 5) } },
    // white dashes over the grey: the usual railway symbol
    { id: 'bm-sample-rail-dash', type: 'line', source: src, filter: kind('rail'), paint: { 'line-color': '#ffffff', 'line-width': zw(0.7, 2.5), 'line-dasharray': [3, 3] } },
  ] as LayerSpecification[];
  return { sources: { [src]: { type: 'geojson', data: dataUrl, attribution: SAMPLE_ATTRIBUTION } }, layers };
}
