/**
 * Export entry points, loaded lazily with pptxgenjs / jsPDF (never in the main bundle):
 * the story as PPTX or PDF, the shown screen or the map alone as PNG.
 */
import { downloadBytes, MIME } from '../../../data/export/download';
import { shownScreens } from '../../../state/present-slice';
import type { AppStore } from '../../../state/store';
import { todayIso } from '../../../state/analysis-slice';
import { msg } from '../../../i18n';
import { renderShownScreen, renderStory, waitForScreen, type RenderOptions } from './render-story';
import { storyToPdf } from './to-pdf';
import { storyToPptx } from './to-pptx';

const baseName = (store: AppStore) => {
  const s = store.getState();
  return msg(s.lang, 'present.ui.storyFile', { name: (s.meta?.name ?? msg(s.lang, 'appTitle')).replace(/[\\/:*?"<>|（）()]/g, ''), date: todayIso() });
};

function dataUrlBytes(url: string): Uint8Array {
  const b = atob(url.slice(url.indexOf(',') + 1));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

/** Every shown screen as one PPTX; returns the file's bytes and time taken. */
export async function exportPptx(store: AppStore, opts: RenderOptions = {}): Promise<{ bytes: Uint8Array; ms: number }> {
  const t0 = performance.now();
  const screens = await renderStory(store, { chartImages: 'fallback', ...opts });
  const bytes = await storyToPptx(screens, baseName(store), store.getState().lang);
  downloadBytes(`${baseName(store)}.pptx`, bytes, MIME.pptx);
  return { bytes, ms: performance.now() - t0 };
}

/** Every shown screen as one A4-landscape PDF. */
export async function exportPdf(store: AppStore, opts: RenderOptions = {}): Promise<{ bytes: Uint8Array; ms: number }> {
  const t0 = performance.now();
  const screens = await renderStory(store, opts);
  const bytes = await storyToPdf(screens, baseName(store), store.getState().lang);
  downloadBytes(`${baseName(store)}.pdf`, bytes, MIME.pdf);
  return { bytes, ms: performance.now() - t0 };
}

/** The screen now shown (map figure with legend, north arrow, scale, title, date, source) as PNG. */
export async function exportScreenPng(store: AppStore): Promise<void> {
  const s = store.getState();
  const screen = shownScreens(s)[s.presentIndex];
  if (!screen) return;
  await waitForScreen(store, screen);
  const r = renderShownScreen(store, screen);
  downloadBytes(`${baseName(store)}_${s.presentIndex + 1}.png`, dataUrlBytes(r.mapCanvas.toDataURL('image/png')), MIME.png);
}
