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
import { m, type Message, type MessageKey } from '../i18n';
import type { Kindergarten } from './model';
import { figure, input, pct, safeDiv } from './figures';
import type { Figure, IndicatorThresholds } from './types';


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

const missingNote = (n: number, what: MessageKey): Message | undefined =>
  n > 0 ? m('indicator.note.missing', { n, what: m(what) }) : undefined;

/**
 * The seven county indicators for one area. Inputs: sums over its kindergartens,
 * its children aged 3–5 (persons), thresholds. Rates in percent; staffing ratios
 * as children per staff member (1:x → x), passing when ≤ the maximum.
 */
export function indicatorFigures(s: IndicatorSums, children3to5: number, t: IndicatorThresholds): Figure[] {
  const inclusive = s.enrolledPublic + s.enrolledInclusivePrivate;
  const enrolNote = s.missingEnrolled > 0 ? m('indicator.note.missingEnrolled', { n: s.missingEnrolled }) : undefined;
  const enrolled = input('indicator.in.enrolledTotal', s.enrolled, '人');
  const enrolledPublic = input('indicator.in.enrolledPublic', s.enrolledPublic, '人');
  const src2020 = m('param.jiaodu2020');
  const srcStaff = m('indicator.src.staff');
  return [
    figure({
      key: 'gross_enrolment_rate',
      label: m('indicator.grossEnrolment'),
      value: pct(s.enrolled, children3to5),
      unit: '%',
      formula: m('indicator.grossEnrolment.formula'),
      inputs: [input('indicator.in.enrolled', s.enrolled, '人'), input('indicator.in.children', children3to5, '人')],
      threshold: { op: '>=', value: t.grossEnrolmentRatePct },
      source: m('indicator.grossEnrolment.source'),
      note: enrolNote,
    }),
    figure({
      key: 'inclusive_coverage',
      label: m('indicator.inclusiveCoverage'),
      value: pct(inclusive, s.enrolled),
      unit: '%',
      formula: m('indicator.inclusiveCoverage.formula'),
      inputs: [enrolledPublic, input('indicator.in.enrolledInclusive', s.enrolledInclusivePrivate, '人'), enrolled],
      threshold: { op: '>=', value: t.inclusiveCoveragePct },
      source: src2020,
      note: enrolNote,
    }),
    figure({
      key: 'public_share',
      label: m('indicator.publicShare'),
      value: pct(s.enrolledPublic, s.enrolled),
      unit: '%',
      formula: m('indicator.publicShare.formula'),
      inputs: [enrolledPublic, enrolled],
      threshold: { op: '>=', value: t.publicSharePct },
      source: src2020,
      note: enrolNote,
    }),
    figure({
      key: 'children_per_staff',
      label: m('indicator.childrenPerStaff'),
      value: safeDiv(s.enrolledWithStaff, s.staff),
      unit: '人/人',
      formula: m('indicator.childrenPerStaff.formula'),
      inputs: [input('indicator.in.enrolledWithStaff', s.enrolledWithStaff, '人'), input('indicator.in.staff', s.staff, '人')],
      threshold: { op: '<=', value: t.childrenPerStaffMax },
      source: srcStaff,
      note: missingNote(s.missingStaff, 'indicator.what.staff'),
    }),
    figure({
      key: 'children_per_care_staff',
      label: m('indicator.childrenPerCareStaff'),
      value: safeDiv(s.enrolledWithCareStaff, s.careStaff),
      unit: '人/人',
      formula: m('indicator.childrenPerCareStaff.formula'),
      inputs: [input('indicator.in.enrolledWithCareStaff', s.enrolledWithCareStaff, '人'), input('indicator.in.careStaff', s.careStaff, '人')],
      threshold: { op: '<=', value: t.childrenPerCareStaffMax },
      source: srcStaff,
      note: missingNote(s.missingCareStaff, 'indicator.what.careStaff'),
    }),
    figure({
      key: 'children_per_teacher',
      label: m('indicator.childrenPerTeacher'),
      value: safeDiv(s.enrolledWithTeachers, s.teachers),
      unit: '人/人',
      formula: m('indicator.childrenPerTeacher.formula'),
      inputs: [input('indicator.in.enrolledWithTeachers', s.enrolledWithTeachers, '人'), input('indicator.in.teachers', s.teachers, '人')],
      threshold: { op: '<=', value: t.childrenPerTeacherMax },
      source: m('indicator.src.teachers'),
      note: missingNote(s.missingTeachers, 'indicator.what.teachers'),
    }),
    figure({
      key: 'class_size_compliance',
      label: m('indicator.classSizeCompliance'),
      value: pct(s.classSizeOk, s.classSizeAssessed),
      unit: '%',
      formula: m('indicator.classSizeCompliance.formula', { max: t.classSizeMax }),
      inputs: [
        input('indicator.in.classSizeOk', s.classSizeOk, '所', { max: t.classSizeMax }),
        input('indicator.in.classSizeAssessed', s.classSizeAssessed, '所'),
      ],
      threshold: { op: '>=', value: t.classSizeCompliancePct },
      source: m('indicator.classSizeCompliance.source'),
      note: m('indicator.classSizeCompliance.note'),
    }),
  ];
}
