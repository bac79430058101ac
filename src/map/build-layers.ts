/** deck.gl layers from the store's data (and, when present, analysis results). */
import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { AdminUnit, Community, Kindergarten, LayerRows, PopulationCell } from '../data/schema';
import type { MapLayerKey } from '../state/ui-slice';
import { cellSquare, polygonsOf, type PolygonDatum } from './geometry';
import { KG_TYPE_COLOR, STATUS_COLOR, densityColor, ledgerClass, type Rgb } from './palette';

/** Above this many population rows, cells are drawn as dots: squares cost a polygon each. */
export const MAX_CELL_SQUARES = 50_000;

export interface DrawData {
  admin: PolygonDatum<AdminUnit>[];
  communities: PolygonDatum<Community>[];
  /** cell squares; empty when the layer is too large to tessellate (drawn as dots instead) */
  cells: { polygon: [number, number][]; row: PopulationCell }[];
  district: [number, number][][];
}

/** Heavy, data-only preparation: run once per data version, not per frame. */
export function prepareDrawData(layers: LayerRows, districtRings: [number, number][][]): DrawData {
  return {
    admin: polygonsOf(layers.admin_units),
    communities: polygonsOf(layers.communities),
    cells: layers.population.length <= MAX_CELL_SQUARES ? layers.population.map((row) => ({ polygon: cellSquare(row), row })) : [],
    district: districtRings,
  };
}

/** Extra per-feature colours/flags from analysis (optional). */
export interface AnalysisOverlay {
  /** per population cell (index-aligned): 1 = covered */
  covered?: Uint8Array;
  radiusM?: number;
  /** per kindergarten (index-aligned) traffic-light status */
  kgStatus?: ('ok' | 'warn' | 'bad' | 'neutral')[];
  /** 街道 code → traffic-light status (children-weighted mean access) */
  streetStatus?: Record<string, 'ok' | 'warn' | 'bad' | 'neutral'>;
}

const withAlpha = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

export function buildDeckLayers(
  layers: LayerRows,
  draw: DrawData,
  visible: Record<MapLayerKey, boolean>,
  overlay: AnalysisOverlay = {},
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
    out.push(
      draw.cells.length > 0 || layers.population.length === 0
        ? new PolygonLayer<{ polygon: [number, number][]; row: PopulationCell }>({
            id: 'population',
            data: draw.cells,
            getPolygon: (d) => d.polygon,
            stroked: false,
            getFillColor: (d, { index }) => colorOf(d.row, index),
            updateTriggers: { getFillColor: [showUncovered, covered] },
            pickable: true,
          })
        : new ScatterplotLayer<PopulationCell>({
            // its own id: deck.gl cannot turn a layer of one class into another under the same id
            id: 'population-dots',
            data: layers.population,
            getPosition: (d) => [d.lon, d.lat],
            getRadius: (d) => (d.cell_size_m > 0 ? d.cell_size_m / 2 : 50),
            radiusUnits: 'meters',
            radiusMinPixels: 1,
            getFillColor: (d, { index }) => colorOf(d, index),
            updateTriggers: { getFillColor: [showUncovered, covered] },
            pickable: true,
          }),
    );
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
  if (visible.catchments && overlay.radiusM) {
    out.push(
      new ScatterplotLayer<Kindergarten>({
        id: 'catchments',
        data: layers.kindergartens.filter((k) => k.status === 'existing'),
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
  if (visible.kindergartens) {
    const st = visible.kg_status ? overlay.kgStatus : undefined;
    out.push(
      new ScatterplotLayer<Kindergarten>({
        id: 'kindergartens',
        data: layers.kindergartens,
        getPosition: (d) => [d.lon, d.lat],
        getRadius: (d) => 3 + Math.sqrt(Math.max(d.places, 0)) / 3,
        radiusUnits: 'pixels',
        getFillColor: (d) => withAlpha(KG_TYPE_COLOR[d.type], d.status === 'existing' ? 235 : 90),
        getLineColor: (_d, { index }) => (st ? withAlpha(STATUS_COLOR[st[index]], 255) : [255, 255, 255, 255]),
        getLineWidth: st ? 2.5 : 1.2,
        lineWidthUnits: 'pixels',
        stroked: true,
        pickable: true,
        updateTriggers: { getLineColor: [st], getLineWidth: [Boolean(st)] },
      }),
    );
  }
  return out;
}
