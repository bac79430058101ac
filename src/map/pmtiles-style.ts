/**
 * Pure parts of the local-PMTiles basemap: what the archive holds (from its header and metadata)
 * and the MapLibre sources/layers that draw it. Vector archives get quiet styles for the layers of
 * the Protomaps, OpenMapTiles and Shortbread schemas (roads, water, land use, rail, buildings) and a
 * generic style by geometry type for any other layer; raster archives get one raster layer.
 * No symbol layers: the style has no glyphs URL (our own labels are DOM markers).
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { PmtilesInfo } from '../state/basemap-choice';

// what an archive holds is part of the remembered basemap choice (state)
export type { PmtilesInfo, PmtilesVectorLayer } from '../state/basemap-choice';

/** PMTiles tile types (header byte 99) */
export const TILE_TYPE = { unknown: 0, mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5, mlt: 6 } as const;

interface HeaderLike {
  tileType: number;
  minZoom: number;
  maxZoom: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Summarise a PMTiles header and its JSON metadata (vector_layers, tilestats, attribution). */
export function pmtilesInfoFrom(key: string, header: HeaderLike, metadata: unknown): PmtilesInfo {
  const m = (metadata && typeof metadata === 'object' ? metadata : {}) as Record<string, unknown>;
  const stats = new Map<string, string>();
  const ts = m.tilestats as { layers?: { layer?: string; geometry?: string }[] } | undefined;
  for (const l of ts?.layers ?? []) if (l.layer && l.geometry) stats.set(l.layer, l.geometry);
  const vl = Array.isArray(m.vector_layers) ? (m.vector_layers as { id?: unknown }[]) : [];
  const vectorLayers = vl
    .filter((l): l is { id: string } => typeof l.id === 'string')
    .map((l) => (stats.has(l.id) ? { id: l.id, geometry: stats.get(l.id) } : { id: l.id }));
  const info: PmtilesInfo = {
    key,
    tileType: header.tileType,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    vectorLayers,
  };
  if (typeof m.attribution === 'string') info.attribution = m.attribution;
  return info;
}

export const isRasterTileType = (t: number): boolean => t === TILE_TYPE.png || t === TILE_TYPE.jpeg || t === TILE_TYPE.webp || t === TILE_TYPE.avif;

type Role = 'land' | 'green' | 'water' | 'waterway' | 'road' | 'rail' | 'building' | 'boundary' | 'skip';

/** source-layer names of the common schemas → how to draw them */
const ROLES: Record<string, Role> = {
  // Protomaps basemap
  earth: 'land', landuse: 'green', landcover: 'green', natural: 'green', water: 'water', roads: 'road', transit: 'rail',
  buildings: 'building', boundaries: 'boundary', places: 'skip', pois: 'skip',
  // OpenMapTiles
  park: 'green', waterway: 'waterway', transportation: 'road', building: 'building', boundary: 'boundary', aeroway: 'land',
  place: 'skip', poi: 'skip', transportation_name: 'skip', water_name: 'skip', mountain_peak: 'skip', housenumber: 'skip', aerodrome_label: 'skip',
  // Shortbread
  ocean: 'water', water_polygons: 'water', water_lines: 'waterway', land: 'green', streets: 'road', street_polygons: 'land',
  place_labels: 'skip', street_labels: 'skip', street_labels_points: 'skip', water_polygons_labels: 'skip', water_lines_labels: 'skip',
  boundary_labels: 'skip', addresses: 'skip', public_transport: 'skip', ferries: 'waterway', dam_lines: 'skip', bridges: 'land', sites: 'land',
};

export const PM_COLOURS = {
  land: '#e9e7e2',
  green: '#dfe8d6',
  water: '#c5dbec',
  building: '#dcd9d3',
  road: '#ffffff',
  casing: '#d0d5dc',
  rail: '#9aa0a8',
  boundary: '#a7a2b8',
  generic: '#b9bfc8',
} as const;

/** plain objects → layer specs (expressions are built as plain arrays, which TS cannot narrow) */
const spec = (o: Record<string, unknown>): LayerSpecification => o as unknown as LayerSpecification;

const KIND = ['coalesce', ['get', 'kind'], ['get', 'class'], ['get', 'highway'], ''];
const RAIL_KINDS = ['rail', 'railway', 'transit', 'subway', 'light_rail', 'tram', 'narrow_gauge'];
const MAJOR_KINDS = ['highway', 'major_road', 'motorway', 'trunk', 'primary', 'secondary'];
const POLY = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const LINE = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const POINT = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/** Sources and layers that draw a PMTiles archive (raster or vector), under source id `bm-pmtiles`. */
export function pmtilesStyleParts(info: PmtilesInfo): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const url = `pmtiles://${info.key}/{z}/{x}/{y}`;
  const common = { tiles: [url], minzoom: info.minZoom, maxzoom: info.maxZoom, bounds: info.bounds, ...(info.attribution ? { attribution: info.attribution } : {}) };
  if (isRasterTileType(info.tileType)) {
    return {
      sources: { 'bm-pmtiles': { type: 'raster', tileSize: 256, ...common } },
      layers: [{ id: 'bm-pmtiles-raster', type: 'raster', source: 'bm-pmtiles', paint: { 'raster-opacity': 0.9, 'raster-saturation': -0.3 } }],
    };
  }
  if (info.tileType !== TILE_TYPE.mvt) throw new Error(`unsupported PMTiles tile type ${info.tileType} (only MVT vector tiles and PNG/JPEG/WebP/AVIF raster tiles)`);
  const groups: Record<Exclude<Role, 'skip'>, LayerSpecification[]> = { land: [], green: [], water: [], waterway: [], building: [], road: [], rail: [], boundary: [] };
  const generic: LayerSpecification[] = [];
  const base = (id: string, layer: string) => ({ id: `bm-pm-${id}-${layer}`, source: 'bm-pmtiles', 'source-layer': layer });
  for (const { id: layer, geometry } of info.vectorLayers) {
    const role = ROLES[layer];
    if (role === 'skip') continue;
    if (role === 'land' || role === 'green' || role === 'building' || role === 'water')
      groups[role].push(spec({ ...base('fill', layer), type: 'fill', filter: POLY, paint: { 'fill-color': PM_COLOURS[role === 'green' ? 'green' : role] } }));
    if (role === 'water' || role === 'waterway')
      groups.waterway.push(spec({ ...base('waterline', layer), type: 'line', filter: LINE, paint: { 'line-color': PM_COLOURS.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 16, 4] } }));
    if (role === 'road' || role === 'rail') {
      const railOnly = role === 'rail' ? LINE : ['all', LINE, ['in', KIND, ['literal', RAIL_KINDS]]];
      groups.rail.push(spec({ ...base('rail', layer), type: 'line', filter: railOnly, paint: { 'line-color': PM_COLOURS.rail, 'line-width': 1.4, 'line-dasharray': [3, 2] } }));
    }
    if (role === 'road') {
      const roads = ['all', LINE, ['!', ['in', KIND, ['literal', RAIL_KINDS]]]];
      const width = (major: number, minor: number) => ['interpolate', ['linear'], ['zoom'], 10, ['match', KIND, MAJOR_KINDS, major / 4, minor / 4], 16, ['match', KIND, MAJOR_KINDS, major, minor]];
      groups.road.push(spec({ ...base('casing', layer), type: 'line', filter: roads, layout: { 'line-join': 'round' }, paint: { 'line-color': PM_COLOURS.casing, 'line-width': width(14, 8) } }));
      groups.road.push(spec({ ...base('road', layer), type: 'line', filter: roads, layout: { 'line-join': 'round' }, paint: { 'line-color': PM_COLOURS.road, 'line-width': width(11, 6) } }));
    }
    if (role === 'boundary')
      groups.boundary.push(spec({ ...base('boundary', layer), type: 'line', filter: LINE, paint: { 'line-color': PM_COLOURS.boundary, 'line-width': 1, 'line-dasharray': [4, 2] } }));
    if (role === undefined) {
      // a layer of an unknown schema: draw whatever geometry it has, quietly
      if (!geometry || geometry === 'Polygon')
        generic.push(spec({ ...base('gfill', layer), type: 'fill', filter: POLY, paint: { 'fill-color': PM_COLOURS.generic, 'fill-opacity': 0.35 } }));
      if (!geometry || geometry === 'LineString')
        generic.push(spec({ ...base('gline', layer), type: 'line', filter: LINE, paint: { 'line-color': PM_COLOURS.generic, 'line-width': 1.2 } }));
      if (!geometry || geometry === 'Point')
        generic.push(spec({ ...base('gpoint', layer), type: 'circle', filter: POINT, paint: { 'circle-color': PM_COLOURS.generic, 'circle-radius': 2 } }));
    }
  }
  const layers = [...groups.land, ...groups.green, ...groups.water, ...groups.waterway, ...generic, ...groups.building, ...groups.road, ...groups.rail, ...groups.boundary];
  return { sources: { 'bm-pmtiles': { type: 'vector', ...common } }, layers };
}
