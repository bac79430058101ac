/** Walk network files: GeoJSON (walkability tags), Shapefile (Gauss–Krüger .prj, GBK attributes, road classes). */
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { buildWalkGraph } from '../../../src/analysis/network/walk-graph';
import { fromWgs84Fn } from '../../../src/data/coords/crs';
import { gkEpsgOfZone, gkZoneForLon } from '../../../src/data/coords/gauss-kruger';
import { esriWktOf } from '../../../src/data/coords/prj';
import { writeShapefile } from '../../../src/data/export/shapefile';
import { zipStore } from '../../../src/data/export/zip';
import { walkLinesFromShapefile, walkLinesFromShapefileParts } from '../../../src/data/network/shapefile-lines';
import { walkLinesFromGeoJson } from '../../../src/data/network/walk-lines';

const line = (coords: number[][], props: Record<string, unknown> = {}) => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } });

describe('walkLinesFromGeoJson', () => {
  it('reads LineString and MultiLineString, leaves out motorways and foot=no, reports points', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        line([[110, 40], [110.001, 40]], { highway: 'residential' }),
        { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[110.001, 40], [110.002, 40]], [[110.002, 40], [110.002, 40.001]]] } },
        line([[110, 40.001], [110.002, 40.001]], { highway: 'motorway' }),
        line([[110, 40.002], [110.002, 40.002]], { highway: 'primary', foot: 'no' }),
        line([[110, 40.003], [110.002, 40.003]], { 道路等级: '高速公路' }),
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [110, 40] } },
      ],
    };
    const r = walkLinesFromGeoJson(fc, 'roads.geojson');
    expect(r.features).toBe(2);
    expect(r.notWalkable).toBe(3);
    expect(r.skipped).toBe(1);
    expect(r.lines.lineOffsets.length - 1).toBe(3);
    const g = buildWalkGraph(r.lines);
    expect(g.stats.components).toBe(1);
    expect(g.stats.edges).toBe(3);
  });

  it('refuses a file without lines, naming it', () => {
    expect(() => walkLinesFromGeoJson({ type: 'FeatureCollection', features: [] }, '路网.geojson')).toThrow('路网.geojson：没有可用的线要素');
    expect(() => walkLinesFromGeoJson({ foo: 1 }, 'x.json')).toThrow('x.json：不是 GeoJSON');
  });
});

/** A PolyLine .shp (type 3) written by hand: one part per line. */
function polylineShp(lines: number[][][]): Uint8Array {
  const contents = lines.map((pts) => {
    const c = new DataView(new ArrayBuffer(44 + 4 + 16 * pts.length));
    c.setInt32(0, 3, true);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => c.setFloat64(4 + 8 * i, v, true));
    c.setInt32(36, 1, true);
    c.setInt32(40, pts.length, true);
    c.setInt32(44, 0, true);
    pts.forEach((p, k) => {
      c.setFloat64(48 + 16 * k, p[0], true);
      c.setFloat64(56 + 16 * k, p[1], true);
    });
    return new Uint8Array(c.buffer);
  });
  const len = 100 + contents.reduce((a, c) => a + 8 + c.length, 0);
  const out = new Uint8Array(len);
  const v = new DataView(out.buffer);
  v.setInt32(0, 9994);
  v.setInt32(24, len / 2);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 3, true);
  let o = 100;
  contents.forEach((c, i) => {
    v.setInt32(o, i + 1);
    v.setInt32(o + 4, c.length / 2);
    out.set(c, o + 8);
    o += 8 + c.length;
  });
  return out;
}

describe('walkLinesFromShapefile', () => {
  const epsg = gkEpsgOfZone(gkZoneForLon(110), true)!;
  const toGk = fromWgs84Fn(`epsg:${epsg}`);
  const wgs = [
    [[110, 40], [110.002, 40]],
    [[110.002, 40], [110.002, 40.002]],
    [[110, 40.002], [110.004, 40.002]],
  ];
  const shp = polylineShp(wgs.map((l) => l.map(([lo, la]) => toGk(lo, la))));
  const dbf = writeShapefile(
    [{ name: '建设路', cls: '支路' }, { name: '人民路', cls: '主干路' }, { name: '绕城高速', cls: '高速公路' }].map((p) => ({ geometry: { type: 'Point', coordinates: [0, 0] }, properties: p })),
    [
      { name: 'name', type: 'C', length: 40 },
      { name: 'cls', type: 'C', length: 20 },
    ],
    { shapeType: 'point', encoding: 'gbk' },
  ).dbf;

  it('Gauss–Krüger with zone prefix (.prj), GBK attributes: converted to WGS84 within centimetres, expressway left out', () => {
    const r = walkLinesFromShapefileParts('道路.shp', { shp, dbf, prj: esriWktOf(`epsg:${epsg}`) });
    expect(render('zh', r.crsNote)).toContain(String(epsg));
    expect(r.notWalkable).toBe(1);
    expect(r.lines.lineOffsets.length - 1).toBe(2);
    expect(r.lines.coords[0]).toBeCloseTo(110, 7);
    expect(r.lines.coords[1]).toBeCloseTo(40, 7);
    expect(buildWalkGraph(r.lines).stats.components).toBe(1);
  });

  it('zipped with .cpg, and without a .prj the coordinate system comes from the values', async () => {
    const zip = zipStore([
      { name: 'roads/道路.shp', bytes: shp },
      { name: 'roads/道路.dbf', bytes: dbf },
      { name: 'roads/道路.cpg', bytes: new TextEncoder().encode('GBK') },
    ]);
    const file = { name: 'roads.zip', arrayBuffer: async () => zip.slice().buffer };
    const r = await walkLinesFromShapefile(file);
    expect(r.notWalkable).toBe(1);
    expect(render('zh', r.crsNote)).toContain('高斯');
    expect(r.lines.coords[2]).toBeCloseTo(110.002, 7);
  });

  it('a point layer is refused with the reason', () => {
    const pts = writeShapefile([{ geometry: { type: 'Point', coordinates: [110, 40] }, properties: {} }], [], { shapeType: 'point' }).shp;
    expect(() => walkLinesFromShapefileParts('点.shp', { shp: pts })).toThrow('不是线图层');
  });
});
