/** The map: MapLibre (offline style) with a deck.gl overlay built from the store. */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LAYERS, type LayerId } from '../data/schema';
import { useApp, appStore } from '../state/store';
import { selectCompareDiff, selectCurrentResult, selectOverlay, selectViewLayers } from '../state/selectors';
import { timings } from '../state/load-sample';
import sampleBasemapUrl from '../../data/basemap.geojson?url';
import { bboxOfRings, buildBasemapStyle } from './basemap';
import { createBasemapController, type BasemapController } from './basemap-controller';
import { buildDeckLayers, prepareDrawData, type BinDatum } from './build-layers';
import { MarkerGroup } from './dom-markers';
import { noteDeckFrame, noteLayersSet, noteViewApplied, registerCaptureMap } from './map-capture';
import { FOCUS_POINT_ZOOM, focusTarget } from './focus-target';
import { sitingLayers } from './siting-layers';
import { networkPaths, walkLayers } from './walk-layers';
import { isochronesOf } from '../analysis/network/network-reach';
import { DEFAULT_WALK_SNAP_MAX_M } from '../analysis/params';
import { LABEL_MIN_ZOOM, overdueMarks } from './ledger-layers';
import { ringsOf } from './geometry';
import { planSymbolSpecs, streetLabelSpecs } from './marker-specs';

setWorkerUrl(workerUrl);
const BASEMAP_CTX = { sampleUrl: sampleBasemapUrl };

const PICKABLE: Record<string, LayerId> = {
  kindergartens: 'kindergartens',
  communities: 'communities',
  population: 'population',
  admin_units: 'admin_units',
  plan_projects: 'plan_projects',
  childcare_centres: 'childcare_centres',
};

function rowOf(info: PickingInfo): Record<string, unknown> | null {
  const o = info.object as Record<string, unknown> | undefined;
  if (!o) return null;
  return (o.row as Record<string, unknown>) ?? o;
}

