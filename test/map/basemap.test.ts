import { describe, expect, it } from 'vitest';
import { buildBasemapStyle, tiandituTiles } from '../../src/map/basemap';
import { loadBasemapChoice, saveBasemapChoice, type BasemapChoice, type BasemapKind } from '../../src/state/basemap-choice';
import { attributionOf, tileErrorNotice } from '../../src/map/basemap-controller';
import { TILE_TYPE } from '../../src/map/pmtiles-style';

const ctx = { sampleUrl: './assets/basemap-abc.geojson' };

/** every URL-like string in a style */
function urlsOf(style: unknown): string[] {
  const out: string[] = [];
  JSON.stringify(style, (_k, v) => {
    if (typeof v === 'string' && /^[a-z]+:\/\//i.test(v)) out.push(v);
    return v;
  });
  return out;
}

class MemoryStorage {
  private m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}

const pmtiles = { key: 'city.pmtiles', tileType: TILE_TYPE.mvt, minZoom: 0, maxZoom: 14, bounds: [109, 40, 110, 41] as [number, number, number, number], vectorLayers: [{ id: 'roads' }] };

describe('basemap styles', () => {
  it('none: only the background', () => {
    const s = buildBasemapStyle({ kind: 'none' }, ctx);
    expect(s.sources).toEqual({});
    expect(s.layers.map((l) => l.id)).toEqual(['background']);
  });

  it('sample: one geojson source from the app, line and fill layers, labelled as generated', () => {
    const s = buildBasemapStyle({ kind: 'sample' }, ctx);
    expect(Object.keys(s.sources)).toEqual(['bm-sample']);
    expect(s.sources['bm-sample']).toMatchObject({ type: 'geojson', data: ctx.sampleUrl, attribution: '示例底图（生成数据，非真实道路）' });
    const types = new Set(s.layers.map((l) => l.type));
    expect([...types].sort()).toEqual(['background', 'fill', 'line']);
    expect(s.layers.map((l) => l.id)).toEqual(expect.arrayContaining(['bm-sample-river', 'bm-sample-arterial', 'bm-sample-rail', 'bm-sample-water', 'bm-sample-green']));
    expect(s.glyphs).toBeUndefined();
  });

  it('offline choices contain no request URL off the machine', () => {
    for (const choice of [{ kind: 'none' }, { kind: 'sample' }, { kind: 'pmtiles', pmtiles }, { kind: 'pmtiles' }] as BasemapChoice[]) {
      const urls = urlsOf(buildBasemapStyle(choice, ctx)).filter((u) => !u.startsWith('pmtiles://'));
      expect(urls, choice.kind).toEqual([]);
    }
    expect(urlsOf(buildBasemapStyle({ kind: 'pmtiles', pmtiles }, ctx))).toEqual(['pmtiles://city.pmtiles/{z}/{x}/{y}']);
  });

  it('天地图 vector and imagery: base layer plus its 注记, web mercator, with the key', () => {
    const vec = buildBasemapStyle({ kind: 'tianditu-vec', tiandituKey: 'abc123' }, ctx);
    expect(vec.layers.map((l) => l.id)).toEqual(['background', 'bm-tdt', 'bm-tdt-label']);
    const base = (vec.sources['bm-tdt'] as { tiles: string[] }).tiles;
    const label = (vec.sources['bm-tdt-label'] as { tiles: string[] }).tiles;
    expect(base).toHaveLength(8);
    expect(base[0]).toBe(
      'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
    );
    expect(label[3]).toMatch(/^https:\/\/t3\.tianditu\.gov\.cn\/cva_w\/wmts\?.*LAYER=cva&.*tk=abc123$/);
    const img = buildBasemapStyle({ kind: 'tianditu-img', tiandituKey: 'k' }, ctx);
    expect((img.sources['bm-tdt'] as { tiles: string[] }).tiles[0]).toMatch(/\/img_w\/wmts\?.*LAYER=img&/);
    expect((img.sources['bm-tdt-label'] as { tiles: string[] }).tiles[0]).toMatch(/\/cia_w\/wmts\?.*LAYER=cia&/);
    expect(tiandituTiles('vec', 'a&b')[0]).toContain('tk=a%26b');
  });

  it('天地图 without a key draws nothing and sends nothing', () => {
    const s = buildBasemapStyle({ kind: 'tianditu-vec' }, ctx);
    expect(urlsOf(s)).toEqual([]);
    expect(attributionOf({ kind: 'tianditu-vec' }, 'zh')).toContain('密钥');
  });

  it('OpenStreetMap: one raster source', () => {
    const s = buildBasemapStyle({ kind: 'osm' }, ctx);
    expect(urlsOf(s)).toEqual(['https://tile.openstreetmap.org/{z}/{x}/{y}.png']);
  });

  it('tells a failed tile load in Chinese', () => {
    expect(tileErrorNotice('bm-tdt', 'Forbidden', 'zh')).toBe('底图瓦片加载失败：天地图（Forbidden）');
    expect(tileErrorNotice('bm-tdt-label', 'AJAXError: Forbidden (403): https://t5.tianditu.gov.cn/cva_w/wmts?tk=secret', 'zh')).toBe('底图瓦片加载失败：天地图注记（AJAXError: Forbidden (403)）');
    expect(tileErrorNotice('bm-osm', 'x', 'en')).toMatch(/^Basemap tiles failed to load/);
    expect(attributionOf({ kind: 'sample' }, 'zh')).toBe('示例底图（生成数据，非真实道路）');
    expect(attributionOf({ kind: 'pmtiles' }, 'zh')).toContain('重新选择');
  });
});

describe('basemap choice in localStorage', () => {
  it('defaults to the sample basemap and remembers kind and key', () => {
    const st = new MemoryStorage() as unknown as Storage;
    expect(loadBasemapChoice(st)).toEqual({ kind: 'sample' });
    saveBasemapChoice({ kind: 'tianditu-img', tiandituKey: 'k1', pmtiles }, st);
    expect(loadBasemapChoice(st)).toEqual({ kind: 'tianditu-img', tiandituKey: 'k1' });
    st.setItem('xwgh.basemap', 'bogus' as BasemapKind);
    expect(loadBasemapChoice(st).kind).toBe('sample');
    expect(loadBasemapChoice(null)).toEqual({ kind: 'sample' });
  });
});
