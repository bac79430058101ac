/** Population bins: sums by square, row → bin map, uncovered children per bin (hand-checked). */
import { describe, expect, it } from 'vitest';
import type { PopulationCell } from '../../src/data/schema';
import { binPopulation, uncoveredChildrenByBin } from '../../src/map/aggregate';

const row = (lon: number, lat: number, residents: number, children: number): PopulationCell => ({
  id: `${lon},${lat}`, lon, lat, cell_size_m: 50, residents, children_0_2: 0, children_3_5: children, year: 2020, street_code: '',
});

describe('binPopulation', () => {
  it('sums rows into 200 m squares and says which bin each row went to', () => {
    // Δlat 0.0009° ≈ 100 m: rows 0 and 1 share the first 200 m bin, row 2 (≈ 300 m north) is in the next one
    const rows = [row(109.8, 40.6, 10, 1), row(109.8, 40.6009, 20, 2), row(109.8, 40.6027, 40, 4), row(Number.NaN, 40.6, 99, 9)];
    const p = binPopulation(rows);
    expect(p.binM).toBe(200); // a small extent: the 200 m floor
    expect(p.bins.map((b) => [b.residents, b.children, b.rows])).toEqual([[30, 3, 2], [40, 4, 1]]);
    expect([...p.binOf]).toEqual([0, 0, 1, -1]);
    // uncovered: row 1 and row 2 outside every catchment → bin 0 has 2 children outside, bin 1 has 4
    expect([...uncoveredChildrenByBin(p, rows, [1, 0, 0, 0])]).toEqual([2, 4]);
  });

  it('grows the bins so a wide extent stays under maxBins', () => {
    const rows: PopulationCell[] = [];
    for (let i = 0; i < 200; i++) for (let j = 0; j < 200; j++) rows.push(row(109 + i * 0.005, 40 + j * 0.005, 1, 0));
    const p = binPopulation(rows, 1000);
    expect(p.bins.length).toBeLessThanOrEqual(1000);
    expect(p.binM % 50).toBe(0);
    expect(p.bins.reduce((s, b) => s + b.residents, 0)).toBe(40_000);
  });
});
