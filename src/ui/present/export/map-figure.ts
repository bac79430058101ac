/**
 * The map as a finished figure: title and subtitle above, the captured map with a legend
 * of the visible layers, a north arrow and a scale bar on it, date and data source below.
 */
import { KG_TYPES, enumLabel } from '../../../data/schema';
import { attributionOf } from '../../../map/basemap-controller';
import { captureMapInstance } from '../../../map/map-capture';
import { KG_TYPE_COLOR, STATUS_COLOR, rgbCss } from '../../../map/palette';
import { todayIso } from '../../../state/analysis-slice';
import type { AppState } from '../../../state/store';
import type { MapLayerKey } from '../../../state/ui-slice';
import { formatDateZh } from '../../format';
import { m, msg, type Lang } from '../../../i18n';

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

export interface FigureText {
  title: string;
  subtitle: string;
  footer: string;
  visible: Record<MapLayerKey, boolean>;
  lang: Lang;
}

export interface LegendItem {
  label: string;
  fill?: string;
  stroke?: string;
  dashed?: boolean;
}

/** 制图日期 … · 数据来源 … · 底图 … */
export function figureFooter(s: AppState): string {
  const basemap = attributionOf(s.basemap, s.lang);
  return msg(s.lang, 'present.ui.footer', {
    date: formatDateZh(todayIso()),
    source: s.meta?.name ?? m('present.ui.importedData'),
    generated: s.meta?.generated?.length ? m('present.ui.footerGenerated') : '',
    basemap: basemap ? m('present.ui.footerBasemap', { name: basemap }) : '',
  });
}

export function legendItems(v: Record<MapLayerKey, boolean>, lang: Lang): LegendItem[] {
  const items: LegendItem[] = [];
  if (v.kindergartens) KG_TYPES.forEach((ty) => items.push({ label: msg(lang, 'present.ui.legendKg', { type: enumLabel(lang, 'kindergartens', 'type', ty) }), fill: rgbCss(KG_TYPE_COLOR[ty]) }));
  if (v.plan_projects) items.push({ label: msg(lang, 'layerPlan'), stroke: rgbCss(KG_TYPE_COLOR.public), dashed: true });
  if (v.catchments) items.push({ label: msg(lang, 'layerCatchments'), fill: rgbCss(KG_TYPE_COLOR.public, 0.15), stroke: rgbCss(KG_TYPE_COLOR.public, 0.6) });
  if (v.uncovered) items.push({ label: msg(lang, 'layerUncovered'), fill: rgbCss(STATUS_COLOR.bad, 0.7) });
  if (v.kg_status) {
    items.push({ label: msg(lang, 'ragGreen'), stroke: rgbCss(STATUS_COLOR.ok) });
    items.push({ label: msg(lang, 'ragRed'), stroke: rgbCss(STATUS_COLOR.bad) });
  }
  if (v.communities) items.push({ label: msg(lang, 'layerCommunities'), fill: rgbCss(STATUS_COLOR.warn, 0.5), stroke: rgbCss(STATUS_COLOR.warn) });
  if (v.population) items.push({ label: msg(lang, 'layerPopulation'), fill: 'rgb(150,172,206)' });
  return items;
}

/** A round length for a scale bar at most `maxM` long: 1, 2 or 5 × 10^k metres. */
export function niceScaleM(maxM: number): number {
  const p = 10 ** Math.floor(Math.log10(maxM));
  for (const f of [5, 2, 1]) if (f * p <= maxM) return f * p;
  return p;
}

