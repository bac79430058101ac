/**
 * Renders the story for an export: each shown screen in turn is put on the live map,
 * waited for (figures computed, basemap idle, deck.gl drawn), captured, and its chart
 * drawn off screen. The map image is the real map (basemap + deck.gl + markers), never
 * a re-render elsewhere, so what the slide shows is what the screen showed.
 */
import { captureMapCanvas, mapShows, waitForMapRendered } from '../../../map/map-capture';
import { selectOverlay, selectShownPlan, selectViewLayers } from '../../../state/selectors';
import { shownScreens, type PresentScreen } from '../../../state/present-slice';
import { msg } from '../../../i18n';
import { describeBasis } from '../../messages';
import type { AppStore } from '../../../state/store';
import { screenContentOf, screenReady } from '../content-input';
import { renderChartPng } from '../echarts-setup';
import type { ScreenContent } from '../screen-content';
import { composeMapFigure, figureFooter } from './map-figure';
import { pptxChartOf } from './pptx-chart';
import { scenarioText, screenTitle } from '../../messages';

export interface RenderedScreen {
  screen: PresentScreen;
  content: ScreenContent;
  /** the map with legend, north arrow, scale bar, title, date and source */
  mapCanvas: HTMLCanvasElement;
  chartPng: string;
  /** the same chart as JPEG (the PDF embeds JPEG as is; PNG would be decoded and re-compressed) */
  chartJpeg: string;
  /** 昆都仑区 · 2030 年 · 基准方案 */
  subtitle: string;
  /** 制图日期 · 数据来源 */
  footer: string;
}

export interface RenderOptions {
  /** the chart images to draw: both (default), or only those a native chart cannot replace (PPTX) */
  chartImages?: 'all' | 'fallback';
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** chart size in CSS px */
  chartWidth?: number;
  chartHeight?: number;
}

export const CHART_W = 560;
export const CHART_H = 300;

/** Wait until the shown screen is computed and drawn (rejects after `timeoutMs`). */
export async function waitForScreen(store: AppStore, screen: PresentScreen, timeoutMs = 30_000): Promise<void> {
  const t0 = performance.now();
  const shown = () => {
    const s = store.getState();
    return screenReady(s, screen) && mapShows([selectViewLayers(s), s.visible, selectOverlay(s)], s.mapViewRequest?.seq ?? 0);
  };
  while (!shown()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(msg(store.getState().lang, 'present.ui.err.timeout', { title: screenTitle(store.getState().lang, screen), s: timeoutMs / 1000 }));
    await new Promise((r) => setTimeout(r, 30));
  }
  await waitForMapRendered(timeoutMs);
}

/** 昆都仑区（示例数据） · 2030 年 · 基准方案 / · 现状 */
export function screenSubtitle(store: AppStore): string {
  const s = store.getState();
  const sc = s.scenarios.find((x) => x.id === s.currentScenarioId);
  // the year and data basis of the figures on the map (现状 = the plan's base year)
  const { year, plan } = selectShownPlan(s);
  const basis = plan ? describeBasis(s.lang, plan, year) : msg(s.lang, 'present.ui.yearOf', { year });
  const when = s.planOpen ? `${basis} · ${scenarioText(s.lang, sc)}` : msg(s.lang, 'present.ui.presentBasis', { basis });
  return `${s.meta?.name ?? ''} · ${when}`;
}

/** Capture the screen now on the map as a finished figure. */
export function renderShownScreen(store: AppStore, screen: PresentScreen, opts: RenderOptions = {}): RenderedScreen {
  const s = store.getState();
  screen = { ...screen, title: screenTitle(s.lang, screen) };
  const content = screenContentOf(s, screen);
  if (!content) throw new Error(msg(s.lang, 'present.ui.err.notReady', { title: screen.title }));
  const subtitle = screenSubtitle(store);
  const footer = figureFooter(s);
  const fig = composeMapFigure(captureMapCanvas(1.5), { title: screen.title, subtitle, footer, visible: s.visible, lang: s.lang });
  // the PPTX writes native charts: a picture only for a chart it cannot convert
  const needImages = opts.chartImages !== 'fallback' || pptxChartOf(content.chart) === null;
  const chartPng = needImages ? renderChartPng(content.chart, opts.chartWidth ?? CHART_W, opts.chartHeight ?? CHART_H, 'png') : '';
  const chartJpeg = opts.chartImages !== 'fallback' ? renderChartPng(content.chart, opts.chartWidth ?? CHART_W, opts.chartHeight ?? CHART_H, 'jpeg') : '';
  return { screen, content, mapCanvas: fig, chartPng, chartJpeg, subtitle, footer };
}

/** Every shown screen, in order; the player ends on the screen it started on. */
export async function renderStory(store: AppStore, opts: RenderOptions = {}): Promise<RenderedScreen[]> {
  const screens = shownScreens(store.getState());
  const start = store.getState().presentIndex;
  const out: RenderedScreen[] = [];
  try {
    for (const [i, screen] of screens.entries()) {
      if (opts.signal?.aborted) throw new DOMException(msg(store.getState().lang, 'present.ui.err.cancelled'), 'AbortError');
      store.setState({ presentIndex: i });
      store.getState().showScreen(screen.id);
      await waitForScreen(store, screen);
      out.push(renderShownScreen(store, screen, opts));
      opts.onProgress?.(i + 1, screens.length);
    }
  } finally {
    const back = screens[Math.min(start, screens.length - 1)];
    if (back) {
      store.setState({ presentIndex: Math.min(start, screens.length - 1) });
      store.getState().showScreen(back.id);
    }
  }
  return out;
}
