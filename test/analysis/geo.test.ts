import { describe, expect, it } from 'vitest';
import {
  chord2OfDistance,
  distanceOfChord2,
  EARTH_RADIUS_M,
  equirectangularM,
  gaussianWeight,
  haversineM,
  toUnitVectors,
} from '../../src/analysis/geo';
import { rng } from './helpers';

describe('distances', () => {
  it('chord-based great-circle distance equals haversine to 1e-9 relative (30–2,000 m, lat 18–53°)', () => {
    const r = rng(7);
    for (let k = 0; k < 5000; k++) {
      const lat = 18 + r() * 35;
      const lon = 75 + r() * 60;
      const d = 30 + r() * 1970;
      const a = r() * 2 * Math.PI;
      const lat2 = lat + ((d * Math.cos(a)) / EARTH_RADIUS_M) * (180 / Math.PI);
      const lon2 = lon + ((d * Math.sin(a)) / (EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
      const u = toUnitVectors([lon, lon2], [lat, lat2]);
      const c2 = (u.x[0] - u.x[1]) ** 2 + (u.y[0] - u.y[1]) ** 2 + (u.z[0] - u.z[1]) ** 2;
      const h = haversineM(lon, lat, lon2, lat2);
      expect(Math.abs(distanceOfChord2(c2) - h) / h).toBeLessThan(1e-9);
    }
  });

  it('local equirectangular projection: within 0.5% of haversine at 50–3,000 m within ±0.15° (≈17 km, a district) of lat0, 18–53°N; within 5% over ±2°', () => {
    const r = rng(11);
    let worst = 0;
    for (let k = 0; k < 20000; k++) {
      const lat0 = 18 + r() * 35;
      const lat = lat0 + (r() * 4 - 2);
      const lon = 100 + r() * 20;
      const d = 50 + r() * 2950;
      const a = r() * 2 * Math.PI;
      const lat2 = lat + ((d * Math.cos(a)) / EARTH_RADIUS_M) * (180 / Math.PI);
      const lon2 = lon + ((d * Math.sin(a)) / (EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
      const h = haversineM(lon, lat, lon2, lat2);
      const e = equirectangularM(lon, lat, lon2, lat2, lat0);
      worst = Math.max(worst, Math.abs(e - h) / h);
    }
    // cos(lat) changes by up to ~4.6% over ±2° at 53°N for east–west pairs (tan 53° × 2° in rad); within ±0.15° by < 0.35%
    expect(worst).toBeLessThan(0.05);
    let worstLocal = 0;
    for (let k = 0; k < 20000; k++) {
      const lat0 = 18 + r() * 35;
      const lat = lat0 + (r() * 0.3 - 0.15);
      const d = 50 + r() * 2950;
      const a = r() * 2 * Math.PI;
      const lat2 = lat + ((d * Math.cos(a)) / EARTH_RADIUS_M) * (180 / Math.PI);
      const lon2 = 110 + ((d * Math.sin(a)) / (EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
      const h = haversineM(110, lat, lon2, lat2);
      worstLocal = Math.max(worstLocal, Math.abs(equirectangularM(110, lat, lon2, lat2, lat0) - h) / h);
    }
    expect(worstLocal).toBeLessThan(0.005);
  });

  it('haversine matches a known distance (1° of latitude = R·π/180)', () => {
    expect(haversineM(110, 40, 110, 41)).toBeCloseTo((EARTH_RADIUS_M * Math.PI) / 180, 6);
  });

  it('chord ↔ distance round trip', () => {
    for (const d of [1, 300, 500, 10000]) expect(distanceOfChord2(chord2OfDistance(d))).toBeCloseTo(d, 6);
  });
});

describe('Gaussian weight', () => {
  it('is 1 at 0, 0 at d0 and beyond, and follows the formula in between', () => {
    expect(gaussianWeight(0, 300)).toBeCloseTo(1, 15);
    expect(gaussianWeight(300, 300)).toBe(0);
    expect(gaussianWeight(400, 300)).toBe(0);
    // d = 150: (e^{−0.125} − e^{−0.5}) / (1 − e^{−0.5}) = (0.8824969 − 0.6065307) / 0.3934693 = 0.7013662
    expect(gaussianWeight(150, 300)).toBeCloseTo((Math.exp(-0.125) - Math.exp(-0.5)) / (1 - Math.exp(-0.5)), 15);
    expect(gaussianWeight(150, 300)).toBeCloseTo(0.7013662, 6);
  });
});
