/**
 * Reach providers: which demand points each site reaches within the radius, and how
 * far — the one question coverage, 2SFCA, the served split, the plan years, 选址
 * and the nearest-kindergarten distance ask. Two implementations:
 *
 * - straight line (直线距离): the grid index of neighbour-pairs.ts, wrapped as is;
 * - walking network (步行路网距离): cutoff Dijkstra per site over a WalkGraph
 *   (src/analysis/network), demand and sites snapped to their nearest edge.
 *
 * A provider is plain data (`ReachSpec`: structured-cloneable, so it passes to the
 * analysis worker as typed arrays); `openReach` turns it into a `Reach` bound to one
 * set of sites and demand points.
 */
import type { MessageKey } from '../i18n';
import { MessageError } from '../i18n/message-error';
import { NeighbourPairBuilder, nearestAcceptedM, type NeighbourPairs } from './neighbour-pairs';
import { NetworkReach } from './network/network-reach';
import type { WalkGraph } from './network/walk-graph';
import { DEFAULT_WALK_SNAP_MAX_M } from './params';
import type { AnalysisInput, AnalysisParams } from './types';

export type DistanceMode = 'straight' | 'walking';

/** What distance to use. `walking` needs the graph. */
export type ReachSpec =
  | { mode: 'straight' }
  | {
      mode: 'walking';
      graph: WalkGraph;
      /** points farther than this from every path are not reachable (m) */
      snapMaxM: number;
    };

/** One set of sites × demand points under one distance. */
export interface Reach {
  readonly mode: DistanceMode;
  /** 直线距离 / 步行路网距离 */
  readonly label: MessageKey;
  /** work units that `run` processes in order (cells for straight line, sites for the network) */
  readonly units: number;
  /** a good number of units per chunk between progress reports */
  readonly chunk: number;
  run(from: number, to: number): void;
  /** pairs within the radius, in cell order */
  finish(): NeighbourPairs;
  /**
   * Distance from each demand point [from, to) to the nearest site with accept[j] = 1,
   * NaN beyond maxM; points with skip[i] = 1 are left as they are in `out`.
   */
  nearestM(accept: Uint8Array, maxM: number, out: Float64Array, skip: Uint8Array | null, from: number, to: number): void;
  /** demand points that cannot be reached at all (no path within the snap limit); 0 for straight line */
  readonly unreachableCells: number;
  /** sites farther than the snap limit from every path (reach nothing) */
  readonly unreachableSites: number;
}


/** The straight-line reach: NeighbourPairBuilder + nearestAcceptedM on its grid (unchanged behaviour). */
class StraightReach implements Reach {
  readonly mode = 'straight' as const;
  readonly label = 'engine.reach.straight' as const;
  readonly units: number;
  readonly chunk = 1 << 17;
  readonly unreachableCells = 0;
  readonly unreachableSites = 0;
  private readonly b: NeighbourPairBuilder;
  constructor(
    kgLon: ArrayLike<number>,
    kgLat: ArrayLike<number>,
    private readonly cellLon: ArrayLike<number>,
    private readonly cellLat: ArrayLike<number>,
    radiusM: number,
    refineDistanceM?: (kgIndex: number, cellIndex: number, greatCircleM: number) => number,
  ) {
    this.b = new NeighbourPairBuilder(kgLon, kgLat, cellLon, cellLat, radiusM, { refineDistanceM });
    this.units = cellLon.length;
  }
  run(from: number, to: number): void {
    this.b.run(from, to);
  }
  finish(): NeighbourPairs {
    return this.b.finish();
  }
  nearestM(accept: Uint8Array, maxM: number, out: Float64Array, skip: Uint8Array | null, from: number, to: number): void {
    nearestAcceptedM(this.b.grid, this.cellLon, this.cellLat, accept, maxM, out, skip, from, to);
  }
}

/**
 * Bind a reach spec to sites and demand points (degrees) and a radius (m).
 * `refineDistanceM` (straight line only) is the engine's old per-pair hook.
 */
export function openReach(
  spec: ReachSpec | undefined,
  siteLon: ArrayLike<number>,
  siteLat: ArrayLike<number>,
  cellLon: ArrayLike<number>,
  cellLat: ArrayLike<number>,
  radiusM: number,
  refineDistanceM?: (kgIndex: number, cellIndex: number, greatCircleM: number) => number,
): Reach {
  if (!(radiusM > 0) || !Number.isFinite(radiusM)) throw new MessageError('engine.err.radius', { radius: radiusM });
  if (!spec || spec.mode === 'straight') return new StraightReach(siteLon, siteLat, cellLon, cellLat, radiusM, refineDistanceM);
  return new NetworkReach(spec.graph, siteLon, siteLat, cellLon, cellLat, radiusM, spec.snapMaxM);
}

/** All pairs at once (tests, benchmarks, 选址). */
export function reachPairs(
  spec: ReachSpec | undefined,
  siteLon: ArrayLike<number>,
  siteLat: ArrayLike<number>,
  cellLon: ArrayLike<number>,
  cellLat: ArrayLike<number>,
  radiusM: number,
): NeighbourPairs {
  const r = openReach(spec, siteLon, siteLat, cellLon, cellLat, radiusM);
  r.run(0, r.units);
  return r.finish();
}

/** The reach spec of an analysis: walking when params.distanceMode = 'walking' (then input.walkGraph is required). */
export function reachSpecOf(input: Pick<AnalysisInput, 'walkGraph'>, params: Pick<AnalysisParams, 'distanceMode' | 'walkSnapMaxM'>): ReachSpec {
  if (params.distanceMode !== 'walking') return { mode: 'straight' };
  if (!input.walkGraph || input.walkGraph.edgeA.length === 0) throw new MessageError('engine.err.noWalkGraph');
  return { mode: 'walking', graph: input.walkGraph, snapMaxM: params.walkSnapMaxM ?? DEFAULT_WALK_SNAP_MAX_M };
}
