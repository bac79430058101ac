import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n';
import { isAbortError } from '../../src/analysis/abort';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { runAnalysis, runAnalysisAsync } from '../../src/analysis/run-analysis';
import type { AnalysisInput } from '../../src/analysis/types';
import { admin, cell, community, kg, LON0, latAtM, randomCity } from './helpers';

const P = defaultAnalysisParams('2026-06-30');

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('runAnalysis', () => {
  it('does not modify its inputs (deep-frozen input, and a copy compares equal afterwards)', () => {
    const input = randomCity(4, 40, 600, 3000);
    input.communities = [community({ id: 'x', residents: 6000, supporting_kg_status: 'planned', completion_date: '2024-01-01' })];
    const copy = structuredClone(input);
    const params = structuredClone(P);
    deepFreeze(input);
    deepFreeze(params);
    const r = runAnalysis(input, params);
    expect(input).toEqual(copy);
    expect(params).toEqual(P);
    expect(r.cells.covered.length).toBe(600);
  });

  it('overlapping catchments count a cell once', () => {
    // two kindergartens 50 m apart, one cell between them (30 children), one far away (10)
    const input: AnalysisInput = {
      kindergartens: [kg({ id: 'a', lat: latAtM(0), places: 10 }), kg({ id: 'b', lat: latAtM(50), places: 10 })],
      population: [cell({ id: 'c1', lat: latAtM(25), children_3_5: 30, residents: 1000 }), cell({ id: 'c2', lat: latAtM(2000), children_3_5: 10, residents: 500 })],
      communities: [],
      admin_units: [admin('S1', '一街道')],
    };
    const r = runAnalysis(input, { ...P, decay: 'uniform' });
    expect(r.district.coveredChildren).toBe(30);
    expect(r.district.outside).toBe(10);
    expect(r.district.children).toBe(40);
    expect(r.district.coveredResidents).toBe(1000);
    expect(r.district.coveredChildrenShare).toBeCloseTo(0.75, 12);
    const cov = r.headline.find((f) => f.key === 'coverage_children')!;
    expect(cov.value).toBeCloseTo(75, 12);
    // plain: R_a = R_b = 10/30, A_c1 = 20/30 → served 20, over capacity 10
    expect(r.cells.accessPlain[0]).toBeCloseTo(2 / 3, 12);
    expect(r.district.served).toBe(20);
    expect(r.district.overCapacity).toBe(10);
    expect(r.cells.nearestKgM[0]).toBeCloseTo(25, 6);
    expect(r.cells.nearestKgM[1]).toBeCloseTo(1950, 6);
  });

  it('the split adds up exactly, per 街道 and in total, and the district is the sum of the 街道', () => {
    for (const seed of [1, 2, 3]) {
      const input = randomCity(seed, 60, 2000, 5000);
      // fractional children too
      input.population = input.population.map((c, i) => ({ ...c, children_3_5: c.children_3_5 + (i % 7) / 7 }));
      for (const decay of ['uniform', 'gaussian'] as const) {
        const r = runAnalysis(input, { ...P, decay });
        for (const s of [...r.streets, r.district]) {
          expect(s.served + s.overCapacity + s.outside).toBe(s.children);
          expect(Number.isInteger(s.served) && Number.isInteger(s.overCapacity) && Number.isInteger(s.outside)).toBe(true);
          expect(s.served).toBeGreaterThanOrEqual(0);
          expect(s.overCapacity).toBeGreaterThanOrEqual(0);
          expect(s.coveredChildren).toBe(s.served + s.overCapacity);
        }
        const sum = (k: 'children' | 'served' | 'places' | 'kindergartens') => r.streets.reduce((a, s) => a + s[k], 0);
        expect(sum('children')).toBe(r.district.children);
        expect(sum('served')).toBe(r.district.served);
        expect(sum('places')).toBe(r.district.places);
        // per cell
        for (let i = 0; i < 2000; i++) {
          const P_i = input.population[i].children_3_5;
          expect(r.cells.served[i] + r.cells.overCapacity[i] + r.cells.outside[i]).toBeCloseTo(P_i, 10);
        }
      }
    }
  });

  it('coverage at 500 m ≥ coverage at 300 m, cell by cell', () => {
    const input = randomCity(8, 50, 3000, 6000);
    const a = runAnalysis(input, { ...P, radiusM: 300 });
    const b = runAnalysis(input, { ...P, radiusM: 500 });
    for (let i = 0; i < 3000; i++) expect(b.cells.covered[i]).toBeGreaterThanOrEqual(a.cells.covered[i]);
    expect(b.district.coveredChildren).toBeGreaterThan(a.district.coveredChildren);
    expect(b.district.coveredResidents).toBeGreaterThan(a.district.coveredResidents);
  });

  it('places are conserved: Σ A_i·P_i = Σ S_j of kindergartens with demand (both forms)', () => {
    const input = randomCity(12, 80, 2500, 5000);
    const r = runAnalysis(input, P);
    const P_i = input.population.map((c) => c.children_3_5);
    const k = r.kindergartens;
    let sPlain = 0;
    let sGauss = 0;
    for (let j = 0; j < k.ids.length; j++) {
      if (!Number.isNaN(k.ratioPlain[j])) sPlain += k.supplyPlaces[j];
      if (!Number.isNaN(k.ratioGaussian[j])) sGauss += k.supplyPlaces[j];
    }
    const dot = (a: Float64Array) => a.reduce((s, x, i) => s + x * P_i[i], 0);
    expect(dot(r.cells.accessPlain)).toBeCloseTo(sPlain, 6);
    expect(dot(r.cells.accessGaussian)).toBeCloseTo(sGauss, 6);
    expect(r.district.meanAccessPlain).toBeCloseTo(sPlain / P_i.reduce((a, b) => a + b, 0), 12);
  });

  it('statuses follow the thresholds and params.decay; planned and 0-place kindergartens are inactive', () => {
    const input = randomCity(13, 80, 2500, 5000);
    for (const decay of ['uniform', 'gaussian'] as const) {
      const r = runAnalysis(input, { ...P, decay, statusThresholds: { green: 1.2, amber: 0.9 } });
      const ratio = decay === 'gaussian' ? r.kindergartens.ratioGaussian : r.kindergartens.ratioPlain;
      input.kindergartens.forEach((k, j) => {
        const s = r.kindergartens.status[j];
        if (k.status !== 'existing' || !(k.places > 0)) expect(s).toBe('inactive');
        else if (Number.isNaN(ratio[j])) expect(s).toBe('no_demand');
        else expect(s).toBe(ratio[j] >= 1.2 ? 'green' : ratio[j] >= 0.9 ? 'amber' : 'red');
      });
    }
  });

  it('a supply scenario (supplyPlaces) replaces places and activates planned kindergartens', () => {
    const input: AnalysisInput = {
      kindergartens: [kg({ id: 'a', places: 30 }), kg({ id: 'b', status: 'planned', places: 90, lat: latAtM(100) })],
      population: [cell({ id: 'c', lat: latAtM(50), children_3_5: 60 })],
      communities: [],
      admin_units: [],
    };
    const now = runAnalysis(input, { ...P, decay: 'uniform' });
    expect(now.cells.accessPlain[0]).toBeCloseTo(0.5, 12);
    const later = runAnalysis({ ...input, supplyPlaces: [30, 90] }, { ...P, decay: 'uniform' });
    expect(later.cells.accessPlain[0]).toBeCloseTo(2, 12);
    // R_a = 30 ÷ 60 = 0.5 (red), R_b = 90 ÷ 60 = 1.5 (green); A = 0.5 + 1.5 = 2
    expect(later.kindergartens.status).toEqual(['red', 'green']);
    expect(later.district.places).toBe(120);
  });

  it('assigns rows without street_code by the 街道 boundary; unknown codes get their own row', () => {
    const square = (lat0: number, lat1: number) =>
      JSON.stringify({ type: 'Polygon', coordinates: [[[LON0 - 0.01, lat0], [LON0 + 0.01, lat0], [LON0 + 0.01, lat1], [LON0 - 0.01, lat1], [LON0 - 0.01, lat0]]] });
    const input: AnalysisInput = {
      kindergartens: [kg({ id: 'a', street_code: '' as string, lat: latAtM(100) })],
      population: [
        cell({ id: 'c1', street_code: null as unknown as string, lat: latAtM(100) }),
        cell({ id: 'c2', street_code: 'ZZZ', lat: latAtM(100) }),
        cell({ id: 'c3', street_code: '', lat: latAtM(-5000) }),
      ],
      communities: [],
      admin_units: [admin('N', '北街道', square(latAtM(0), latAtM(1000))), admin('S', '南街道', square(latAtM(-1000), latAtM(0)))],
    };
    const r = runAnalysis(input, P);
    expect(r.streets.map((s) => s.code)).toEqual(['N', 'S', 'ZZZ', '']);
    expect(r.streets[2].nameZh).toContain('未匹配');
    expect(r.streets[3].nameZh).toBe('未分配街道');
    expect(Array.from(r.cells.streetIndex)).toEqual([0, 2, 3]);
    expect(r.kindergartens.streetIndex[0]).toBe(0);
    expect(r.streets[0].assignedByBoundary).toEqual({ kindergartens: 1, cells: 1, communities: 0 });
    expect(r.warnings.map((w) => render('zh', w)).join()).toContain('未分配街道');
  });

  it('reports progress from 0 to 1 in order, and computes per-街道 indicators', () => {
    const seen: number[] = [];
    const r = runAnalysis(randomCity(3, 30, 500), P, { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1]);
    expect(r.indicators).toHaveLength(7);
    expect(r.streets.every((s) => s.indicators.length === 7)).toBe(true);
    expect(r.timings.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('stops with an AbortError when the signal is set', async () => {
    const signal = { aborted: false };
    let stages = 0;
    expect(() =>
      runAnalysis(randomCity(3, 30, 500), P, {
        signal,
        onProgress: () => {
          if (++stages === 2) signal.aborted = true;
        },
      }),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
    // async: cancel from outside while it runs (the run yields between chunks)
    const sig2 = { aborted: false };
    const p = runAnalysisAsync(randomCity(3, 30, 500), P, { signal: sig2 });
    sig2.aborted = true;
    await expect(p).rejects.toSatisfy(isAbortError);
  });

  it('runAnalysisAsync gives the same result as runAnalysis', async () => {
    const input = randomCity(5, 30, 500);
    const a = runAnalysis(input, P);
    const b = await runAnalysisAsync(input, P);
    expect(b.district).toEqual(a.district);
    expect(Array.from(b.cells.accessGaussian)).toEqual(Array.from(a.cells.accessGaussian));
  });

  it('rejects invalid parameters with a Chinese message', () => {
    expect(() => runAnalysis(randomCity(1, 3, 3), { ...P, radiusM: -1 })).toThrow(/服务半径/);
    expect(() => runAnalysis(randomCity(1, 3, 3), { ...P, asOfDate: '今天' })).toThrow(/统计日期/);
  });

  it('handles empty layers and bad rows with warnings', () => {
    const r = runAnalysis({ kindergartens: [], population: [], communities: [], admin_units: [] }, P);
    expect(r.district.children).toBe(0);
    expect(r.indicators[0].value).toBeNull();
    expect(r.warnings.length).toBeGreaterThan(0);
    const r2 = runAnalysis(
      {
        kindergartens: [kg({ id: 'a', lon: Number.NaN })],
        population: [cell({ id: 'c', children_3_5: -3 })],
        communities: [],
        admin_units: [],
      },
      P,
    );
    expect(r2.warnings.map((w) => render('zh', w)).join('\n')).toMatch(/坐标无效[\s\S]*按 0 计/);
    expect(r2.district.children).toBe(0);
  });
});

it('runAnalysis takes a swapped-in distance (e.g. a walking network) through opts.refineDistanceM', () => {
  // straight line 100 m; the "network" detour makes it 400 m > 300 m → not covered
  const input: AnalysisInput = {
    kindergartens: [kg({ id: 'a', lat: latAtM(0) })],
    population: [cell({ id: 'c', lat: latAtM(100) })],
    communities: [],
    admin_units: [],
  };
  expect(runAnalysis(input, P).cells.covered[0]).toBe(1);
  expect(runAnalysis(input, P, { refineDistanceM: (_j, _i, d) => d * 4 }).cells.covered[0]).toBe(0);
});
