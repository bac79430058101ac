/** deck.gl layers from the store's data (and, when present, analysis results). */
import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { suppliesPlaces } from '../analysis/supply';
import type { AdminUnit, ChildcareCentre, Community, Kindergarten, LayerRows, PopulationCell } from '../data/schema';
import type { AnalysisOverlay } from '../state/map-overlay';
import type { MapLayerKey } from '../state/ui-slice';
import { binPopulation, uncoveredChildrenByBin, type PopulationBin, type PopulationBins } from './aggregate';
import { cellSquare, polygonsOf, type PolygonDatum } from './geometry';
import { communityLabelLayer, overdueLayers } from './ledger-layers';

export type { AnalysisOverlay } from '../state/map-overlay';
import { KG_TYPE_COLOR, STATUS_COLOR, densityColor, ledgerClass, type Rgb } from './palette';

/** Above this many population rows, rows are summed into bins for drawing (see aggregate.ts). */
export const MAX_CELL_SQUARES = 50_000;

export interface DrawData {
  admin: PolygonDatum<AdminUnit>[];
  communities: PolygonDatum<Community>[];
  /** cell squares; empty when the layer is too large (then drawn as bins) */
  cells: { polygon: [number, number][]; row: PopulationCell }[];
  /** bins of a layer above MAX_CELL_SQUARES rows, else null */
  bins: PopulationBins | null;
  district: [number, number][][];
}

/** Heavy, data-only preparation: run once per data version, not per frame. */
export function prepareDrawData(layers: LayerRows, districtRings: [number, number][][]): DrawData {
  return {
    admin: polygonsOf(layers.admin_units),
    communities: polygonsOf(layers.communities),
    cells: layers.population.length <= MAX_CELL_SQUARES ? layers.population.map((row) => ({ polygon: cellSquare(row), row })) : [],
    bins: layers.population.length > MAX_CELL_SQUARES ? binPopulation(layers.population) : null,
    district: districtRings,
  };
}

/** View-dependent drawing choices (set by the map from its zoom). */
export interface ViewOptions {
  /** draw community names (zoomed in far enough) */
  labels?: boolean;
}

const withAlpha = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

