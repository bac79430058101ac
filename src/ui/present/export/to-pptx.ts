/** The story as a PPTX (pptxgenjs): one slide per screen — title, map figure, KPI cards, chart, notes. */
import PptxGenJS from 'pptxgenjs';
import type { RenderedScreen } from './render-story';

const TONE_COLOR: Record<'ok' | 'bad' | 'neutral', string> = { ok: '2EA043', bad: 'D63031', neutral: '17365D' };
const FACE = 'Microsoft YaHei';

/** Fit w×h (px) into a box (inches), keeping the aspect. */
function fit(w: number, h: number, boxW: number, boxH: number): { w: number; h: number } {
  const s = Math.min(boxW / w, boxH / h);
  return { w: w * s, h: h * s };
}

/** Build the PPTX bytes. `title` names the presentation (file properties). */
export async function storyToPptx(screens: RenderedScreen[], title: string): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 × 7.5 in
  pptx.title = title;
  pptx.company = '学位规划';
  for (const r of screens) {
    const slide = pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    slide.addText(r.screen.title, { x: 0.4, y: 0.2, w: 12.5, h: 0.6, fontSize: 28, bold: true, color: '17365D', fontFace: FACE });
    slide.addText(r.subtitle, { x: 0.4, y: 0.78, w: 12.5, h: 0.35, fontSize: 13, color: '4A5668', fontFace: FACE });
    const m = fit(r.mapCanvas.width, r.mapCanvas.height, 7.7, 5.85);
    slide.addImage({ data: r.mapCanvas.toDataURL('image/png'), x: 0.4, y: 1.2, w: m.w, h: m.h, altText: r.screen.title });
    const cards = r.content.cards;
    const rows = Math.ceil(cards.length / 2);
    const rowH = rows > 3 ? 0.78 : 0.95;
    cards.forEach((c, k) => {
      const x = 8.35 + (k % 2) * 2.45;
      const y = 1.2 + Math.floor(k / 2) * (rowH + 0.08);
      slide.addText(
        [
          { text: c.label, options: { fontSize: 11, color: '4A5668', breakLine: true } },
          { text: c.value, options: { fontSize: rows > 3 ? 18 : 22, bold: true, color: TONE_COLOR[c.tone], breakLine: Boolean(c.sub) } },
          ...(c.sub ? [{ text: c.sub, options: { fontSize: 10, color: '4A5668' } }] : []),
        ],
        { x, y, w: 2.35, h: rowH, fontFace: FACE, valign: 'top', fill: { color: 'F4F6F9' }, line: { color: 'D5DBE3', width: 0.75 }, margin: 4 },
      );
    });
    const chartTop = 1.2 + rows * (rowH + 0.08) + 0.05;
    slide.addText(r.content.chartTitle, { x: 8.35, y: chartTop, w: 4.8, h: 0.3, fontSize: 12, bold: true, color: '17365D', fontFace: FACE });
    const ch = fit(560, 300, 4.8, Math.max(1.2, 7.05 - chartTop - 0.35));
    slide.addImage({ data: r.chartPng, x: 8.35, y: chartTop + 0.32, w: ch.w, h: ch.h, altText: r.content.chartTitle });
    slide.addText(r.footer, { x: 0.4, y: 7.1, w: 12.5, h: 0.3, fontSize: 9, color: '7A8494', fontFace: FACE });
    slide.addNotes([r.content.summary, r.screen.notes].filter(Boolean).join('\n'));
  }
  const out = await pptx.write({ outputType: 'uint8array' });
  return out as Uint8Array;
}
