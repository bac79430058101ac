/**
 * Generated streets: a slightly rotated grid of arterials (≈1 km apart) over the built-up
 * area, with secondary streets between them that stop at the walls of the 小区 (as real
 * streets end at compound gates), plus one expressway and the river-valley road.
 */
import type { Position } from 'geojson';
import type { Rng } from '../sample/prng';
import { toLonLat, type XY } from './frame';
import { keepRuns } from './lines';

export type RoadClass = 'highway' | 'arterial' | 'street';

export interface RoadLine {
  cls: RoadClass;
  coords: Position[];
}

export interface RoadInput {
  inDistrict: (p: Position) => boolean;
  /** built-up area grown by a few hundred metres (arterials run a little beyond the last houses) */
  nearUrban: (p: Position) => boolean;
  /** built-up area itself */
  urban: (p: Position) => boolean;
  insideCommunity: (p: Position) => boolean;
  /** extent of the built-up area in the local frame [xMin, yMin, xMax, yMax] */
  extent: [number, number, number, number];
}

const STEP = 25;

/** positions from a to b with spacing drawn from [lo, hi] */
function positions(a: number, b: number, lo: number, hi: number, rng: Rng): number[] {
  const out: number[] = [];
  for (let v = a + rng.range(0, lo); v <= b; v += rng.range(lo, hi)) out.push(v);
  return out;
}

/** points along one grid line: `along` runs over [t0, t1], `at` is the line's offset; rotated by `angle` */
function gridLine(horizontal: boolean, at: number, t0: number, t1: number, angle: number, wobble: (t: number) => number): Position[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const pts: Position[] = [];
  for (let t = t0; t <= t1; t += STEP) {
    const u = horizontal ? t : at + wobble(t);
    const v = horizontal ? at + wobble(t) : t;
    const xy: XY = [u * cos - v * sin, u * sin + v * cos];
    pts.push(toLonLat(xy));
  }
  return pts;
}

/** Arterials and secondary streets of the grid. */
export function gridRoads(input: RoadInput, rng: Rng): RoadLine[] {
  const angle = rng.range(-0.035, 0.035);
  const [x0, y0, x1, y1] = input.extent;
  const pad = 1500;
  const xs = positions(x0 - pad, x1 + pad, 850, 1150, rng);
  const ys = positions(y0 - pad, y1 + pad, 800, 1100, rng);
  const out: RoadLine[] = [];
  const wobbler = (): ((t: number) => number) => {
    const a = rng.chance(0.4) ? rng.range(10, 45) : 0;
    const ph = rng.range(0, Math.PI * 2);
    const wl = rng.range(1500, 3500);
    return (t) => a * Math.sin(t / wl + ph);
  };
  const arterial = (p: Position): boolean => input.inDistrict(p) && input.nearUrban(p);
  for (const y of ys)
    for (const run of keepRuns(gridLine(true, y, x0 - pad, x1 + pad, angle, wobbler()), arterial, 400 / STEP)) out.push({ cls: 'arterial', coords: run });
  for (const x of xs)
    for (const run of keepRuns(gridLine(false, x, y0 - pad, y1 + pad, angle, wobbler()), arterial, 400 / STEP)) out.push({ cls: 'arterial', coords: run });

  // secondary streets: one or two between each pair of arterials, block by block
  const street = (p: Position): boolean => input.inDistrict(p) && input.urban(p) && !input.insideCommunity(p);
  const secondary = (horizontal: boolean, lines: number[], cross: number[]): void => {
    for (let i = 0; i < lines.length - 1; i++) {
      const gap = lines[i + 1] - lines[i];
      const n = rng.chance(0.5) ? 1 : 2;
      for (let k = 1; k <= n; k++) {
        const at = lines[i] + (gap * k) / (n + 1) + rng.range(-60, 60);
        for (let j = 0; j < cross.length - 1; j++) {
          if (!rng.chance(0.75)) continue;
          const pts = gridLine(horizontal, at, cross[j], cross[j + 1], angle, () => 0);
          for (const run of keepRuns(pts, street, 120 / STEP)) out.push({ cls: 'street', coords: run });
        }
      }
    }
  };
  secondary(true, ys, xs);
  secondary(false, xs, ys);
  return out;
}

/** A straight-ish east–west line across the whole district at `y` metres (with a long, gentle bend). */
export function acrossDistrict(y: number, bend: number, inDistrict: (p: Position) => boolean, xSpan: [number, number]): Position[][] {
  const pts: Position[] = [];
  for (let x = xSpan[0]; x <= xSpan[1]; x += STEP) pts.push(toLonLat([x, y + bend * Math.sin(x / 7000)]));
  return keepRuns(pts, inDistrict, 400 / STEP);
}
