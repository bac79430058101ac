/**
 * County indicators (县域学前教育普及普惠督导评估, 教督〔2020〕1号) and the staffing
 * ratios of 《幼儿园教职工配备标准（暂行）》2013, as `Figure`s.
 *
 * Kindergartens counted: those that supply (isSupplyingKg in schema.ts; enrolment is a current fact,
 * so a supplyPlaces scenario does not change these). Missing values: a kindergarten
 * with no enrolled count adds 0 to enrolment; staffing ratios use only the
 * kindergartens that report the staff field in question (enrolled ÷ staff of the
 * same kindergartens); 班额达标率 is measured per kindergarten (average class size
 * enrolled ÷ classes ≤ classSizeMax), since the data hold no per-class counts.
 */
import type { Kindergarten } from './model';
import { figure, input, pct, safeDiv } from './figures';
import type { Figure, IndicatorThresholds } from './types';

const SRC_2020 = '教督〔2020〕1号';
const SRC_STAFF = '《幼儿园教职工配备标准（暂行）》2013；“三比”为本工具的解读';

/** Sums over a set of kindergartens that the indicators need. */
export interface IndicatorSums {
  kindergartens: number;
  enrolled: number;
  enrolledPublic: number;
  enrolledInclusivePrivate: number;
  missingEnrolled: number;
  staff: number;
  enrolledWithStaff: number;
  missingStaff: number;
  careStaff: number;
  enrolledWithCareStaff: number;
  missingCareStaff: number;
  teachers: number;
  enrolledWithTeachers: number;
  missingTeachers: number;
  classSizeAssessed: number;
  classSizeOk: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);


/** Sum the indicator inputs over kindergartens `idx` of `kgs` (rows not modified). */
export function sumIndicatorInputs(kgs: readonly Kindergarten[], idx: Iterable<number>, classSizeMax: number): IndicatorSums {
  const s: IndicatorSums = {
    kindergartens: 0,
    enrolled: 0,
    enrolledPublic: 0,
    enrolledInclusivePrivate: 0,
    missingEnrolled: 0,
    staff: 0,
    enrolledWithStaff: 0,
    missingStaff: 0,
    careStaff: 0,
    enrolledWithCareStaff: 0,
    missingCareStaff: 0,
    teachers: 0,
    enrolledWithTeachers: 0,
    missingTeachers: 0,
    classSizeAssessed: 0,
    classSizeOk: 0,
  };
  for (const j of idx) {
    const k = kgs[j];
    s.kindergartens++;
    const e = num(k.enrolled);
    if (e === null) s.missingEnrolled++;
    const en = e ?? 0;
    s.enrolled += en;
    if (k.type === 'public') s.enrolledPublic += en;
    else if (k.type === 'inclusive_private') s.enrolledInclusivePrivate += en;
    if (e === null) continue;
    const st = num(k.staff_total);
    if (st === null) s.missingStaff++;
    else {
      s.staff += st;
      s.enrolledWithStaff += e;
    }
    const t = num(k.teachers);
    const c = num(k.carers);
    if (t === null || c === null) s.missingCareStaff++;
    else {
      s.careStaff += t + c;
      s.enrolledWithCareStaff += e;
    }
    if (t === null) s.missingTeachers++;
    else {
      s.teachers += t;
      s.enrolledWithTeachers += e;
    }
    const cl = num(k.classes);
    if (cl !== null && cl > 0) {
      s.classSizeAssessed++;
      if (e / cl <= classSizeMax) s.classSizeOk++;
    }
  }
  return s;
}

function missingNote(n: number, what: string): string {
  return n > 0 ? `${n} 所幼儿园缺少${what}，未计入本项` : '';
}

/**
 * The seven county indicators for one area. Inputs: sums over its kindergartens,
 * its children aged 3–5 (persons), thresholds. Rates in percent; staffing ratios
 * as children per staff member (1:x → x), passing when ≤ the maximum.
 */
