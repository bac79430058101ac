/**
 * deck.gl layers of the walking network: the network itself (pieces not connected to the
 * main network in red), each kindergarten's catchment as its walking isochrone polygon
 * (instead of the straight-line circle), and the "walking distance to the nearest
 * kindergarten" surface as nested bands (≤ r, ≤ 2r, ≤ 4r).
 */
import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { MultiPolygonCoords } from '../analysis/network/isochrone';
import type { NetworkEdit } from '../analysis/network/network-edits';
import type { WalkGraph } from '../analysis/network/walk-graph';
import type { WalkingExtras } from '../analysis/network/walking-extras';
import { KG_TYPE_COLOR } from './palette';

export interface NetworkPath {
  path: [number, number][];
  detached: boolean;
}

/** One path per edge, flagged when outside the largest component (computed once per graph). */
export function networkPaths(g: WalkGraph): NetworkPath[] {
  return Array.from(g.edgeA, (a, e) => {
    const b = g.edgeB[e];
    return { path: [[g.nodeLon[a], g.nodeLat[a]], [g.nodeLon[b], g.nodeLat[b]]], detached: g.component[a] !== 0 };
  });
}

/** colours of the nearest-distance bands, innermost first */
export const WALK_BAND_RGBA: [number, number, number, number][] = [
  [46, 160, 90, 90],
  [240, 180, 40, 70],
  [220, 80, 60, 55],
];
export const WALK_NETWORK_RGBA: [number, number, number, number] = [90, 100, 120, 110];
export const WALK_DETACHED_RGBA: [number, number, number, number] = [220, 30, 30, 230];
export const WALK_CATCHMENT_LINE: [number, number, number, number] = [KG_TYPE_COLOR.public[0], KG_TYPE_COLOR.public[1], KG_TYPE_COLOR.public[2], 200];

const polygonsOf = (m: MultiPolygonCoords): number[][][][] => m;

export function walkLayers(opts: {
  paths: NetworkPath[] | null;
  walking: WalkingExtras | undefined;
  showNetwork: boolean;
  showCatchments: boolean;
  showNearest: boolean;
  /** the current scenario's network edits (new paths green, closures red) */
  edits?: readonly NetworkEdit[];
  /** first click of a path being drawn */
  pathStart?: [number, number] | null;
}): Layer[] {
  const out: Layer[] = [];
  const w = opts.walking;
  if (opts.showNearest && w) {
    // outermost first so the inner bands sit on top
    const bands = w.nearestBands.map((b, k) => ({ ...b, k })).reverse();
    for (const b of bands) {
      out.push(
        new PolygonLayer<number[][][]>({
          id: `walk-nearest-${b.k}`,
          data: polygonsOf(b.polygons),
          getPolygon: (d) => d as unknown as [number, number][][],
          getFillColor: WALK_BAND_RGBA[b.k] ?? WALK_BAND_RGBA[2],
          stroked: false,
        }),
      );
    }
  }
  if (opts.showNetwork && opts.paths) {
    out.push(
      new PathLayer<NetworkPath>({
        id: 'walk-network',
        data: opts.paths,
        getPath: (d) => d.path,
        getColor: (d) => (d.detached ? WALK_DETACHED_RGBA : WALK_NETWORK_RGBA),
        getWidth: (d) => (d.detached ? 3 : 1),
        widthUnits: 'pixels',
      }),
    );
  }
  const adds = (opts.edits ?? []).filter((e): e is Extract<NetworkEdit, { kind: 'add' }> => e.kind === 'add');
  const closes = (opts.edits ?? []).filter((e): e is Extract<NetworkEdit, { kind: 'close' }> => e.kind === 'close');
  if (opts.paths && adds.length) {
    out.push(new PathLayer({ id: 'walk-edits-add', data: adds, getPath: (e) => e.coords, getColor: [20, 150, 70, 255], getWidth: 5, widthUnits: 'pixels' }));
  }
  const marks: [number, number][] = [...closes.map((e): [number, number] => [e.lon, e.lat]), ...(opts.pathStart ? [opts.pathStart] : [])];
  if (opts.paths && marks.length) {
    out.push(
      new ScatterplotLayer<[number, number]>({
        id: 'walk-edits-points',
        data: marks,
        getPosition: (p) => p,
        getRadius: 7,
        radiusUnits: 'pixels',
        getFillColor: (p) => (opts.pathStart && p === opts.pathStart ? [20, 150, 70, 255] : [220, 30, 30, 255]),
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  if (opts.showCatchments && w) {
    const polys = w.catchments.flatMap((c) => c.polygons);
    out.push(
      new PolygonLayer<number[][][]>({
        id: 'walk-catchments',
        data: polys,
        getPolygon: (d) => d as unknown as [number, number][][],
        getFillColor: [KG_TYPE_COLOR.public[0], KG_TYPE_COLOR.public[1], KG_TYPE_COLOR.public[2], 45],
        getLineColor: WALK_CATCHMENT_LINE,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
      }),
    );
  }
  return out;
}
