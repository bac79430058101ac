/**
 * The print layout composer's page geometry (pure, mm): paper A4 / A3, portrait or
 * landscape; a title band, the map (keeping the captured map's aspect), a column or row
 * of KPI cards, a chart and a source line, each only when chosen. Landscape puts the cards
 * and chart to the right of the map, portrait below it.
 */

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

export interface PrintOptions {
  paper: Paper;
  orientation: Orientation;
  title: string;
  subtitle: string;
  legend: boolean;
  scaleBar: boolean;
  northArrow: boolean;
  cards: boolean;
  chart: boolean;
  source: boolean;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PrintLayout {
  pageW: number;
  pageH: number;
  /** scale of type against A4 (A3 = √2) */
  typeScale: number;
  title: Box;
  map: Box;
  cards: Box[];
  chart: Box | null;
  source: Box | null;
}

export const PAPER_MM: Record<Paper, [number, number]> = { A4: [210, 297], A3: [297, 420] };
const MARGIN = 12;
const GAP = 5;

/** Card boxes in a grid of `cols` columns filling `area` from the top, `rowH` high. */
function cardGrid(n: number, area: Box, cols: number, rowH: number): Box[] {
  const w = (area.w - GAP * (cols - 1)) / cols;
  return Array.from({ length: n }, (_, i) => ({ x: area.x + (i % cols) * (w + GAP), y: area.y + Math.floor(i / cols) * (rowH + GAP), w, h: rowH }));
}

/**
 * Boxes for a page. `mapAspect` = width / height of the captured map; `nCards` KPI cards.
 * The map box is the largest of that aspect inside the space left for it.
 */
export function layoutPrint(o: Pick<PrintOptions, 'paper' | 'orientation' | 'cards' | 'chart' | 'source'>, mapAspect: number, nCards: number): PrintLayout {
  const [a, b] = PAPER_MM[o.paper];
  const pageW = o.orientation === 'portrait' ? a : b;
  const pageH = o.orientation === 'portrait' ? b : a;
  const k = o.paper === 'A3' ? Math.SQRT2 : 1;
  const title: Box = { x: MARGIN, y: MARGIN - 2, w: pageW - 2 * MARGIN, h: 17 * k };
  const source: Box | null = o.source ? { x: MARGIN, y: pageH - MARGIN - 4 * k, w: pageW - 2 * MARGIN, h: 5 * k } : null;
  const top = title.y + title.h + GAP;
  const bottom = (source ? source.y : pageH - MARGIN) - GAP;
  const cardsShown = o.cards && nCards > 0;
  const side = cardsShown || o.chart;
  const rowH = 20 * k;
  let map: Box;
  let cards: Box[] = [];
  let chart: Box | null = null;
  const fitMap = (area: Box): Box => {
    const w = Math.min(area.w, area.h * mapAspect);
    const h = w / mapAspect;
    return { x: area.x, y: area.y, w, h };
  };
  if (o.orientation === 'landscape') {
    const colW = side ? Math.min(110 * k, (pageW - 2 * MARGIN) * 0.36) : 0;
    const mapArea: Box = { x: MARGIN, y: top, w: pageW - 2 * MARGIN - (side ? colW + GAP : 0), h: bottom - top };
    map = fitMap(mapArea);
    const colX = map.x + map.w + GAP;
    const colWReal = side ? pageW - MARGIN - colX : 0;
    let y = top;
    if (cardsShown) {
      cards = cardGrid(nCards, { x: colX, y, w: colWReal, h: 0 }, 2, rowH);
      y += Math.ceil(nCards / 2) * (rowH + GAP);
    }
    if (o.chart) chart = { x: colX, y: y + 6 * k, w: colWReal, h: Math.max(30, Math.min(colWReal * 0.62, bottom - y - 6 * k)) };
  } else {
    const cols = 4;
    const cardsH = cardsShown ? Math.ceil(nCards / cols) * (rowH + GAP) : 0;
    const chartH = o.chart ? Math.min(70 * k, (bottom - top) * 0.25) : 0;
    const mapArea: Box = { x: MARGIN, y: top, w: pageW - 2 * MARGIN, h: bottom - top - cardsH - (o.chart ? chartH + 6 * k + GAP : 0) };
    map = fitMap(mapArea);
    map = { ...map, x: MARGIN + (mapArea.w - map.w) / 2 };
    let y = map.y + map.h + GAP;
    if (cardsShown) {
      cards = cardGrid(nCards, { x: MARGIN, y, w: pageW - 2 * MARGIN, h: 0 }, cols, rowH);
      y += cardsH;
    }
    if (o.chart) chart = { x: MARGIN, y: y + 6 * k, w: pageW - 2 * MARGIN, h: chartH };
  }
  return { pageW, pageH, typeScale: k, title, map, cards, chart, source };
}
