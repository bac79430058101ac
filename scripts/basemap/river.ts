/**
 * The generated 昆都仑河: a north–south river west of the old centre that follows the
 * emptiest corridor between the inhabited cells (a shortest path through a cost grid),
 * smoothed and given a gentle seeded meander. Not the real river course.
 */
import type { Position } from 'geojson';
import type { Rng } from '../sample/prng';
import { toLonLat, type XY } from './frame';

export interface RiverInput {
  /** true where the point is inside the district */
  inDistrict: (p: Position) => boolean;
  /** number of inhabited cells near the point (0 = open land) */
  housingNear: (p: Position) => number;
  /** north and south ends, metres north of the old centre */
  yNorth: number;
  ySouth: number;
  /** west and east limits of the corridor, metres east of the old centre */
  xWest: number;
  xEast: number;
}

const ROW_M = 200;
const COL_M = 50;
/** at most this many columns sideways per row (150 m per 200 m: the river stays mostly north–south) */
const MAX_STEP = 3;

/** Centre line of the river from north to south, in the local frame. */
export function riverCentreline(input: RiverInput, rng: Rng): XY[] {
  const rows = Math.floor((input.yNorth - input.ySouth) / ROW_M) + 1;
  const cols = Math.floor((input.xEast - input.xWest) / COL_M) + 1;
  const cost = (r: number, c: number): number => {
    const p = toLonLat([input.xWest + c * COL_M, input.yNorth - r * ROW_M]);
    return (input.inDistrict(p) ? 0 : 50) + 10 * input.housingNear(p);
  };
  // dynamic programming over rows: best[c] = cheapest path from the north edge to column c of this row
  let best = Float64Array.from({ length: cols }, (_, c) => cost(0, c));
  const from: Int16Array[] = [];
  for (let r = 1; r < rows; r++) {
    const next = new Float64Array(cols).fill(Infinity);
    const back = new Int16Array(cols);
    for (let c = 0; c < cols; c++) {
      const here = cost(r, c);
      for (let d = -MAX_STEP; d <= MAX_STEP; d++) {
        const pc = c + d;
        if (pc < 0 || pc >= cols) continue;
        const v = best[pc] + here + 0.4 * Math.abs(d);
        // ties go to the smaller |d|, then the western column: deterministic
        if (v < next[c] - 1e-9) {
          next[c] = v;
          back[c] = pc;
        }
      }
    }
    from.push(back);
    best = next;
  }
  let c = best.indexOf(Math.min(...best));
  const path = new Int32Array(rows);
  path[rows - 1] = c;
  for (let r = rows - 1; r > 0; r--) {
    c = from[r - 1][c];
    path[r - 1] = c;
  }
  // smooth (moving average over ±3 rows), then a meander of a few tens of metres
  const phase = rng.range(0, Math.PI * 2);
  const amp = rng.range(25, 45);
  const out: XY[] = [];
  for (let r = 0; r < rows; r++) {
    let s = 0;
    let n = 0;
    for (let k = Math.max(0, r - 3); k <= Math.min(rows - 1, r + 3); k++) {
      s += path[k];
      n++;
    }
    const y = input.yNorth - r * ROW_M;
    const x = input.xWest + (s / n) * COL_M + amp * Math.sin(y / 900 + phase);
    out.push([x, y]);
  }
  return out;
}

/** Densify a line to points every `stepM` metres (linear between vertices). */
export function densify(line: XY[], stepM: number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < line.length - 1; i++) {
    const [x0, y0] = line[i];
    const [x1, y1] = line[i + 1];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / stepM));
    for (let k = 0; k < n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  if (line.length > 0) out.push(line[line.length - 1]);
  return out;
}
