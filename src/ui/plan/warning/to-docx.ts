/**
 * 学位预警 as a Word notice in the official layout of GB/T 9704-2012 《党政机关公文格式》:
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (type area 156 × 225 mm);
 * title 2号 (22 pt) 小标宋 centred; body 3号 (16 pt) 仿宋, 22 lines of 28 characters
 * (exact line pitch 28.95 pt); first-level headings 黑体, second-level 楷体; page numbers
 * 4号 (14 pt) 宋体 "— 1 —" at the foot. Loaded on first use with the `docx` library.
 */
import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, convertMillimetersToTwip } from 'docx';
import type { WarningLevel } from '../../../analysis/plan/place-warning';
import type { Lang } from '../../../i18n';
import { formatInt } from '../../format';
import { msg } from '../../../i18n';
import { LEVEL_FILL, LEVEL_TEXT, docTitle, levelLabel, methodLabel, pctText, reasonsText, ruleLines, yearInText, yearLabel, type WarningDoc } from './warning-doc';

/** GB/T 9704-2012 page: A4 and the margins in mm. */
export const GB9704 = { widthMm: 210, heightMm: 297, topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 } as const;
const FANGSONG = '仿宋';
const HEITI = '黑体';
const KAITI = '楷体';
const XBS = '方正小标宋简体';
const SONG = '宋体';
/** 3号 = 16 pt (half-points in docx) */
const BODY = 32;
/** exact line pitch 28.95 pt (225 mm / 22 lines) in twips */
const LINE = 579;

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/**
 * 成文日期 as GB/T 9704-2012 writes it: Arabic numerals, year, month and day in full, no leading
 * zeros (2026年12月5日 — the zh-CN long date); in English "5 December 2026".
 */
export function officialDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(day);
}

/** Item numbers of the notice: （一）（二）… in Chinese, (1) (2) … in English. */
const item = (lang: Lang, i: number, text: string): string => msg(lang, 'plan.ui.warn.item', { n: msg(lang, 'plan.ui.warn.numerals')[i] ?? i + 1, text });

const font = (eastAsia: string) => ({ ascii: eastAsia, hAnsi: eastAsia, eastAsia, cs: eastAsia });

function body(text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; face?: string } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: opts.indent === false ? undefined : { firstLine: 640 }, // two characters of 16 pt
    children: [new TextRun({ text, font: font(opts.face ?? FANGSONG), size: BODY })],
  });
}

const heading1 = (text: string) => body(text, { face: HEITI });
const heading2 = (text: string) => body(text, { face: KAITI });

function cell(text: string, o: { fill?: string; color?: string; bold?: boolean; widthPct: number; align?: 'left' | 'center' }): TableCell {
  return new TableCell({
    width: { size: o.widthPct * 50, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    shading: o.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } : undefined,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: o.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 360, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        children: [new TextRun({ text, font: font(FANGSONG), size: 24, bold: o.bold, color: o.color })],
      }),
    ],
  });
}

/** The level table: one row per 街道, one column per year; the level in words and in colour (prints in black and white too). */
function levelTable(d: WarningDoc): Table {
  const years = d.table.years;
  const nameW = 22;
  const yearW = (100 - nameW) / Math.max(1, years.length);
  const head = new TableRow({
    tableHeader: true,
    children: [cell(msg(d.lang, 'warn.street'), { widthPct: nameW, bold: true, fill: 'D9D9D9' }), ...years.map((y) => cell(yearLabel(d.lang, d, y), { widthPct: yearW, bold: true, fill: 'D9D9D9' }))],
  });
  const rows = d.table.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(r.nameZh, { widthPct: nameW, align: 'left' }),
          ...years.map((y) => {
            const c = r.cells.find((x) => x.year === y);
            const l: WarningLevel | null = c?.level ?? null;
            return cell(l ? levelLabel(d.lang, l) : '—', { widthPct: yearW, fill: l ? LEVEL_FILL[l] : undefined, color: l ? LEVEL_TEXT[l] : undefined, bold: l === 'red' });
          }),
        ],
      }),
  );
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [head, ...rows],
  });
}

