import { PolygonLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import type { PopulationCell } from '../../src/data/schema';
import { MAX_CELL_SQUARES, buildDeckLayers, prepareDrawData } from '../../src/map/build-layers';
import { cellSquare } from '../../src/map/geometry';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';

const cell = (i: number): PopulationCell => ({
  id: `c${i}`, lon: 109.8 + (i % 100) * 0.002, lat: 40.6 + Math.floor(i / 100) * 0.002, cell_size_m: 200,
  residents: 100, children_0_2: 3, children_3_5: 4, year: 2020, street_code: '',
});

describe('deck.gl layers from the store', () => {
  it('draws a 200 m cell as a 200 m square', () => {
    const sq = cellSquare(cell(0));
    // width in metres at 40.6° N: Δlon · 111,320 · cos(lat)
    const widthM = (sq[1][0] - sq[0][0]) * 111320 * Math.cos((40.6 * Math.PI) / 180);
    const heightM = (sq[2][1] - sq[1][1]) * 111320;
    expect(widthM).toBeCloseTo(200, 6);
    expect(heightM).toBeCloseTo(200, 6);
    expect(sq[0]).toEqual(sq[4]);
  });

  it('builds only the visible layers', () => {
    const layers = { ...emptyLayers(), population: [cell(0), cell(1)] };
    const visible = createAppStore().getState().visible;
    const ids = buildDeckLayers(layers, prepareDrawData(layers, []), visible).map((l) => l.id);
    expect(ids).toContain('population');
    expect(ids).toContain('kindergartens');
    expect(ids).not.toContain('catchments');
    const hidden = buildDeckLayers(layers, prepareDrawData(layers, []), { ...visible, population: false }).map((l) => l.id);
    expect(hidden).not.toContain('population');
  });

  it('draws a very large population layer as bins (level of detail), not a million shapes', () => {
    const small = { ...emptyLayers(), population: [cell(0)] };
    const visible = createAppStore().getState().visible;
    const pop = (l: typeof small) => buildDeckLayers(l, prepareDrawData(l, []), visible).find((x) => x.id.startsWith('population'));
    expect(pop(small)).toBeInstanceOf(PolygonLayer);
    const big = { ...emptyLayers(), population: Array.from({ length: MAX_CELL_SQUARES + 1 }, (_, i) => cell(i)) };
    const draw = prepareDrawData(big, []);
    expect(draw.cells).toHaveLength(0);
    expect(draw.bins!.bins.length).toBeLessThanOrEqual(10_000);
    expect(draw.bins!.bins.reduce((s, b) => s + b.residents, 0)).toBe(100 * (MAX_CELL_SQUARES + 1));
    // another class under another id: deck.gl cannot change a layer's class in place
    expect(pop(big)!.id).toBe('population-bins');
    // hover totals: each square knows its size and, with a result, its children outside every catchment
    const covered = new Uint8Array(big.population.length); // nobody covered
    const withResult = buildDeckLayers(big, draw, visible, { covered, radiusM: 300 }).find((x) => x.id === 'population-bins')!;
    const data = withResult.props.data as { binM: number; children: number; uncovered: number | null }[];
    expect(data[0].binM).toBe(draw.bins!.binM);
    expect(data.every((d) => d.uncovered === d.children)).toBe(true);
    expect((pop(big)!.props.data as { uncovered: number | null }[])[0].uncovered).toBeNull();
  });
});
