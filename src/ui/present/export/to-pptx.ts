/**
 * The story as a PPTX (pptxgenjs): one slide per screen — title, map figure, KPI cards,
 * a native chart (editable, its data in an embedded worksheet) and notes. Every text box's
 * font sizes are measured to fit (text-fit.ts) with exact line spacing, so the slides look
 * the same in PowerPoint, WPS and LibreOffice.
 */
import PptxGenJS from 'pptxgenjs';
import { msg, type Lang } from '../../../i18n';
import type { RenderedScreen } from './render-story';
import { fixPptxPackage } from './fix-pptx';
import { pptxChartOf } from './pptx-chart';
import { fitLines, lineSpacingPt, type FitLine } from './text-fit';

const TONE_COLOR: Record<'ok' | 'bad' | 'neutral', string> = { ok: '2EA043', bad: 'D63031', neutral: '17365D' };
const FACE = 'Microsoft YaHei';
const CARD_MARGIN_PT = 4;

/** Fit w×h (px) into a box (inches), keeping the aspect. */
function fit(w: number, h: number, boxW: number, boxH: number): { w: number; h: number } {
  const s = Math.min(boxW / w, boxH / h);
  return { w: w * s, h: h * s };
}

type Slide = ReturnType<PptxGenJS['addSlide']>;

/** One line of text in a box, its size measured to fit (one line, never wrapped out of the box). */
function addFittedLine(slide: Slide, text: string, box: { x: number; y: number; w: number; h: number }, pt: number, opts: Record<string, unknown>): void {
  const [size] = fitLines([{ text, pt, noWrap: true }], { wIn: box.w, hIn: box.h, marginPt: 2 }, 0.3).pts;
  slide.addText(text, { ...box, ...opts, fontSize: size, fontFace: FACE, margin: 2, valign: 'middle', lineSpacing: lineSpacingPt(size), fit: 'shrink' });
}

function addChart(slide: Slide, r: RenderedScreen, box: { x: number; y: number; w: number; h: number }): boolean {
  const spec = pptxChartOf(r.content.chart);
  if (!spec || spec.parts.length === 0) return false;
  const opts = { ...box, ...spec.options, altText: r.content.chartTitle };
  if (spec.parts.length === 1) {
    const p = spec.parts[0];
    slide.addChart(p.type as PptxGenJS.CHART_NAME, p.data, { ...opts, ...p.options } as PptxGenJS.IChartOpts);
  } else {
    slide.addChart(spec.parts.map((p) => ({ type: p.type as PptxGenJS.CHART_NAME, data: p.data, options: p.options as PptxGenJS.IChartOpts })),
      // with an array of types, pptxgenjs takes the chart's options as the second argument
      opts as unknown as unknown[],
    );
  }
  return true;
}

/** Build the PPTX bytes. `title` names the presentation (file properties). */
export async function storyToPptx(screens: RenderedScreen[], title: string, lang: Lang): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 × 7.5 in
  pptx.title = title;
  pptx.company = msg(lang, 'appTitle');
  for (const r of screens) {
    const slide = pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    addFittedLine(slide, r.screen.title, { x: 0.4, y: 0.2, w: 12.5, h: 0.6 }, 28, { bold: true, color: '17365D' });
    addFittedLine(slide, r.subtitle, { x: 0.4, y: 0.78, w: 12.5, h: 0.35 }, 13, { color: '4A5668' });
    const m = fit(r.mapCanvas.width, r.mapCanvas.height, 7.7, 5.85);
    // JPEG: a third of the PNG's encoding time and size for a map picture, no visible loss at 0.92
    slide.addImage({ data: r.mapCanvas.toDataURL('image/jpeg', 0.92), x: 0.4, y: 1.2, w: m.w, h: m.h, altText: r.screen.title });
    const cards = r.content.cards;
    const rows = Math.ceil(cards.length / 2);
    const rowH = rows > 3 ? 0.78 : 0.95;
    cards.forEach((c, k) => {
      const x = 8.35 + (k % 2) * 2.45;
      const y = 1.2 + Math.floor(k / 2) * (rowH + 0.08);
      const lines: FitLine[] = [
        { text: c.label, pt: 11 },
        { text: c.value, pt: rows > 3 ? 18 : 22, noWrap: true },
        ...(c.sub ? [{ text: c.sub, pt: 10 }] : []),
      ];
      const { pts } = fitLines(lines, { wIn: 2.35, hIn: rowH, marginPt: CARD_MARGIN_PT });
      const run = (i: number, extra: Record<string, unknown>) => ({ fontSize: pts[i], lineSpacing: lineSpacingPt(pts[i]), ...extra });
      slide.addText(
        [
          { text: c.label, options: run(0, { color: '4A5668', breakLine: true }) },
          { text: c.value, options: run(1, { bold: true, color: TONE_COLOR[c.tone], breakLine: Boolean(c.sub) }) },
          ...(c.sub ? [{ text: c.sub, options: run(2, { color: '4A5668' }) }] : []),
        ],
        { x, y, w: 2.35, h: rowH, fontFace: FACE, valign: 'top', fill: { color: 'F4F6F9' }, line: { color: 'D5DBE3', width: 0.75 }, margin: CARD_MARGIN_PT, fit: 'shrink' },
      );
    });
    const chartTop = 1.2 + rows * (rowH + 0.08) + 0.05;
    addFittedLine(slide, r.content.chartTitle, { x: 8.35, y: chartTop, w: 4.8, h: 0.3 }, 12, { bold: true, color: '17365D' });
    const box = { x: 8.35, y: chartTop + 0.32, w: 4.8, h: Math.max(1.2, 7.05 - chartTop - 0.35) };
    if (!addChart(slide, r, box) && r.chartPng) {
      const ch = fit(560, 300, box.w, box.h);
      slide.addImage({ data: r.chartPng, x: box.x, y: box.y, w: ch.w, h: ch.h, altText: r.content.chartTitle });
    }
    addFittedLine(slide, r.footer, { x: 0.4, y: 7.1, w: 12.5, h: 0.3 }, 9, { color: '7A8494' });
    slide.addNotes([r.content.summary, r.screen.notes].filter(Boolean).join('\n'));
  }
  const out = await pptx.write({ outputType: 'uint8array' });
  return fixPptxPackage(out as Uint8Array);
}
