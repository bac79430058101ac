import { describe, expect, it } from 'vitest';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { num6, toJsonReport } from '../../src/analysis/report-json';
import { runAnalysis } from '../../src/analysis/run-analysis';
import { community, randomCity } from './helpers';

describe('toJsonReport', () => {
  const input = randomCity(6, 40, 800);
  input.communities = [community({ id: 'c', residents: 6000, supporting_kg_id: 'k1' })];
  const r = runAnalysis(input, defaultAnalysisParams('2026-06-30'));

  it('is plain JSON (survives a round trip unchanged) with NaN as null', () => {
    const rep = toJsonReport(r, { includeCells: true });
    expect(JSON.parse(JSON.stringify(rep))).toEqual(rep);
    expect(rep.format).toBe('xuewei-analysis-report');
    expect(rep.version).toBe(1);
    expect(rep.kindergartens).toHaveLength(40);
    expect(rep.cells).toHaveLength(800);
    const planned = rep.kindergartens.find((k) => !k.active)!;
    expect(planned.ratioPlain).toBeNull();
    expect(planned.status).toBe('inactive');
    expect(rep.communities[0].kindergartenId).toBe('k1');
    expect(rep.cellSummary.cells).toBe(800);
    expect(rep.timings).toBeDefined();
    expect(toJsonReport(r, { includeTimings: false }).timings).toBeUndefined();
    expect(toJsonReport(r).cells).toBeUndefined();
  });

  it('rounds to 6 decimals and keeps the split adding up', () => {
    expect(num6(1 / 3)).toBe(0.333333);
    expect(num6(Number.NaN)).toBeNull();
    expect(num6(-1e-9)).toBe(0);
    const rep = toJsonReport(r);
    const d = rep.district;
    expect((d.served as number) + (d.overCapacity as number) + (d.outside as number)).toBe(d.children);
  });
});
