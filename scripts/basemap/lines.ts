/** Line helpers of the basemap generator: sampling, keeping the runs that pass a test, simplifying. */
import type { Position } from 'geojson';

/** Split a densely sampled line into runs of consecutive points that pass `keep`; runs shorter than `minPts` are dropped. */
export function keepRuns(points: Position[], keep: (p: Position) => boolean, minPts: number): Position[][] {
  const runs: Position[][] = [];
  let cur: Position[] = [];
  for (const p of points) {
    if (keep(p)) cur.push(p);
    else {
      if (cur.length >= minPts) runs.push(cur);
      cur = [];
    }
  }
  if (cur.length >= minPts) runs.push(cur);
  return runs;
}

function perpDist(p: Position, a: Position, b: Position, kx: number): number {
  const ax = a[0] * kx;
  const bx = b[0] * kx;
  const px = p[0] * kx;
  const dx = bx - ax;
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(px - ax, p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * Douglas–Peucker simplification of a lon/lat line with a tolerance in degrees of latitude
 * (longitudes scaled by cos(lat) so the tolerance is the same in both directions).
 */
export function simplify(line: Position[], tolDeg: number): Position[] {
  if (line.length <= 2) return line;
  const kx = Math.cos((line[0][1] * Math.PI) / 180);
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    let best = -1;
    let bestD = tolDeg;
    for (let k = i + 1; k < j; k++) {
      const d = perpDist(line[k], line[i], line[j], kx);
      if (d > bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/** round to 5 decimals (≈1 m): enough for a basemap, and a small file */
export const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

export const roundLine = (line: Position[]): Position[] => line.map((p) => [round5(p[0]), round5(p[1])]);