export function indicatorFigures(s: IndicatorSums, children3to5: number, t: IndicatorThresholds): Figure[] {
  const inclusive = s.enrolledPublic + s.enrolledInclusivePrivate;
  const enrolNote = s.missingEnrolled > 0 ? `${s.missingEnrolled} 所幼儿园缺少在园幼儿数，按 0 计` : '';
  return [
    figure({
      key: 'gross_enrolment_rate',
      labelZh: '学前三年毛入园率',
      labelEn: 'Gross enrolment rate (3 years)',
      value: pct(s.enrolled, children3to5),
      unit: '%',
      formulaZh: '在园幼儿数 ÷ 3–5岁人口 × 100%',
      inputs: [input('在园幼儿数', s.enrolled, '人'), input('3–5岁人口', children3to5, '人')],
      threshold: { op: '>=', value: t.grossEnrolmentRatePct },
      sourceZh: `${SRC_2020}（部分省份要求 90%）`,
      noteZh: enrolNote,
    }),
    figure({
      key: 'inclusive_coverage',
      labelZh: '普惠性幼儿园覆盖率',
      labelEn: 'Inclusive kindergarten coverage',
      value: pct(inclusive, s.enrolled),
      unit: '%',
      formulaZh: '（公办园在园幼儿数 + 普惠性民办园在园幼儿数）÷ 在园幼儿总数 × 100%',
      inputs: [
        input('公办园在园幼儿数', s.enrolledPublic, '人'),
        input('普惠性民办园在园幼儿数', s.enrolledInclusivePrivate, '人'),
        input('在园幼儿总数', s.enrolled, '人'),
      ],
      threshold: { op: '>=', value: t.inclusiveCoveragePct },
      sourceZh: SRC_2020,
      noteZh: enrolNote,
    }),
    figure({
      key: 'public_share',
      labelZh: '公办园在园幼儿占比',
      labelEn: 'Share of children in public kindergartens',
      value: pct(s.enrolledPublic, s.enrolled),
      unit: '%',
      formulaZh: '公办园在园幼儿数 ÷ 在园幼儿总数 × 100%',
      inputs: [input('公办园在园幼儿数', s.enrolledPublic, '人'), input('在园幼儿总数', s.enrolled, '人')],
      threshold: { op: '>=', value: t.publicSharePct },
      sourceZh: SRC_2020,
      noteZh: enrolNote,
    }),
    figure({
      key: 'children_per_staff',
      labelZh: '教职工与幼儿比（每名教职工对应幼儿数）',
      labelEn: 'Children per staff member',
      value: safeDiv(s.enrolledWithStaff, s.staff),
      unit: '人/人',
      formulaZh: '在园幼儿数 ÷ 教职工数（1:x 中的 x）',
      inputs: [input('在园幼儿数（有教职工数据的园）', s.enrolledWithStaff, '人'), input('教职工数', s.staff, '人')],
      threshold: { op: '<=', value: t.childrenPerStaffMax },
      sourceZh: SRC_STAFF,
      noteZh: missingNote(s.missingStaff, '教职工数'),
    }),
    figure({
      key: 'children_per_care_staff',
      labelZh: '保教人员与幼儿比（每名保教人员对应幼儿数）',
      labelEn: 'Children per teaching-and-care staff member',
      value: safeDiv(s.enrolledWithCareStaff, s.careStaff),
      unit: '人/人',
      formulaZh: '在园幼儿数 ÷（专任教师数 + 保育员数）',
      inputs: [
        input('在园幼儿数（有保教人员数据的园）', s.enrolledWithCareStaff, '人'),
        input('保教人员数（专任教师 + 保育员）', s.careStaff, '人'),
      ],
      threshold: { op: '<=', value: t.childrenPerCareStaffMax },
      sourceZh: SRC_STAFF,
      noteZh: missingNote(s.missingCareStaff, '专任教师数或保育员数'),
    }),
    figure({
      key: 'children_per_teacher',
      labelZh: '专任教师与幼儿比（每名专任教师对应幼儿数）',
      labelEn: 'Children per full-time teacher',
      value: safeDiv(s.enrolledWithTeachers, s.teachers),
      unit: '人/人',
      formulaZh: '在园幼儿数 ÷ 专任教师数',
      inputs: [input('在园幼儿数（有专任教师数据的园）', s.enrolledWithTeachers, '人'), input('专任教师数', s.teachers, '人')],
      threshold: { op: '<=', value: t.childrenPerTeacherMax },
      sourceZh: `${SRC_2020}；${SRC_STAFF}`,
      noteZh: missingNote(s.missingTeachers, '专任教师数'),
    }),
    figure({
      key: 'class_size_compliance',
      labelZh: '班额达标率',
      labelEn: 'Class-size compliance',
      value: pct(s.classSizeOk, s.classSizeAssessed),
      unit: '%',
      formulaZh: `平均班额（在园幼儿数 ÷ 班级数）≤ ${t.classSizeMax} 人的幼儿园数 ÷ 参评幼儿园数 × 100%`,
      inputs: [
        input(`平均班额 ≤ ${t.classSizeMax} 人的幼儿园数`, s.classSizeOk, '所'),
        input('参评幼儿园数（有班级数与在园幼儿数）', s.classSizeAssessed, '所'),
      ],
      threshold: { op: '>=', value: t.classSizeCompliancePct },
      sourceZh: `${SRC_2020}（阈值）；班额上限：《幼儿园工作规程》2016 混合班 30 人`,
      noteZh: '按园统计（数据无分班人数），以全园平均班额代替各班班额',
    }),
  ];
}
