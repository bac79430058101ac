/**
 * 方案对比 as two synchronised maps: the main map shows scenario A; this second MapLibre map
 * (with its own deck.gl overlay) covers the right half and shows scenario B in the same plan
 * year. The two are locked as one view — a pan or zoom on either moves the other so the
 * same ground lies at the same screen point (a swipe at the middle). Projects that differ
 * are ringed on both (orange = only in A, purple = only in B).
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { planSites, sitesAt } from '../../analysis/plan/supply-at';
import type { KgStatusRag } from '../../analysis/types';
import { planKindergartens } from '../../analysis/ledger/supply';
import { selectCompareDiff, selectCurrentScenario, selectLedgerSupply } from '../../state/selectors';
import { appStore, useApp } from '../../state/store';
import sampleBasemapUrl from '../../../data/basemap.geojson?url';
import { buildBasemapStyle } from '../../map/basemap';
import { buildDeckLayers, prepareDrawData, type AnalysisOverlay } from '../../map/build-layers';
import { MarkerGroup } from '../../map/dom-markers';
import { ringsOf } from '../../map/geometry';
import { captureMapInstance } from '../../map/map-capture';
import { planSymbolSpecs } from '../../map/marker-specs';
import { msg } from '../../i18n';
import { scenarioText } from '../messages';

const RAG: Record<KgStatusRag, 'ok' | 'warn' | 'bad' | 'neutral'> = { green: 'ok', amber: 'warn', red: 'bad', no_demand: 'neutral', inactive: 'neutral' };

/** Pixel of the main map under the centre of `el`. */
function centrePx(main: MapLibreMap, el: HTMLElement): [number, number] {
  const m = main.getContainer().getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return [r.left - m.left + r.width / 2, r.top - m.top + r.height / 2];
}

export function SplitMap() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const plansRef = useRef<MarkerGroup | null>(null);
  const layers = useApp((s) => s.layers);
  const district = useApp((s) => s.district);
  const visible = useApp((s) => s.visible);
  const year = useApp((s) => s.planYear);
  const lag = useApp((s) => s.planSettings.openingLagYears);
  const lang = useApp((s) => s.lang);
  const bId = useApp((s) => s.compareScenarioId);
  const b = useApp((s) => s.scenarios.find((x) => x.id === s.compareScenarioId));
  const a = useApp(selectCurrentScenario);
  const supply = useApp(selectLedgerSupply);
  const planKgs = useMemo(() => planKindergartens(layers.kindergartens, supply), [layers.kindergartens, supply]);
  const detail = useApp((s) => (bId ? s.planResults[bId]?.detail[s.planYear] : undefined));
  const diff = useApp(selectCompareDiff);
  const layersB = useMemo(() => {
    const projects = b?.projects ?? [];
    const sites = planSites(planKgs.kindergartens, projects, planKgs.openings);
    return { ...layers, kindergartens: sitesAt(sites, projects, year, lag).rows, plan_projects: projects };
  }, [layers, b, planKgs, year, lag]);
  const districtRings = useMemo(() => (district ? district.features.flatMap((f) => ringsOf(JSON.stringify(f.geometry))) : []), [district]);
  const draw = useMemo(() => prepareDrawData(layersB, districtRings), [layersB, districtRings]);
  const overlay = useMemo((): AnalysisOverlay => {
    const base: AnalysisOverlay = detail
      ? { covered: detail.cells.covered, radiusM: detail.params.radiusM, kgStatus: detail.kindergartens.status.map((x) => RAG[x]), streetStatus: Object.fromEntries(detail.streets.map((st) => [st.code, RAG[st.status]])) }
      : {};
    return diff.length ? { ...base, diff } : base;
  }, [detail, diff]);

  useEffect(() => {
    const main = captureMapInstance();
    if (!container.current || !main) return;
    const map = new MapLibreMap({
      container: container.current,
      style: buildBasemapStyle(appStore.getState().basemap, { sampleUrl: sampleBasemapUrl }),
      center: main.getCenter(),
      zoom: main.getZoom(),
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    const deck = new MapLibreOverlay({ layers: [] });
    map.addControl(deck);
    mapRef.current = map;
    overlayRef.current = deck;
    plansRef.current = new MarkerGroup(map);
    (window as unknown as { __xwghSplitMap?: MapLibreMap }).__xwghSplitMap = map;
    let lock = false;
    const fromMain = () => {
      if (lock || !container.current) return;
      lock = true;
      map.jumpTo({ center: main.unproject(centrePx(main, container.current)), zoom: main.getZoom(), bearing: main.getBearing(), pitch: main.getPitch() });
      lock = false;
    };
    const fromSplit = () => {
      if (lock || !container.current) return;
      lock = true;
      const [x, y] = centrePx(main, container.current);
      const m = main.getContainer().getBoundingClientRect();
      main.easeTo({ center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch(), offset: [x - m.width / 2, y - m.height / 2], duration: 0 });
      lock = false;
    };
    main.on('move', fromMain);
    map.on('move', fromSplit);
    map.once('load', fromMain);
    fromMain();
    const ro = new ResizeObserver(() => {
      map.resize();
      fromMain();
    });
    ro.observe(container.current);
    return () => {
      ro.disconnect();
      main.off('move', fromMain);
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
      (window as unknown as { __xwghSplitMap?: MapLibreMap }).__xwghSplitMap = undefined;
    };
  }, []);

  useEffect(() => {
    overlayRef.current?.setProps({ layers: buildDeckLayers(layersB, draw, visible, overlay, { labels: false }) });
  }, [layersB, draw, visible, overlay]);

  useEffect(() => {
    const st = appStore.getState();
    plansRef.current?.sync(visible.plan_projects ? planSymbolSpecs(layersB.plan_projects, st.select, st.setHovered, st.lang) : []);
  }, [layersB.plan_projects, visible.plan_projects]);

  return (
    <div className="split-map" data-testid="split-map">
      <div ref={container} className="map" />
      <div className="split-tag left" data-testid="split-tag-a">
        {msg(lang, 'plan.ui.split.tag', { side: 'A', name: scenarioText(lang, a), year })}
      </div>
      <div className="split-tag right" data-testid="split-tag-b">
        {msg(lang, 'plan.ui.split.tag', { side: 'B', name: scenarioText(lang, b), year })}
      </div>
    </div>
  );
}
