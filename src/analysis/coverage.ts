/**
 * Catchment coverage from neighbour pairs: a cell is covered when at least one
 * supplying kindergarten lies within the service radius. Overlapping catchments
 * count a cell once (a flag per cell, not a sum over kindergartens).
 */
import type { NeighbourPairs } from './neighbour-pairs';

export interface CoverageArrays {
  /** 1 = within radius of ≥ 1 active kindergarten */
  covered: Uint8Array;
  /** distance (m) to the nearest active kindergarten within the radius, NaN if none */
  nearestWithinM: Float64Array;
}

/**
 * Coverage of every cell. Inputs: the pairs (cell order), `active[j] = 1` for
 * kindergartens that supply places, number of cells. Pairs of inactive
 * kindergartens are ignored, so one pair list serves several supply scenarios.
 */
export function computeCoverage(pairs: NeighbourPairs, active: Uint8Array, nCells: number, out?: CoverageArrays): CoverageArrays {
  // every element is written below, so reused arrays need no clearing
  const covered = out ? out.covered : new Uint8Array(nCells);
  const nearestWithinM = out ? out.nearestWithinM : new Float64Array(nCells);
  const { cellOffsets, kg, distM } = pairs;
  for (let i = 0; i < nCells; i++) {
    let best = Infinity;
    const end = cellOffsets[i + 1];
    for (let p = cellOffsets[i]; p < end; p++) {
      if (active[kg[p]] !== 1) continue;
      const d = distM[p];
      if (d < best) best = d;
    }
    if (best !== Infinity) {
      covered[i] = 1;
      nearestWithinM[i] = best;
    } else {
      covered[i] = 0;
      nearestWithinM[i] = Number.NaN;
    }
  }
  return { covered, nearestWithinM };
}