function pickedOf(info: PickingInfo): { layer: LayerId; id: string } | null {
  const layer = info.layer ? PICKABLE[info.layer.id] : undefined;
  const row = rowOf(info);
  if (!layer || !row) return null;
  return { layer, id: String(row[LAYERS[layer].key]) };
}

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const basemapRef = useRef<BasemapController | null>(null);
  const labelsRef = useRef<MarkerGroup | null>(null);
  const plansRef = useRef<MarkerGroup | null>(null);
  const layers = useApp(selectViewLayers);
  const district = useApp((s) => s.district);
  const visible = useApp((s) => s.visible);
  const basemap = useApp((s) => s.basemap);
  const lang = useApp((s) => s.lang);
  const baseOverlay = useApp(selectOverlay);
  const diff = useApp(selectCompareDiff);
  const gapRows = useApp((s) => selectCurrentResult(s)?.communities);
  const orangeDays = useApp((s) => s.params.escalationOrangeDays);
  const redDays = useApp((s) => s.params.escalationRedDays);
  const ledgerOverdue = useMemo(
    () => overdueMarks(layers.communities, gapRows ?? [], { orangeDays, redDays }),
    [layers.communities, gapRows, orangeDays, redDays],
  );
  const overlay = useMemo(() => ({ ...baseOverlay, ...(diff.length ? { diff } : {}), ledgerOverdue }), [baseOverlay, diff, ledgerOverdue]);
  const sitingOpen = useApp((s) => s.sitingOpen);
  const sitingAnswer = useApp((s) => s.sitingExact ?? s.sitingHeuristic);
  const candMode = useApp((s) => s.candidateMode);
  const spacing = useApp((s) => s.gridSpacingM);
  const clicks = useApp((s) => s.clickCandidates);
  const plots = useApp((s) => s.plotCandidates);
  const radiusM = useApp((s) => s.params.radiusM);
  const candidates = useMemo(() => (sitingOpen ? appStore.getState().currentCandidates() : []), [sitingOpen, candMode, spacing, clicks, plots, layers.population]);
  // walking distance: the chosen sites' reach as isochrones (a few Dijkstra runs, here on the page)
  const walkGraph = useApp((s) => (s.params.distanceMode === 'walking' ? s.walkNetwork?.graph : undefined));
  const snapMaxM = useApp((s) => s.params.walkSnapMaxM ?? DEFAULT_WALK_SNAP_MAX_M);
  const reachPolygons = useMemo(
    () => (sitingOpen && sitingAnswer && walkGraph ? isochronesOf(walkGraph, sitingAnswer.sites.map((x) => x.lon), sitingAnswer.sites.map((x) => x.lat), radiusM, snapMaxM) : undefined),
    [sitingOpen, sitingAnswer, walkGraph, snapMaxM, radiusM],
  );
  const siting = useMemo(() => (sitingOpen ? sitingLayers({ candidates, answer: sitingAnswer, population: layers.population, reachPolygons }, radiusM) : []), [sitingOpen, candidates, sitingAnswer, layers.population, radiusM, reachPolygons]);
  const walkNet = useApp((s) => (s.params.distanceMode === 'walking' ? s.walkNetwork : null));
  const walking = useApp((s) => selectCurrentResult(s)?.walking);
  const walkPaths = useMemo(() => (walkNet ? networkPaths(walkNet.graph) : null), [walkNet]);
  const edits = useApp((s) => s.scenarios.find((x) => x.id === s.currentScenarioId)?.networkEdits);
  const pathStart = useApp((s) => s.networkPathStart);
  const walk = useMemo(
    () => walkLayers({ paths: walkPaths, walking, showNetwork: visible.walk_network, showCatchments: visible.catchments, showNearest: visible.walk_nearest, edits, pathStart }),
    [walkPaths, walking, visible.walk_network, visible.catchments, visible.walk_nearest, edits, pathStart],
  );
  const focusSeq = useApp((s) => s.focusSeq);
  // community names only when zoomed in (re-rendered when the zoom crosses LABEL_MIN_ZOOM)
  const [labels, setLabels] = useState(false);

  const districtRings = useMemo(
    () => (district ? district.features.flatMap((f) => ringsOf(JSON.stringify(f.geometry))) : []),
    [district],
  );
  const draw = useMemo(() => prepareDrawData(layers, districtRings), [layers, districtRings]);

  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style: buildBasemapStyle(appStore.getState().basemap, BASEMAP_CTX),
      center: [109.78, 40.66],
      zoom: 11.3,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('zoom', () => setLabels(map.getZoom() >= LABEL_MIN_ZOOM));
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    basemapRef.current = createBasemapController(map, BASEMAP_CTX);
    const deckOverlay = new MapLibreOverlay({
      layers: [],
      onAfterRender: () => {
        noteDeckFrame();
        // first frame with data, in ms since navigation (the README's start-up figure)
        if (timings.firstDataFrameMs === undefined && appStore.getState().layers.kindergartens.length > 0) timings.firstDataFrameMs = performance.now();
        else timings.firstFrameMs ??= performance.now();
      },
      onHover: (info) => {
        if (info.layer?.id === 'population-bins' && info.object) {
          const b = info.object as BinDatum;
          appStore.getState().setHovered({ layer: 'population', id: '', x: info.x, y: info.y, bin: { binM: b.binM, rows: b.rows, residents: b.residents, children: b.children, uncovered: b.uncovered } });
          return;
        }
        const p = pickedOf(info);
        appStore.getState().setHovered(p ? { ...p, x: info.x, y: info.y } : null);
      },
      onClick: (info) => {
        const st = appStore.getState();
        if (st.addingSite && info.coordinate) {
          st.addNewBuildAt(info.coordinate[0], info.coordinate[1]);
          return;
        }
        if (st.pickingCandidate && info.coordinate) {
          st.addClickCandidate(info.coordinate[0], info.coordinate[1]);
          return;
        }
        if (st.networkTool !== 'none' && info.coordinate) {
          st.networkMapClick(info.coordinate[0], info.coordinate[1]);
          return;
        }
        st.select(pickedOf(info));
      },
      getCursor: ({ isHovering }) => (appStore.getState().addingSite || appStore.getState().pickingCandidate || appStore.getState().networkTool !== 'none' ? 'crosshair' : isHovering ? 'pointer' : 'grab'),
    });
    map.addControl(deckOverlay);
    mapRef.current = map;
    labelsRef.current = new MarkerGroup(map);
    plansRef.current = new MarkerGroup(map);
    overlayRef.current = deckOverlay;
    (window as unknown as { __xwghMap?: MapLibreMap }).__xwghMap = map;
    registerCaptureMap(map);
    // the 汇报 story saves views: keep the store told where the map is
    map.on('moveend', () => {
      const c = map.getCenter();
      appStore.getState().setMapView({ center: [c.lng, c.lat], zoom: map.getZoom() });
    });
    return () => {
      registerCaptureMap(null);
      map.remove();
      mapRef.current = null;
      basemapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  useEffect(() => {
    basemapRef.current?.apply(basemap, lang);
  }, [basemap, lang]);

  // frame where people live (most of a district can be hills or industry), else the boundary
  const frame = useMemo(() => {
    const pts: [number, number][] = [...layers.population, ...layers.kindergartens].map((r) => [r.lon, r.lat]);
    return bboxOfRings(pts.length > 0 ? [pts] : districtRings);
  }, [layers.population, layers.kindergartens, districtRings]);
  const framed = useRef<string>('');
  useEffect(() => {
    const key = JSON.stringify(frame);
    if (frame && mapRef.current && framed.current !== key) {
      framed.current = key;
      mapRef.current.fitBounds(frame, { padding: 30, duration: 0 });
    }
  }, [frame]);

  // a 汇报 screen asks for its saved view (or for the data framed)
  const viewRequest = useApp((s) => s.mapViewRequest);
  const appliedView = useRef(0);
  useEffect(() => {
    const map = mapRef.current;
    if (!viewRequest || !map || appliedView.current === viewRequest.seq) return;
    appliedView.current = viewRequest.seq;
    map.resize(); // the player changes the map's size in the same render
    if (viewRequest.center && viewRequest.zoom !== null) map.jumpTo({ center: viewRequest.center, zoom: viewRequest.zoom });
    else if (frame) map.fitBounds(frame, { padding: 30, duration: 0 });
    noteViewApplied(viewRequest.seq);
  }, [viewRequest, frame]);

  useEffect(() => {
    noteLayersSet([layers, visible, baseOverlay]);
    const base = buildDeckLayers(layers, draw, visible, overlay, { labels });
    // the walking network's layers go under the kindergarten points
    const at = base.findIndex((l) => l.id === 'kindergartens');
    if (walk.length) base.splice(at < 0 ? base.length : at, 0, ...walk);
    overlayRef.current?.setProps({ layers: [...base, ...siting] });
  }, [layers, draw, visible, overlay, baseOverlay, labels, siting, walk]);

  // focus(picked): fly to the selected feature (polygon bounds, or a point at FOCUS_POINT_ZOOM)
  useEffect(() => {
    const map = mapRef.current;
    const picked = appStore.getState().selected;
    if (focusSeq === 0 || !map || !picked) return;
    const target = focusTarget(selectViewLayers(appStore.getState()), picked);
    // the open table drawer covers the lower part of the map: aim at the part still visible
    const covered = document.querySelector('.drawer.open')?.getBoundingClientRect().height ?? 0;
    if (target?.kind === 'bounds') map.fitBounds(target.bounds, { padding: { top: 60, left: 80, right: 80, bottom: covered + 40 }, maxZoom: FOCUS_POINT_ZOOM, duration: 800 });
    else if (target) map.easeTo({ center: target.center, zoom: Math.max(map.getZoom(), FOCUS_POINT_ZOOM), offset: [0, -covered / 2], duration: 800 });
  }, [focusSeq]);

  // 选址 results: show every chosen site above the table drawer (which covers the lower part of the map)
  useEffect(() => {
    const map = mapRef.current;
    const sites = sitingAnswer?.sites ?? [];
    if (!map || sites.length === 0) return;
    const lons = sites.map((x) => x.lon);
    const lats = sites.map((x) => x.lat);
    const pad = 0.004; // ≈ 300–450 m: the sites' reach stays in view
    const covered = document.querySelector('.drawer.open')?.getBoundingClientRect().height ?? 0;
    map.fitBounds(
      [
        [Math.min(...lons) - pad, Math.min(...lats) - pad],
        [Math.max(...lons) + pad, Math.max(...lats) + pad],
      ],
      { padding: { top: 60, left: 60, right: 60, bottom: covered + 40 }, maxZoom: FOCUS_POINT_ZOOM, duration: 600 },
    );
  }, [sitingAnswer]);

  useEffect(() => {
    labelsRef.current?.sync(visible.admin_units ? streetLabelSpecs(layers.admin_units) : []);
  }, [layers.admin_units, visible.admin_units]);

  useEffect(() => {
    const st = appStore.getState();
    plansRef.current?.sync(visible.plan_projects ? planSymbolSpecs(layers.plan_projects, st.select, st.setHovered, lang) : []);
  }, [layers.plan_projects, visible.plan_projects, lang]);

  return <div ref={container} className="map" data-testid="map" />;
}
