/**
 * Map capture for exports and printing: the MapLibre canvas (basemap), the deck.gl canvas
 * (planning layers) and the DOM markers (街道 names, plan symbols) drawn into one 2D
 * canvas. Both WebGL canvases keep their drawing buffer (MapLibre: preserveDrawingBuffer
 * set in MapView; deck.gl/luma.gl: its default), so a capture right after a rendered frame
 * is never blank. `waitForMapRendered` waits for MapLibre's 'idle' and for deck.gl to have
 * drawn the layers last handed to it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { msg, type MessageKey } from '../i18n';
import { appStore } from '../state/store';

/** An error in the user's language (capture runs from the UI, which shows the message). */
const failure = (key: MessageKey): Error => new Error(msg(appStore.getState().lang, key));

let theMap: MapLibreMap | null = null;
let layersSetSeq = 0;
let layersDrawnSeq = 0;
let layersKey: unknown[] = [];
let viewSeq = 0;

/** MapView registers its map (null on unmount). */
export function registerCaptureMap(map: MapLibreMap | null): void {
  theMap = map;
}

export function captureMapInstance(): MapLibreMap | null {
  return theMap;
}

/** MapView: new deck.gl layers, built from `key` (the store values they come from), were handed to the overlay. */
export function noteLayersSet(key: unknown[]): void {
  layersSetSeq++;
  layersKey = key;
}

/** MapView: the view request `seq` was applied. */
export function noteViewApplied(seq: number): void {
  viewSeq = seq;
}

/** The map has been handed layers built from exactly `key` and has applied view request `seq`. */
export function mapShows(key: unknown[], seq: number): boolean {
  return viewSeq >= seq && key.length === layersKey.length && key.every((x, i) => x === layersKey[i]);
}

/** MapView: deck.gl finished a frame (onAfterRender). */
export function noteDeckFrame(): void {
  layersDrawnSeq = layersSetSeq;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Resolves when the basemap is idle and deck.gl has drawn the latest layers (rejects after `timeoutMs`). */
export async function waitForMapRendered(timeoutMs = 20_000): Promise<void> {
  const map = theMap;
  if (!map) throw failure('map.notReady');
  const t0 = performance.now();
  await frame();
  if (!map.loaded() || map.isMoving()) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(failure('map.renderTimeout')), timeoutMs);
      map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
      map.triggerRepaint();
    });
  }
  while (layersDrawnSeq < layersSetSeq) {
    if (performance.now() - t0 > timeoutMs) throw failure('map.layersTimeout');
    await frame();
  }
  await frame();
}

function drawMarker(ctx: CanvasRenderingContext2D, el: HTMLElement, x: number, y: number, w: number, h: number): void {
  const cs = getComputedStyle(el);
  const text = el.textContent ?? '';
  ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const cx = x + w / 2;
  const cy = y + h / 2;
  if (el.classList.contains('plan-symbol')) {
    const r = Math.min(w, h) / 2;
    ctx.beginPath();
    ctx.arc(cx, cy, r - 1, 0, Math.PI * 2);
    ctx.fillStyle = cs.backgroundColor;
    ctx.fill();
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = parseFloat(cs.borderTopWidth) || 2;
    ctx.strokeStyle = cs.borderTopColor;
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = cs.color;
    ctx.fillText(text, cx, cy + 0.5);
    return;
  }
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.strokeText(text, cx, cy);
  ctx.fillStyle = cs.color;
  ctx.fillText(text, cx, cy);
}

/**
 * One canvas of the map as it is on screen: every canvas in the map's container in DOM
 * order (basemap, then deck.gl), then the markers. `pixelRatio` of the output (default: the screen's).
 */
export function captureMapCanvas(pixelRatio = window.devicePixelRatio || 1): HTMLCanvasElement {
  const map = theMap;
  if (!map) throw failure('map.notReady');
  const box = map.getContainer().getBoundingClientRect();
  const out = document.createElement('canvas');
  out.width = Math.round(box.width * pixelRatio);
  out.height = Math.round(box.height * pixelRatio);
  const ctx = out.getContext('2d');
  if (!ctx) throw failure('map.noCanvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const c of map.getContainer().querySelectorAll('canvas')) {
    const r = c.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    ctx.drawImage(c, (r.left - box.left) * pixelRatio, (r.top - box.top) * pixelRatio, r.width * pixelRatio, r.height * pixelRatio);
  }
  ctx.save();
  ctx.scale(pixelRatio, pixelRatio);
  for (const el of map.getContainer().querySelectorAll<HTMLElement>('.maplibregl-marker')) {
    const r = el.getBoundingClientRect();
    if (r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom) continue;
    drawMarker(ctx, el, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  ctx.restore();
  return out;
}