export function buildDeckLayers(
  layers: LayerRows,
  draw: DrawData,
  visible: Record<MapLayerKey, boolean>,
  overlay: AnalysisOverlay = {},
  view: ViewOptions = {},
): Layer[] {
  const out: Layer[] = [];
  out.push(
    new PathLayer<[number, number][]>({
      id: 'district-outline',
      data: draw.district,
      getPath: (d) => d,
      getColor: [60, 70, 90, 255],
      getWidth: 2.5,
      widthUnits: 'pixels',
    }),
  );
  if (visible.admin_units) {
    out.push(
      new PathLayer<PolygonDatum<AdminUnit>>({
        id: 'admin_units',
        data: draw.admin,
        getPath: (d) => d.polygon,
        getColor: [110, 120, 140, 200],
        getWidth: 1.2,
        widthUnits: 'pixels',
      }),
    );
  }
  if (visible.population) {
    const covered = overlay.covered;
    const showUncovered = visible.uncovered && covered;
    const colorOf = (row: PopulationCell, index: number): [number, number, number, number] =>
      showUncovered && covered
        ? covered[index] === 0
          ? withAlpha(STATUS_COLOR.bad, row.children_3_5 > 0 ? 210 : 90)
          : withAlpha(STATUS_COLOR.neutral, 70)
        : withAlpha(densityColor(row.residents), 170);
    if (draw.bins) out.push(binLayer(draw.bins, layers.population, covered, Boolean(showUncovered)));
    else {
      out.push(
        new PolygonLayer<{ polygon: [number, number][]; row: PopulationCell }>({
          id: 'population',
          data: draw.cells,
          getPolygon: (d) => d.polygon,
          stroked: false,
          getFillColor: (d, { index }) => colorOf(d.row, index),
          updateTriggers: { getFillColor: [showUncovered, covered] },
          pickable: true,
        }),
      );
    }
  }
  if (visible.communities) {
    out.push(
      new PolygonLayer<PolygonDatum<Community>>({
        id: 'communities',
        data: draw.communities,
        getPolygon: (d) => d.polygon,
        getFillColor: (d) => withAlpha(STATUS_COLOR[ledgerClass(d.row.supporting_kg_status)], d.row.supporting_kg_status ? 150 : 60),
        getLineColor: (d) => withAlpha(STATUS_COLOR[ledgerClass(d.row.supporting_kg_status)], 255),
        getLineWidth: 1,
        lineWidthUnits: 'pixels',
        pickable: true,
      }),
    );
  }
  if (visible.ledger_overdue && overlay.ledgerOverdue?.length) out.push(...overdueLayers(overlay.ledgerOverdue));
  if (visible.catchments && overlay.radiusM) {
    out.push(
      new ScatterplotLayer<Kindergarten>({
        id: 'catchments',
        data: layers.kindergartens.filter(suppliesPlaces),
        getPosition: (d) => [d.lon, d.lat],
        getRadius: overlay.radiusM,
        radiusUnits: 'meters',
        getFillColor: (d) => withAlpha(KG_TYPE_COLOR[d.type], 30),
        getLineColor: (d) => withAlpha(KG_TYPE_COLOR[d.type], 140),
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        updateTriggers: { getRadius: overlay.radiusM },
      }),
    );
  }
  const streetStatus = visible.kg_status ? overlay.streetStatus : undefined;
  if (streetStatus) {
    out.push(
      new PolygonLayer<PolygonDatum<AdminUnit>>({
        id: 'admin_units-status',
        data: draw.admin,
        getPolygon: (d) => d.polygon,
        stroked: false,
        getFillColor: (d) => withAlpha(STATUS_COLOR[streetStatus[d.row.code] ?? 'neutral'], 60),
        updateTriggers: { getFillColor: [streetStatus] },
      }),
    );
  }
  if (visible.childcare_centres && layers.childcare_centres?.length) {
    out.push(
      new ScatterplotLayer<ChildcareCentre>({
        id: 'childcare_centres',
        data: layers.childcare_centres,
        getPosition: (d) => [d.lon, d.lat],
        getRadius: (d) => 2.5 + Math.sqrt(Math.max(d.places, 0)) / 3,
        radiusUnits: 'pixels',
        getFillColor: [233, 120, 160, 220],
        getLineColor: [255, 255, 255, 255],
        getLineWidth: 1,
        lineWidthUnits: 'pixels',
        stroked: true,
        pickable: true,
      }),
    );
  }
  if (visible.kindergartens) {
    // the statuses belong to the result of these very rows: a row added since (a new build being
    // placed) has none until the result arrives, and a stale array must not be indexed
    const st = visible.kg_status && overlay.kgStatus?.length === layers.kindergartens.length ? overlay.kgStatus : undefined;
    out.push(
      new ScatterplotLayer<Kindergarten>({
        id: 'kindergartens',
        data: layers.kindergartens,
        getPosition: (d) => [d.lon, d.lat],
        getRadius: (d) => 3 + Math.sqrt(Math.max(d.places, 0)) / 3,
        radiusUnits: 'pixels',
        getFillColor: (d) => withAlpha(KG_TYPE_COLOR[d.type], suppliesPlaces(d) ? 235 : 90),
        getLineColor: (_d, { index }) => (st?.[index] ? withAlpha(STATUS_COLOR[st[index]], 255) : [255, 255, 255, 255]),
        getLineWidth: st ? 2.5 : 1.2,
        lineWidthUnits: 'pixels',
        stroked: true,
        pickable: true,
        updateTriggers: { getLineColor: [st], getLineWidth: [Boolean(st)] },
      }),
    );
  }
  if (overlay.diff && overlay.diff.length > 0) {
    out.push(
      new ScatterplotLayer<{ lon: number; lat: number; side: 'a' | 'b' }>({
        id: 'compare-diff',
        data: overlay.diff,
        getPosition: (d) => [d.lon, d.lat],
        getRadius: 16,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: (d) => (d.side === 'a' ? [230, 126, 34, 255] : [142, 68, 173, 255]),
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  if (visible.communities && view.labels) out.push(communityLabelLayer(layers.communities));
  return out;
}

/**
 * Bins of a very large population layer: density scaled to a 200 m cell (the legend's
 * unit), or, with the uncovered overlay, red whose opacity grows with the share of the
 * bin's children outside every catchment. Hovering shows the square's totals; it is not a row, so
 * a click selects nothing.
 */
/** `covered` (the analysis result, per row) gives the hover totals and, when `colourByUncovered`, the colours. */
function binLayer(p: PopulationBins, rows: PopulationCell[], covered: Uint8Array | undefined, colourByUncovered: boolean): Layer {
  const toCell200 = (200 / p.binM) ** 2;
  const outside = covered ? uncoveredChildrenByBin(p, rows, covered) : null;
  const unc = colourByUncovered ? outside : null;
  const data: BinDatum[] = p.bins.map((b, i) => ({ ...b, binM: p.binM, uncovered: outside ? outside[i] : null }));
  return new PolygonLayer<BinDatum>({
    id: 'population-bins',
    data,
    getPolygon: (b) => b.polygon,
    stroked: false,
    getFillColor: (b, { index }) =>
      unc
        ? unc[index] > 0
          ? withAlpha(STATUS_COLOR.bad, Math.round(30 + 200 * Math.min(1, unc[index] / Math.max(b.children, 1e-9))))
          : withAlpha(STATUS_COLOR.neutral, 70)
        : withAlpha(densityColor(b.residents * toCell200), 170),
    updateTriggers: { getFillColor: [unc] },
    pickable: true,
  });
}

/** A summed square as drawn and hovered: its totals, its size and the children outside every catchment. */
export interface BinDatum extends PopulationBin {
  binM: number;
  uncovered: number | null;
}
