import { describe, expect, it } from 'vitest';
import { gkEpsgOfZone, gkProj4Def, gkToLonLat, gkZoneOfEpsg, lonLatToGk } from '../../../src/data/coords/gauss-kruger';

/**
 * Independent Gauss–Krüger forward projection: Krüger's series to n⁴ (as in
 * the UTM article formulas), sub-millimetre within a 3° zone. GRS80.
 */
function kruger(lon: number, lat: number, cm: number, fe: number): [number, number] {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const n = f / (2 - f);
  const A = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const al = [n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180, (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440, (61 * n ** 3) / 240 - (103 * n ** 4) / 140, (49561 * n ** 4) / 161280];
  const phi = (lat * Math.PI) / 180;
  const lam = ((lon - cm) * Math.PI) / 180;
  const c = (2 * Math.sqrt(n)) / (1 + n);
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - c * Math.atanh(c * Math.sin(phi)));
  const xi0 = Math.atan2(t, Math.cos(lam));
  const eta0 = Math.atanh(Math.sin(lam) / Math.sqrt(1 + t * t));
  let xi = xi0;
  let eta = eta0;
  al.forEach((aj, j) => {
    xi += aj * Math.sin(2 * (j + 1) * xi0) * Math.cosh(2 * (j + 1) * eta0);
    eta += aj * Math.cos(2 * (j + 1) * xi0) * Math.sinh(2 * (j + 1) * eta0);
  });
  return [fe + A * eta, A * xi];
}

describe('CGCS2000 3° Gauss–Krüger (EPSG:4513–4554)', () => {
  it('writes proj4 definitions from the EPSG parameters', () => {
    expect(gkProj4Def(4513)).toContain('+lon_0=75 ');
    expect(gkProj4Def(4513)).toContain('+x_0=25500000 ');
    expect(gkProj4Def(4525)).toBe('+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=37500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs');
    expect(gkProj4Def(4546)).toBe('+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs');
    expect(gkProj4Def(4554)).toContain('+lon_0=135 ');
    expect(gkZoneOfEpsg(4533)).toEqual({ epsg: 4533, zone: 45, cm: 135, prefixed: true });
    expect(gkEpsgOfZone(37, false)).toBe(4546);
    expect(() => gkProj4Def(4512)).toThrow();
  });

  it('known point: 40°N on the central meridian is the GRS80 meridian arc (4,429,529.030 m)', () => {
    const [x, y] = lonLatToGk(4546, 111, 40);
    expect(Math.abs(x - 500000)).toBeLessThan(0.001);
    expect(Math.abs(y - 4429529.03)).toBeLessThan(0.001);
    const [xz] = lonLatToGk(4525, 111, 40);
    expect(Math.abs(xz - 37500000)).toBeLessThan(0.001);
  });

  it('agrees with an independent Krüger series within 1 mm across every zone', () => {
    for (let epsg = 4513; epsg <= 4554; epsg++) {
      const z = gkZoneOfEpsg(epsg)!;
      const fe = z.prefixed ? z.zone * 1e6 + 5e5 : 5e5;
      for (const dl of [-1.5, -0.7, 0, 0.9, 1.5])
        for (const lat of [18.2, 30, 40.65, 53.5]) {
          const [x, y] = lonLatToGk(epsg, z.cm + dl, lat);
          const [kx, ky] = kruger(z.cm + dl, lat, z.cm, fe);
          expect(Math.abs(x - kx)).toBeLessThan(0.001);
          expect(Math.abs(y - ky)).toBeLessThan(0.001);
        }
    }
  });

  it('round-trips within 1 mm', () => {
    for (let epsg = 4513; epsg <= 4554; epsg += 3) {
      const z = gkZoneOfEpsg(epsg)!;
      for (const dl of [-1.5, 0.3, 1.49])
        for (const lat of [20, 35.5, 50]) {
          const [x, y] = lonLatToGk(epsg, z.cm + dl, lat);
          const [lon, la] = gkToLonLat(epsg, x, y);
          const [x2, y2] = lonLatToGk(epsg, lon, la);
          expect(Math.hypot(x2 - x, y2 - y)).toBeLessThan(0.001);
          expect(Math.abs(lon - (z.cm + dl)) * 111320 * Math.cos((lat * Math.PI) / 180)).toBeLessThan(0.001);
          expect(Math.abs(la - lat) * 110574).toBeLessThan(0.001);
        }
    }
  });
});
