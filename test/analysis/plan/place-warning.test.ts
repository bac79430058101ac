/** 学位预警 levels on hand-checked cases, and on the sample city's plan (levels follow the engine's gaps). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { defaultPlanSettings } from '../../../src/analysis/plan/plan-defaults';
import { classifyPlaceWarnings, normaliseWarningParams } from '../../../src/analysis/plan/place-warning';
import type { PlanStreetYear } from '../../../src/analysis/plan/plan-types';
import { runPlan } from '../../../src/analysis/plan/run-plan';
import { loadDataFolder } from '../../../src/data/load-folder-node';

const street = (code: string, places: number, demand: number): PlanStreetYear => ({
  code,
  nameZh: `街道${code}`,
  places,
  childrenBirths: demand,
  demandPerThousand: 0,
  demand,
  gap: Math.max(0, demand - places),
  coveredShare: 1,
  residents: 0,
  tuoPlaces: 0,
  tuoNeed: 0,
});

// A: 100 places; demand 80 (80 %, but short in 2027 → yellow), 95 (95 % > 90 → yellow), 101 (short 1 → red), 85, 85, 85
// B: 200 places; demand 150, 150, 150, 150, 210 in 2029 (red), 150 → 2027 and 2028 yellow (short within 2 years)
// C: no places, no demand → green; D: no places, demand 5 → red
const demandA = [80, 95, 101, 85, 85, 85];
const demandB = [150, 150, 150, 150, 210, 150];
const plan = {
  settings: { demand: { method: 'births' as const } },
  years: [2025, 2026, 2027, 2028, 2029, 2030].map((year, i) => ({ year, streets: [street('A', 100, demandA[i]), street('B', 200, demandB[i]), street('C', 0, 0), street('D', 0, 5), street('', 0, 9)] })),
};

describe('学位预警', () => {
  const t = classifyPlaceWarnings(plan as never);
  const levels = (code: string) => t.rows.find((r) => r.code === code)!.cells.map((c) => c.level[0]).join('');
  it('red when places < demand, yellow above 90 % or short within 2 years, else green', () => {
    expect(levels('A')).toBe('yyrggg'); // 2025: 80 % but short in 2027, within 2 years
    expect(levels('B')).toBe('ggyyrg');
    expect(levels('C')).toBe('gggggg');
    expect(levels('D')).toBe('rrrrrr');
    expect(t.rows.map((r) => r.code)).toEqual(['A', 'B', 'C', 'D']); // no 街道 code: not in the notice
    const a2026 = t.rows[0].cells[1];
    expect(a2026.utilisationPct).toBeCloseTo(95);
    expect(a2026.reasons).toEqual([{ key: 'high_use', utilisationPct: 95, thresholdPct: 90 }, { key: 'short_ahead', year: 2027, gap: 1 }]);
    expect(t.rows[1].cells[2].reasons).toEqual([{ key: 'short_ahead', year: 2029, gap: 10 }]);
    expect(t.counts[4]).toEqual({ year: 2029, red: 2, yellow: 0, green: 2 });
  });
  it('thresholds are parameters', () => {
    const t2 = classifyPlaceWarnings(plan as never, { utilisationYellowPct: 70, leadYears: 0 });
    expect(t2.rows[0].cells.map((c) => c.level[0]).join('')).toBe('yyryyy');
    expect(t2.rows[1].cells.map((c) => c.level[0]).join('')).toBe('yyyyry');
    expect(normaliseWarningParams({ utilisationYellowPct: -5, leadYears: 2.6 })).toEqual({ utilisationYellowPct: 0, leadYears: 3 });
  });
  it("on the sample: a 街道 is red exactly when the engine's gap is positive", () => {
    const { data } = loadDataFolder(path.resolve(__dirname, '../../../data'));
    const p = runPlan(data, { id: 'base', name: '基准', projects: data.plan_projects }, defaultAnalysisParams('2026-06-30'), defaultPlanSettings());
    const w = classifyPlaceWarnings(p);
    for (const y of p.years) {
      const red = w.rows.filter((r) => r.cells.find((c) => c.year === y.year)!.level === 'red').length;
      expect(red).toBe(y.streets.filter((s) => s.code !== '' && s.gap > 0).length);
      for (const s of y.streets.filter((x) => x.code !== '')) {
        const c = w.rows.find((r) => r.code === s.code)!.cells.find((x) => x.year === y.year)!;
        expect([c.places, c.demand, c.gap]).toEqual([s.places, s.demand, s.gap]);
      }
    }
  });
});