export function drawLegend(ctx: CanvasRenderingContext2D, items: LegendItem[], x: number, bottom: number, u: number): void {
  if (items.length === 0) return;
  const row = 20 * u;
  ctx.font = `${13 * u}px ${FONT}`;
  const w = Math.max(...items.map((i) => ctx.measureText(i.label).width)) + 44 * u;
  const h = items.length * row + 12 * u;
  const y0 = bottom - h;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#9aa4b2';
  ctx.lineWidth = 1;
  ctx.fillRect(x, y0, w, h);
  ctx.strokeRect(x, y0, w, h);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  items.forEach((it, k) => {
    const cy = y0 + 6 * u + row * k + row / 2;
    ctx.beginPath();
    ctx.arc(x + 16 * u, cy, 6 * u, 0, Math.PI * 2);
    if (it.fill) {
      ctx.fillStyle = it.fill;
      ctx.fill();
    }
    if (it.stroke) {
      ctx.setLineDash(it.dashed ? [3 * u, 2 * u] : []);
      ctx.lineWidth = 2 * u;
      ctx.strokeStyle = it.stroke;
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#1d2733';
    ctx.fillText(it.label, x + 30 * u, cy);
  });
}

export function drawNorthArrow(ctx: CanvasRenderingContext2D, cx: number, top: number, u: number): void {
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(cx, top + 26 * u, 22 * u, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#1d2733';
  ctx.beginPath();
  ctx.moveTo(cx, top + 10 * u);
  ctx.lineTo(cx + 9 * u, top + 38 * u);
  ctx.lineTo(cx, top + 31 * u);
  ctx.lineTo(cx - 9 * u, top + 38 * u);
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold ${12 * u}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText('N', cx, top + 10 * u);
}

export function drawScaleBar(ctx: CanvasRenderingContext2D, right: number, bottom: number, metresPerPx: number, u: number, lang: Lang): void {
  const lengthM = niceScaleM(metresPerPx * 160 * u);
  const px = lengthM / metresPerPx;
  const x0 = right - px;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x0 - 8 * u, bottom - 34 * u, px + 16 * u, 30 * u);
  ctx.fillStyle = '#1d2733';
  ctx.fillRect(x0, bottom - 12 * u, px, 4 * u);
  ctx.fillRect(x0, bottom - 18 * u, 2 * u, 10 * u);
  ctx.fillRect(x0 + px - 2 * u, bottom - 18 * u, 2 * u, 10 * u);
  ctx.font = `${12 * u}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(lengthM >= 1000 ? msg(lang, 'present.ui.scaleKm', { n: lengthM / 1000 }) : msg(lang, 'present.ui.scaleM', { n: lengthM }), x0 + px / 2, bottom - 18 * u);
}

/** Compose the figure around a captured map canvas (see captureMapCanvas). */
export function composeMapFigure(map: HTMLCanvasElement, text: FigureText): HTMLCanvasElement {
  const m = captureMapInstance();
  const cssW = m ? m.getContainer().getBoundingClientRect().width : map.width;
  const ratio = map.width / Math.max(1, cssW);
  const u = ratio; // one CSS px of the map in output pixels
  const head = 64 * u;
  const foot = 26 * u;
  const out = document.createElement('canvas');
  out.width = map.width;
  out.height = map.height + head + foot;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#17365d';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.font = `600 ${24 * u}px ${FONT}`;
  ctx.fillText(text.title, 14 * u, 8 * u);
  ctx.font = `${14 * u}px ${FONT}`;
  ctx.fillStyle = '#4a5668';
  ctx.fillText(text.subtitle, 14 * u, 40 * u);
  ctx.drawImage(map, 0, head);
  if (m) {
    const lat = m.getCenter().lat;
    const metresPerCssPx = (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** m.getZoom());
    drawScaleBar(ctx, out.width - 16 * u, head + map.height - 8 * u, metresPerCssPx / ratio, u, text.lang);
  }
  drawNorthArrow(ctx, out.width - 40 * u, head + 12 * u, u);
  drawLegend(ctx, legendItems(text.visible, text.lang), 12 * u, head + map.height - 12 * u, u);
  ctx.fillStyle = '#4a5668';
  ctx.font = `${11 * u}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(text.footer, 14 * u, head + map.height + foot / 2, out.width - 28 * u);
  return out;
}

export interface MapDecorations {
  legend: boolean;
  northArrow: boolean;
  scaleBar: boolean;
  visible: Record<MapLayerKey, boolean>;
  lang: Lang;
}

/** The captured map with the chosen legend, north arrow and scale bar drawn on it (print layout composer). */
export function decorateMap(map: HTMLCanvasElement, d: MapDecorations): HTMLCanvasElement {
  const m = captureMapInstance();
  const cssW = m ? m.getContainer().getBoundingClientRect().width : map.width;
  const u = map.width / Math.max(1, cssW);
  const out = document.createElement('canvas');
  out.width = map.width;
  out.height = map.height;
  const ctx = out.getContext('2d')!;
  ctx.drawImage(map, 0, 0);
  if (d.scaleBar && m) {
    const lat = m.getCenter().lat;
    const metresPerCssPx = (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** m.getZoom());
    drawScaleBar(ctx, out.width - 16 * u, map.height - 8 * u, metresPerCssPx / u, u, d.lang);
  }
  if (d.northArrow) drawNorthArrow(ctx, out.width - 40 * u, 12 * u, u);
  if (d.legend) drawLegend(ctx, legendItems(d.visible, d.lang), 12 * u, map.height - 12 * u, u);
  return out;
}
