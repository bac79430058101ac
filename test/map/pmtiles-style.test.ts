import { PMTiles, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { pmtilesInfoFrom, pmtilesStyleParts, TILE_TYPE, type PmtilesInfo } from '../../src/map/pmtiles-style';
import { encodeMvtLines, tileOf, writeOneTilePmtiles } from './pmtiles-writer';

/** a Source over bytes in memory (FileSource needs a browser File) */
function memorySource(bytes: Uint8Array, key: string): Source {
  return {
    getKey: () => key,
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
  };
}

async function infoOf(bytes: Uint8Array, key: string): Promise<PmtilesInfo> {
  const p = new PMTiles(memorySource(bytes, key));
  return pmtilesInfoFrom(key, await p.getHeader(), await p.getMetadata());
}

const [x, y] = tileOf(109.82, 40.65, 12);
const bounds: [number, number, number, number] = [109.7, 40.55, 109.9, 40.8];

describe('PMTiles basemap style', () => {
  it('reads a generated one-tile vector archive and styles its Protomaps layers', async () => {
    const tile = encodeMvtLines('roads', [[[0, 2048], [4096, 2048]]]);
    const bytes = writeOneTilePmtiles({
      z: 12, x, y, tile, tileType: TILE_TYPE.mvt, bounds,
      metadata: { vector_layers: [{ id: 'roads' }, { id: 'water' }, { id: 'places' }, { id: 'buildings' }], attribution: '© test' },
    });
    const info = await infoOf(bytes, 'tiny.pmtiles');
    expect(info).toMatchObject({ key: 'tiny.pmtiles', tileType: TILE_TYPE.mvt, minZoom: 12, maxZoom: 12, attribution: '© test' });
    expect(info.vectorLayers.map((l) => l.id)).toEqual(['roads', 'water', 'places', 'buildings']);
    // the tile itself comes back byte for byte
    const got = await new PMTiles(memorySource(bytes, 'tiny.pmtiles')).getZxy(12, x, y);
    expect(new Uint8Array(got!.data)).toEqual(tile);

    const { sources, layers } = pmtilesStyleParts(info);
    expect(sources['bm-pmtiles']).toMatchObject({ type: 'vector', tiles: ['pmtiles://tiny.pmtiles/{z}/{x}/{y}'], minzoom: 12, maxzoom: 12 });
    const ids = layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['bm-pm-fill-water', 'bm-pm-casing-roads', 'bm-pm-road-roads', 'bm-pm-rail-roads', 'bm-pm-fill-buildings']));
    expect(ids.some((id) => id.endsWith('-places'))).toBe(false); // labels need glyphs: skipped
    expect(layers.some((l) => l.type === 'symbol')).toBe(false);
    // drawing order: water under buildings under roads
    expect(ids.indexOf('bm-pm-fill-water')).toBeLessThan(ids.indexOf('bm-pm-fill-buildings'));
    expect(ids.indexOf('bm-pm-fill-buildings')).toBeLessThan(ids.indexOf('bm-pm-road-roads'));
  });

  it('styles OpenMapTiles names and draws unknown layers by geometry type', () => {
    const info: PmtilesInfo = {
      key: 'omt.pmtiles', tileType: TILE_TYPE.mvt, minZoom: 0, maxZoom: 14, bounds,
      vectorLayers: [{ id: 'transportation' }, { id: 'waterway' }, { id: 'landuse' }, { id: 'transportation_name' }, { id: 'pipes', geometry: 'LineString' }, { id: 'misc' }],
    };
    const ids = pmtilesStyleParts(info).layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['bm-pm-road-transportation', 'bm-pm-rail-transportation', 'bm-pm-waterline-waterway', 'bm-pm-fill-landuse', 'bm-pm-gline-pipes']));
    expect(ids).not.toContain('bm-pm-gfill-pipes'); // tilestats say lines only
    expect(ids).toEqual(expect.arrayContaining(['bm-pm-gfill-misc', 'bm-pm-gline-misc', 'bm-pm-gpoint-misc']));
    expect(ids.some((id) => id.includes('transportation_name'))).toBe(false);
  });

  it('gives a raster archive one raster layer, and refuses MLT', async () => {
    const bytes = writeOneTilePmtiles({ z: 3, x: 6, y: 3, tile: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), tileType: TILE_TYPE.png, bounds, metadata: {} });
    const parts = pmtilesStyleParts(await infoOf(bytes, 'img.pmtiles'));
    expect(parts.sources['bm-pmtiles']).toMatchObject({ type: 'raster', tiles: ['pmtiles://img.pmtiles/{z}/{x}/{y}'] });
    expect(parts.layers.map((l) => l.type)).toEqual(['raster']);
    expect(() => pmtilesStyleParts({ key: 'a', tileType: TILE_TYPE.mlt, minZoom: 0, maxZoom: 1, bounds, vectorLayers: [] })).toThrow(/tile type/);
  });

  it('reads geometry types from tippecanoe tilestats', () => {
    const info = pmtilesInfoFrom('t', { tileType: 1, minZoom: 0, maxZoom: 5, minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 }, {
      vector_layers: [{ id: 'a' }, { id: 'b' }],
      tilestats: { layers: [{ layer: 'a', geometry: 'Polygon' }] },
    });
    expect(info.vectorLayers).toEqual([{ id: 'a', geometry: 'Polygon' }, { id: 'b' }]);
  });
});
