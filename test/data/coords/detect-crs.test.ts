import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { fromWgs84Fn } from '../../../src/data/coords/crs';
import { detectCrs } from '../../../src/data/coords/detect-crs';
import { esriWktOf, readPrj } from '../../../src/data/coords/prj';

const PTS: [number, number][] = [[109.822146, 40.657321], [109.803512, 40.662874], [109.826201, 40.646112], [109.836974, 40.671545], [109.77654, 40.683215]];
const cols = (crs: Parameters<typeof fromWgs84Fn>[0]): { xs: number[]; ys: number[] } => {
  const f = fromWgs84Fn(crs);
  const p = PTS.map(([x, y]) => f(x, y));
  return { xs: p.map((q) => q[0]), ys: p.map((q) => q[1]) };
};
/** A polygon hugging the truth points (≈150 m around their bbox). */
const REF = { polygon: { type: 'Polygon' as const, coordinates: [[[109.7747, 40.6447], [109.8388, 40.6447], [109.8388, 40.6846], [109.7747, 40.6846], [109.7747, 40.6447]]] } };

describe('readPrj', () => {
  it('reads ESRI WKT of CGCS2000 GK zones with and without prefix', () => {
    expect(readPrj(esriWktOf('epsg:4525'))?.crs).toBe('epsg:4525');
    expect(readPrj(esriWktOf('epsg:4546'))?.crs).toBe('epsg:4546');
    expect(readPrj(esriWktOf('cgcs2000'))?.crs).toBe('cgcs2000');
    expect(readPrj(esriWktOf('wgs84'))?.crs).toBe('wgs84');
  });
  it('reads EPSG codes and URNs', () => {
    expect(readPrj('EPSG:4547')?.crs).toBe('epsg:4547');
    expect(readPrj('urn:ogc:def:crs:EPSG::4490')?.crs).toBe('cgcs2000');
    expect(readPrj('EPSG:3857')?.crs).toBeNull();
  });
  it('refuses Xian 1980 with a Chinese reason', () => {
    const xian = 'PROJCS["Xian_1980_3_Degree_GK_CM_111E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const r = readPrj(xian)!;
    expect(r.crs).toBeNull();
    expect(render('zh', r!.reason)).toContain('西安80');
  });
});

describe('detectCrs', () => {
  it('tells GCJ-02, BD-09 and WGS84 apart with a reference polygon', () => {
    for (const crs of ['wgs84', 'gcj02', 'bd09'] as const) {
      const g = detectCrs({ ...cols(crs), reference: REF });
      expect(g.crs, render('zh', g.reason)).toBe(crs);
      expect(g.confidence).toBe('likely');
    }
  });
  it('does not decide on a near tie: points spread far beyond the reference area', () => {
    // a 0.5° × 0.5° grid around the district: each interpretation keeps about as many points inside
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 200; i++) for (let j = 0; j < 200; j++) {
      xs.push(109.55 + i * 0.0025);
      ys.push(40.41 + j * 0.0025);
    }
    const g = detectCrs({ xs, ys, reference: REF });
    expect(g.confidence, render('zh', g.reason)).toBe('uncertain');
    expect(g.crs).toBe('wgs84');
    expect(render('zh', g.reason)).toMatch(/不分胜负/);
  });
  it('says uncertain without a hint or reference', () => {
    const g = detectCrs(cols('gcj02'));
    expect(g.confidence).toBe('uncertain');
    expect(g.candidates).toContain('gcj02');
    expect(render('zh', g.reason)).toMatch(/无法仅凭数值区分/);
  });
  it('uses hints from names', () => {
    expect(detectCrs({ ...cols('bd09'), hints: ['幼儿园(百度坐标).xlsx'] }).crs).toBe('bd09');
    expect(detectCrs({ ...cols('gcj02'), hints: ['amap_poi.csv'] }).crs).toBe('gcj02');
    expect(detectCrs({ ...cols('gcj02'), hints: ['x', 'lng_gcj02'] }).crs).toBe('gcj02');
  });
  it('detects zone prefixes, swapped survey X/Y and swapped lon/lat', () => {
    const gk = cols('epsg:4525');
    expect(detectCrs(gk)).toMatchObject({ crs: 'epsg:4525', swapXY: false });
    expect(detectCrs({ xs: gk.ys, ys: gk.xs })).toMatchObject({ crs: 'epsg:4525', swapXY: true });
    const w = cols('wgs84');
    expect(detectCrs({ xs: w.ys, ys: w.xs }).swapXY).toBe(true);
  });
  it('asks for the zone of GK coordinates without prefix, or takes it from the reference or a hint', () => {
    const gk = cols('epsg:4546');
    expect(detectCrs(gk)).toMatchObject({ crs: null, confidence: 'uncertain' });
    expect(detectCrs({ ...gk, reference: REF }).crs).toBe('epsg:4546');
    expect(detectCrs({ ...gk, hints: ['中央经线111'] }).crs).toBe('epsg:4546');
    expect(detectCrs({ ...gk, hints: ['37带'] }).crs).toBe('epsg:4546');
  });
  it('trusts a consistent .prj and flags an inconsistent one', () => {
    expect(detectCrs({ ...cols('epsg:4525'), prj: esriWktOf('epsg:4525') })).toMatchObject({ crs: 'epsg:4525', confidence: 'certain' });
    const g = detectCrs({ ...cols('wgs84'), prj: esriWktOf('epsg:4546') });
    expect(g.confidence).toBe('uncertain');
    expect(render('zh', g.reason)).toContain('与坐标值不符');
  });
});
