import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { bd09ToGcj02, bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, wgs84ToBd09, wgs84ToGcj02 } from '../../../src/data/coords/china-shift';

/** Metres between two lon/lat points (spherical, fine for offsets of a few hundred metres). */
function metres(a: number[], b: number[]): number {
  const r = Math.PI / 180;
  const x = (b[0] - a[0]) * r * Math.cos(((a[1] + b[1]) / 2) * r);
  const y = (b[1] - a[1]) * r;
  return Math.hypot(x, y) * 6371008.8;
}

/** A seeded grid of points over mainland China (plus Kundulun and Shanghai). */
function points(): [number, number][] {
  let s = 42;
  const rnd = (): number => ((s = (s * 16807) % 2147483647) / 2147483647);
  const out: [number, number][] = [[109.822146, 40.657321], [121.43, 31.21]];
  for (let i = 0; i < 400; i++) out.push([75 + rnd() * 59, 18.5 + rnd() * 34.5]);
  return out;
}

describe('WGS84 ↔ GCJ-02 ↔ BD-09', () => {
  // published test vectors of eviltransform (github.com/googollee/eviltransform, go/transform_test.go)
  const VECTORS: [number, number, number, number][] = [
    [121.5272106, 31.1774276, 121.531541859215, 31.17530398364597], // Shanghai
    [113.912316, 22.543847, 113.9171764808363, 22.540796131694766], // Shenzhen
    [116.377817, 39.911954, 116.38404722455657, 39.91334545536069], // Beijing
  ];

  it('matches the eviltransform vectors (WGS84 → GCJ-02) and inverts them exactly', () => {
    for (const [lon, lat, glon, glat] of VECTORS) {
      const [x, y] = wgs84ToGcj02(lon, lat);
      expect(Math.abs(x - glon)).toBeLessThan(1e-9);
      expect(Math.abs(y - glat)).toBeLessThan(1e-9);
      const back = gcj02ToWgs84(glon, glat);
      expect(metres(back, [lon, lat])).toBeLessThan(1e-4);
    }
  });

  it('forward results agree with gcoord within 0.01 m', () => {
    for (const p of points()) {
      expect(metres(wgs84ToGcj02(p[0], p[1]), gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02))).toBeLessThan(0.01);
      expect(metres(gcj02ToBd09(p[0], p[1]), gcoord.transform(p, gcoord.GCJ02, gcoord.BD09))).toBeLessThan(0.01);
      expect(metres(wgs84ToBd09(p[0], p[1]), gcoord.transform(p, gcoord.WGS84, gcoord.BD09))).toBeLessThan(0.01);
    }
  });

  it('inverses agree with gcoord within 1 m and round-trip within 1 mm', () => {
    for (const p of points()) {
      const g = wgs84ToGcj02(p[0], p[1]);
      const b = wgs84ToBd09(p[0], p[1]);
      expect(metres(gcj02ToWgs84(g[0], g[1]), p)).toBeLessThan(0.001);
      expect(metres(bd09ToWgs84(b[0], b[1]), p)).toBeLessThan(0.001);
      expect(metres(bd09ToGcj02(...gcj02ToBd09(p[0], p[1])), p)).toBeLessThan(0.001);
      expect(metres(gcj02ToWgs84(g[0], g[1]), gcoord.transform(g, gcoord.GCJ02, gcoord.WGS84))).toBeLessThan(1);
      expect(metres(bd09ToWgs84(b[0], b[1]), gcoord.transform(b, gcoord.BD09, gcoord.WGS84))).toBeLessThan(1);
    }
  });

  it('shifts by hundreds of metres in Baotou (≈490 m for GCJ-02)', () => {
    const p: [number, number] = [109.822146, 40.657321];
    const d = metres(wgs84ToGcj02(...p), p);
    expect(d).toBeGreaterThan(400);
    expect(d).toBeLessThan(650);
  });

  it('leaves points outside China unchanged (GCJ-02)', () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84(-74, 40.7)).toEqual([-74, 40.7]);
  });
});
