/**
 * The print layout composer's PDF (jsPDF, the embedded Noto Sans SC subset): the live map
 * captured now with the chosen legend / scale bar / north arrow, title and subtitle, the
 * KPI cards and chart of the view (现状, or the plan year against the base year), and the
 * source line, on A4 or A3, portrait or landscape (geometry: print-layout.ts).
 */
import { jsPDF } from 'jspdf';
import { captureMapCanvas, waitForMapRendered } from '../../../map/map-capture';
import type { PresentScreen } from '../../../state/present-slice';
import type { AppStore } from '../../../state/store';
import { downloadBytes, MIME } from '../../../data/export/download';
import { todayIso } from '../../../state/analysis-slice';
import { msg } from '../../../i18n';
import { screenContentOf } from '../content-input';
import { renderChartPng } from '../echarts-setup';
import { decorateMap, figureFooter } from './map-figure';
import { installPdfFont, loadPdfFont, writeText } from './pdf-text';
import { layoutPrint, type PrintOptions } from './print-layout';
import { textWidthIn } from './text-fit';

const TONE: Record<'ok' | 'bad' | 'neutral', [number, number, number]> = { ok: [46, 160, 67], bad: [214, 48, 49], neutral: [23, 54, 93] };
const MM_PER_IN = 25.4;

/** The largest size ≤ `pt` at which `text` fits `wMm` on one line. */
const fitPt = (text: string, pt: number, wMm: number): number => Math.max(6, Math.min(pt, (pt * wMm) / Math.max(1e-6, textWidthIn(text, pt) * MM_PER_IN)));

/** The view's figures as a 汇报 screen would show them: 现状, or the plan year against the base year. */
export function printScreen(store: AppStore, title: string): PresentScreen {
  const s = store.getState();
  return { id: 'print', kind: s.planOpen ? 'target' : 'status', title, hidden: false, notes: '', view: { center: null, zoom: null, layers: {}, year: s.planOpen ? s.planYear : null, scenarioId: null } };
}

export async function printToPdf(store: AppStore, o: PrintOptions): Promise<{ bytes: Uint8Array; ms: number; pages: number }> {
  const t0 = performance.now();
  await waitForMapRendered(20_000);
  const s = store.getState();
  const content = screenContentOf(s, printScreen(store, o.title));
  const raw = captureMapCanvas(2);
  const map = decorateMap(raw, { legend: o.legend, northArrow: o.northArrow, scaleBar: o.scaleBar, visible: s.visible, lang: s.lang });
  const cards = o.cards && content ? content.cards : [];
  const L = layoutPrint(o, raw.width / raw.height, cards.length);
  const k = L.typeScale;
  const doc = new jsPDF({ orientation: o.orientation, unit: 'mm', format: o.paper.toLowerCase(), compress: true });
  installPdfFont(doc, await loadPdfFont(s.lang));
  doc.setProperties({ title: o.title, creator: msg(s.lang, 'appTitle') });
  writeText(doc, o.title, L.title.x, L.title.y, { sizePt: fitPt(o.title, 18 * k, L.title.w), color: [23, 54, 93] });
  if (o.subtitle) writeText(doc, o.subtitle, L.title.x, L.title.y + 9 * k, { sizePt: fitPt(o.subtitle, 10 * k, L.title.w), color: [74, 86, 104] });
  doc.addImage(map.toDataURL('image/jpeg', 0.9), 'JPEG', L.map.x, L.map.y, L.map.w, L.map.h);
  doc.setDrawColor(154, 164, 178);
  doc.rect(L.map.x, L.map.y, L.map.w, L.map.h, 'S');
  cards.forEach((c, i) => {
    const b = L.cards[i];
    const inner = b.w - 4;
    doc.setFillColor(244, 246, 249);
    doc.setDrawColor(213, 219, 227);
    doc.rect(b.x, b.y, b.w, b.h, 'FD');
    writeText(doc, c.label, b.x + 2, b.y + 1.5 * k, { sizePt: fitPt(c.label, 8 * k, inner), color: [74, 86, 104] });
    writeText(doc, c.value, b.x + 2, b.y + 6.5 * k, { sizePt: fitPt(c.value, 15 * k, inner), color: TONE[c.tone] });
    if (c.sub) writeText(doc, c.sub, b.x + 2, b.y + 14 * k, { sizePt: fitPt(c.sub, 7 * k, inner), color: [74, 86, 104] });
  });
  if (L.chart && content) {
    writeText(doc, content.chartTitle, L.chart.x, L.chart.y - 5.5 * k, { sizePt: 10 * k, color: [23, 54, 93], maxWidthMm: L.chart.w });
    const pxW = Math.round(L.chart.w * 4);
    const pxH = Math.round(L.chart.h * 4);
    doc.addImage(renderChartPng(content.chart, pxW, pxH, 'jpeg', 2), 'JPEG', L.chart.x, L.chart.y, L.chart.w, L.chart.h);
  }
  if (L.source) {
    const line = [content?.basis ? msg(s.lang, 'present.ui.basisLine', { basis: content.basis }) : '', figureFooter(s)].filter(Boolean).join(' · ');
    writeText(doc, line, L.source.x, L.source.y, { sizePt: fitPt(line, 7 * k, L.source.w), color: [122, 132, 148] });
  }
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  const name = msg(s.lang, 'present.ui.printFile', {
    name: (s.meta?.name ?? msg(s.lang, 'appTitle')).replace(/[\\/:*?"<>|（）()]/g, ''),
    paper: o.paper,
    orientation: msg(s.lang, `present.ui.orient.${o.orientation}`),
    date: todayIso(),
  });
  downloadBytes(name, bytes, MIME.pdf);
  return { bytes, ms: performance.now() - t0, pages: doc.getNumberOfPages() };
}
