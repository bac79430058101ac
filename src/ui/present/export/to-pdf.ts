/**
 * The story as a PDF (jsPDF): A4 landscape, one page per screen — title, subtitle, the
 * map figure, the KPI cards and the chart, footer with date and source. Text is real
 * text in the embedded Noto Sans SC subset (selectable, searchable).
 */
import { jsPDF } from 'jspdf';
import { msg, type Lang } from '../../../i18n';
import type { RenderedScreen } from './render-story';
import { installPdfFont, loadPdfFont, writeText } from './pdf-text';

const TONE: Record<'ok' | 'bad' | 'neutral', [number, number, number]> = { ok: [46, 160, 67], bad: [214, 48, 49], neutral: [23, 54, 93] };

/** Fit w×h into a box (mm), keeping the aspect. */
function fit(w: number, h: number, boxW: number, boxH: number): { w: number; h: number } {
  const s = Math.min(boxW / w, boxH / h);
  return { w: w * s, h: h * s };
}

export async function storyToPdf(screens: RenderedScreen[], title: string, lang: Lang): Promise<Uint8Array> {
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  installPdfFont(doc, await loadPdfFont(lang));
  doc.setProperties({ title, creator: msg(lang, 'appTitle') });
  screens.forEach((r, k) => {
    if (k > 0) doc.addPage('a4', 'landscape');
    writeText(doc, r.screen.title, 12, 9, { sizePt: 20, color: [23, 54, 93], maxWidthMm: 270 });
    writeText(doc, r.subtitle, 12, 19, { sizePt: 10, color: [74, 86, 104], maxWidthMm: 270 });
    const m = fit(r.mapCanvas.width, r.mapCanvas.height, 170, 168);
    doc.addImage(r.mapCanvas.toDataURL('image/jpeg', 0.9), 'JPEG', 12, 27, m.w, m.h);
    const x0 = 188;
    let y = 27;
    r.content.cards.forEach((c, i) => {
      const x = x0 + (i % 2) * 50;
      if (i % 2 === 0 && i > 0) y += 22;
      doc.setFillColor(244, 246, 249);
      doc.setDrawColor(213, 219, 227);
      doc.rect(x, y, 47, 20, 'FD');
      writeText(doc, c.label, x + 2, y + 1.5, { sizePt: 8, color: [74, 86, 104], maxWidthMm: 43 });
      writeText(doc, c.value, x + 2, y + 6.5, { sizePt: 15, color: TONE[c.tone], maxWidthMm: 43 });
      if (c.sub) writeText(doc, c.sub, x + 2, y + 14, { sizePt: 7, color: [74, 86, 104], maxWidthMm: 43 });
    });
    y += 25;
    writeText(doc, r.content.chartTitle, x0, y, { sizePt: 10, color: [23, 54, 93], maxWidthMm: 97 });
    const ch = fit(560, 300, 97, Math.max(30, 195 - y - 6));
    doc.addImage(r.chartJpeg, 'JPEG', x0, y + 6, ch.w, ch.h);
    writeText(doc, r.footer, 12, 200, { sizePt: 7, color: [122, 132, 148], maxWidthMm: 270 });
  });
  return new Uint8Array(doc.output('arraybuffer'));
}