/** The paragraphs of the notice (pure; the tests read them back from word/document.xml). */
function content(d: WarningDoc): (Paragraph | Table)[] {
  const L = d.lang;
  const t = d.table;
  const first = t.years[0];
  const last = t.years[t.years.length - 1];
  const out: (Paragraph | Table)[] = [];
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE },
      children: [new TextRun({ text: docTitle(d), font: font(XBS), size: 44 })],
    }),
  );
  out.push(body(msg(d.lang, 'warn.intro', { scenario: d.scenario, method: methodLabel(d), first, last })));
  out.push(heading1(msg(d.lang, 'warn.h.rules')));
  ruleLines(d.lang, t).forEach((r, i) => {
    out.push(body(item(L, i, r.source ? msg(L, 'plan.ui.warn.ruleWithSource', { rule: r.rule, source: r.source }) : msg(L, 'plan.ui.warn.rule', { rule: r.rule }))));
  });
  out.push(heading1(msg(d.lang, 'warn.h.overview')));
  for (const c of t.counts) out.push(body(msg(L, 'plan.ui.warn.sentence', { text: msg(L, 'warn.counts', { year: yearInText(L, d, c.year), red: c.red, yellow: c.yellow, green: c.green }) })));
  out.push(heading1(msg(d.lang, 'warn.h.table')));
  out.push(levelTable(d));
  out.push(heading1(msg(d.lang, 'warn.h.detail')));
  const flagged = t.rows.filter((r) => r.cells.some((c) => c.level !== 'green'));
  if (flagged.length === 0) out.push(body(msg(d.lang, 'warn.none')));
  flagged.forEach((r, i) => {
    out.push(heading2(item(L, i, r.nameZh)));
    for (const c of r.cells.filter((x) => x.level !== 'green')) {
      out.push(
        body(
          msg(d.lang, 'warn.detailLine', {
            year: c.year,
            level: levelLabel(d.lang, c.level),
            places: formatInt(c.places),
            demand: formatInt(c.demand),
            reasons: c.reasons.some((x) => x.key === 'high_use') ? reasonsText(L, c) : msg(L, 'plan.ui.warn.reasonsWithUse', { reasons: reasonsText(L, c), pct: pctText(c.utilisationPct) }),
          }),
        ),
      );
    }
  });
  out.push(heading1(msg(d.lang, 'warn.h.notes')));
  out.push(body(`1. ${msg(d.lang, 'warn.method', { method: methodLabel(d), scenario: d.scenario, dataYear: d.dataYear })}`));
  out.push(body(`2. ${msg(d.lang, 'warn.note.gap', { lag: d.openingLagYears })}`));
  out.push(body(`3. ${msg(d.lang, 'plan.ui.warn.noteGenerated', { date: officialDate(d.date, L), generated: msg(d.lang, d.generated ? 'warn.note.sample' : 'warn.note.real') })}`));
  out.push(body(''));
  // 成文日期: right-aligned, four characters from the right margin
  out.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      indent: { right: 1280 },
      children: [new TextRun({ text: officialDate(d.date, L), font: font(FANGSONG), size: BODY })],
    }),
  );
  return out;
}

/** The notice as DOCX bytes. */
export async function warningToDocx(d: WarningDoc): Promise<Uint8Array> {
  const mm = convertMillimetersToTwip;
  const doc = new Document({
    creator: msg(d.lang, 'appTitle'),
    title: docTitle(d),
    styles: { default: { document: { run: { font: font(FANGSONG), size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(GB9704.widthMm), height: mm(GB9704.heightMm) },
            margin: { top: mm(GB9704.topMm), bottom: mm(GB9704.bottomMm), left: mm(GB9704.leftMm), right: mm(GB9704.rightMm), header: mm(15), footer: mm(20) },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(SONG), size: 28 })] })],
          }),
        },
        children: content(d),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
