import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n';
import { indicatorFigures, sumIndicatorInputs } from '../../src/analysis/indicators';
import { defaultAnalysisParams } from '../../src/analysis/params';
import type { Figure } from '../../src/analysis/types';
import { kg } from './helpers';

const T = defaultAnalysisParams().indicatorThresholds;
const byKey = (f: Figure[]) => Object.fromEntries(f.map((x) => [x.key, x]));

/**
 * Three kindergartens and 1,000 children aged 3–5:
 *   A public,            6 classes, 200 enrolled, staff 30, teachers 14, carers 7
 *   B inclusive private, 9 classes, 250 enrolled, staff 30, teachers 16, carers 8
 *   C private,           3 classes, 100 enrolled, staff 10, teachers 5,  carers 3
 * enrolled = 550
 * 毛入园率 = 550 ÷ 1000 = 55% (< 85% ✗)
 * 普惠覆盖率 = (200 + 250) ÷ 550 = 81.818…% (≥ 80% ✓)
 * 公办占比 = 200 ÷ 550 = 36.36…% (✗)
 * 教职工比 = 550 ÷ 70 = 7.857 children per staff (> 7 ✗)
 * 保教人员比 = 550 ÷ (35 + 18) = 550 ÷ 53 = 10.377 (> 9 ✗)
 * 专任教师比 = 550 ÷ 35 = 15.714 (> 15 ✗)
 * 班额: A 200/6 = 33.3 ✗, B 250/9 = 27.8 ✓, C 100/3 = 33.3 ✗ → 1 ÷ 3 = 33.3% (✗)
 */
describe('county indicators, tiny hand case', () => {
  const kgs = [
    kg({ id: 'A', type: 'public', classes: 6, enrolled: 200, staff_total: 30, teachers: 14, carers: 7 }),
    kg({ id: 'B', type: 'inclusive_private', classes: 9, enrolled: 250, staff_total: 30, teachers: 16, carers: 8 }),
    kg({ id: 'C', type: 'private', classes: 3, enrolled: 100, staff_total: 10, teachers: 5, carers: 3 }),
  ];
  const f = byKey(indicatorFigures(sumIndicatorInputs(kgs, [0, 1, 2], 30), 1000, T));

  it('computes each formula from its inputs', () => {
    expect(f.gross_enrolment_rate.value).toBeCloseTo(55, 12);
    expect(f.gross_enrolment_rate.pass).toBe(false);
    expect(f.gross_enrolment_rate.threshold).toEqual({ op: '>=', value: 85 });
    expect(f.inclusive_coverage.value).toBeCloseTo((450 / 550) * 100, 12);
    expect(f.inclusive_coverage.pass).toBe(true);
    expect(f.public_share.value).toBeCloseTo((200 / 550) * 100, 12);
    expect(f.public_share.pass).toBe(false);
    expect(f.children_per_staff.value).toBeCloseTo(550 / 70, 12);
    expect(f.children_per_staff.threshold).toEqual({ op: '<=', value: 7 });
    expect(f.children_per_staff.pass).toBe(false);
    expect(f.children_per_care_staff.value).toBeCloseTo(550 / 53, 12);
    expect(f.children_per_teacher.value).toBeCloseTo(550 / 35, 12);
    expect(f.children_per_teacher.pass).toBe(false);
    expect(f.class_size_compliance.value).toBeCloseTo(100 / 3, 12);
    expect(f.class_size_compliance.pass).toBe(false);
  });

  it('every figure is reproducible from its inputs and has labels and a source', () => {
    for (const x of Object.values(f)) {
      expect(render('zh', x.label) && render('en', x.label) && render('zh', x.formula) && render('zh', x.source)).toBeTruthy();
      const v = x.inputs.map((i) => i.value as number);
      const recomputed =
        x.key === 'inclusive_coverage' ? ((v[0] + v[1]) / v[2]) * 100 : x.unit === '%' ? (v[0] / v[1]) * 100 : v[0] / v[1];
      expect(x.value).toBeCloseTo(recomputed, 12);
    }
    expect(render('zh', f.gross_enrolment_rate.source)).toContain('教督〔2020〕1号');
  });

  it('passes at the thresholds exactly (≥ and ≤ inclusive)', () => {
    const k2 = [kg({ id: 'A', type: 'public', classes: 10, enrolled: 300, staff_total: 300 / 7 * 1, teachers: 20, carers: 300 / 9 - 20 })];
    const g = byKey(indicatorFigures(sumIndicatorInputs(k2, [0], 30), 300 / 0.85, T));
    expect(g.gross_enrolment_rate.value).toBeCloseTo(85, 10);
    expect(g.class_size_compliance.value).toBe(100); // 300 / 10 = 30 ≤ 30
    expect(g.children_per_teacher.value).toBe(15);
    expect(g.children_per_teacher.pass).toBe(true);
  });

  it('no data → null values and no pass/fail; missing staff noted, not counted', () => {
    const empty = byKey(indicatorFigures(sumIndicatorInputs([], [], 30), 0, T));
    expect(empty.gross_enrolment_rate.value).toBeNull();
    expect(empty.gross_enrolment_rate.pass).toBeUndefined();
    const partial = [kg({ id: 'A', enrolled: 100, staff_total: 10 }), kg({ id: 'B', enrolled: 100, staff_total: null as unknown as number })];
    const p = byKey(indicatorFigures(sumIndicatorInputs(partial, [0, 1], 30), 250, T));
    expect(p.children_per_staff.value).toBe(10); // 100 ÷ 10, B left out
    expect(render('zh', p.children_per_staff.note!)).toContain('1 所');
    expect(p.gross_enrolment_rate.value).toBe(80);
  });
});
