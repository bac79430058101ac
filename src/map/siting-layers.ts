/**
 * 选址 on the map: the candidates (small grey points), the cells the chosen sites
 * newly serve (green, sized by children), and the chosen sites ranked (a large
 * ring with the rank number).
 */
import type { Layer } from '@deck.gl/core';
import { PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { SitingAnswer, SitingCandidate } from '../analysis/siting/siting-types';
import type { PopulationCell } from '../data/schema';
import { LABEL_FONT } from './ledger-layers';

export interface SitingDraw {
  candidates: SitingCandidate[];
  answer: SitingAnswer | null;
  population: PopulationCell[];
  /** walking distance: each chosen site's isochrone (MultiPolygon coordinates), drawn instead of the circle */
  reachPolygons?: number[][][][][];
}

interface ServedCell {
  lon: number;
  lat: number;
  children: number;
}

/** Cells newly served by the answer (with children > 0). */
export function newlyServedCells(answer: SitingAnswer, population: readonly PopulationCell[]): ServedCell[] {
  const out: ServedCell[] = [];
  for (let i = 0; i < answer.cellSite.length && i < population.length; i++) {
    if (answer.cellSite[i] >= 0 && answer.cellNewlyServed[i] > 0) out.push({ lon: population[i].lon, lat: population[i].lat, children: answer.cellNewlyServed[i] });
  }
  return out;
}

/** deck.gl layers of a siting run (empty when nothing to show). */
export function sitingLayers(d: SitingDraw, radiusM: number): Layer[] {
  const out: Layer[] = [];
  if (d.candidates.length > 0 && d.candidates.length <= 20000) {
    out.push(new ScatterplotLayer<SitingCandidate>({ id: 'siting-candidates', data: d.candidates, getPosition: (c) => [c.lon, c.lat], getRadius: 3, radiusUnits: 'pixels', getFillColor: [90, 90, 90, 140], pickable: false }));
  }
  if (!d.answer) return out;
  const served = newlyServedCells(d.answer, d.population);
  out.push(
    new ScatterplotLayer<ServedCell>({ id: 'siting-served', data: served, getPosition: (c) => [c.lon, c.lat], getRadius: (c) => 3 + Math.sqrt(c.children), radiusUnits: 'pixels', getFillColor: [40, 170, 90, 170], pickable: false }),
    d.reachPolygons
      ? new PolygonLayer<number[][][]>({ id: 'siting-reach', data: d.reachPolygons.flat(), getPolygon: (p) => p as unknown as [number, number][][], getFillColor: [200, 30, 120, 30], stroked: true, getLineColor: [200, 30, 120, 220], getLineWidth: 2, lineWidthUnits: 'pixels', pickable: false })
      : new ScatterplotLayer({ id: 'siting-reach', data: d.answer.sites, getPosition: (s) => [s.lon, s.lat], getRadius: radiusM, radiusUnits: 'meters', filled: true, getFillColor: [200, 30, 120, 30], stroked: true, getLineColor: [200, 30, 120, 220], getLineWidth: 2, lineWidthUnits: 'pixels', pickable: false }),
    new ScatterplotLayer({ id: 'siting-sites', data: d.answer.sites, getPosition: (s) => [s.lon, s.lat], getRadius: 11, radiusUnits: 'pixels', getFillColor: [200, 30, 120, 255], stroked: true, getLineColor: [255, 255, 255, 255], getLineWidth: 2, lineWidthUnits: 'pixels', pickable: false }),
    new TextLayer({ id: 'siting-rank', data: d.answer.sites.map((s, k) => ({ ...s, rank: String(k + 1) })), getPosition: (s) => [s.lon, s.lat], getText: (s) => s.rank, getSize: 13, getColor: [255, 255, 255, 255], fontFamily: LABEL_FONT, fontWeight: 700, characterSet: '0123456789', pickable: false }),
  );
  return out;
}
