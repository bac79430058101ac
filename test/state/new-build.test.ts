import { describe, expect, it } from 'vitest';
import { defaultPlanSettings } from '../../src/analysis/plan/plan-defaults';
import { checkProjectScale } from '../../src/analysis/plan/scale-checks';
import { newBuildYears } from '../../src/state/plan-slice';
import { createAppStore } from '../../src/state/store';

describe('a new build placed on the map', () => {
  const s = defaultPlanSettings();
  it('starts within 十五五 and supplies by the shown year where it can, by 2030 at the latest', () => {
    // works two years, places from finish + 1
    expect(newBuildYears(s, 2025)).toEqual({ start: 2026, finish: 2027 });
    expect(newBuildYears(s, 2029)).toEqual({ start: 2027, finish: 2028 });
    expect(newBuildYears(s, 2030)).toEqual({ start: 2028, finish: 2029 });
    const { finish } = newBuildYears(s, 2030);
    expect(finish + s.openingLagYears).toBeLessThanOrEqual(s.endYear);
  });
  it('gets its cost from the per-class cost (12 × 250 万元) and no warning; a later finish warns', () => {
    const st = createAppStore();
    st.getState().setPlanYear(2030);
    const id = st.getState().addNewBuildAt(110, 40);
    const p = st.getState().scenarios[0].projects.find((x) => x.id === id)!;
    expect(p.cost_10k_yuan).toBe(3000);
    expect(checkProjectScale(p, s).map((m) => m.key)).not.toContain('scale.suppliesAfterPlan');
    expect(checkProjectScale({ ...p, start_year: 2029, finish_year: 2030 }, s)).toContainEqual({ key: 'scale.suppliesAfterPlan', values: { year: 2031, end: 2030 } });
  });
});
