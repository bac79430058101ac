/**
 * Site selection benchmark (npm run bench): MCLP on 50,000 demand points × 2,000
 * candidates at 300 m (p = 20) and 500 m (p = 50), plus the capacity-aware model with
 * existing kindergartens kept. For each: the instant heuristic (time, objective, its
 * distance from the optimum), the exact HiGHS answer (objective, bound, gap, time),
 * and a naive greedy (full gain recount every round, no demand reduction) measured
 * in the same run.
 */
import loadHighs from 'highs';
import { mulberry32 } from '../scripts/sample/prng';
import { prepareSiting, runSitingExact, runSitingHeuristic } from '../src/analysis/siting/run-siting';
import { defaultSitingParams, type SitingCandidate, type SitingParams } from '../src/analysis/siting/siting-types';
import type { Kindergarten, PopulationCell } from '../src/data/schema';

const M_PER_DEG = 111_320;

/** Demand points clustered in neighbourhoods over a 15 km square, candidates anywhere on it, existing kindergartens. */
export function syntheticSiting(nCells: number, nCand: number, nKg: number, seed = 7) {
  const rnd = mulberry32(seed);
  const lon0 = 109.7;
  const lat0 = 40.55;
  const sizeM = 15000;
  const dLon = (m: number) => m / (M_PER_DEG * Math.cos((lat0 * Math.PI) / 180));
  const centres = Array.from({ length: 300 }, () => [rnd() * sizeM, rnd() * sizeM]);
  const population: PopulationCell[] = Array.from({ length: nCells }, (_x, i) => {
    const [cx, cy] = centres[Math.floor(rnd() * centres.length)];
    const x = cx + (rnd() - 0.5) * 900;
    const y = cy + (rnd() - 0.5) * 900;
    return { id: `c${i}`, lon: lon0 + dLon(x), lat: lat0 + y / M_PER_DEG, cell_size_m: 0, residents: 0, children_0_2: 0, children_3_5: 1 + Math.floor(rnd() * 12), year: 2025, street_code: '' };
  });
  const candidates: SitingCandidate[] = Array.from({ length: nCand }, (_x, j) => ({ id: `s${j}`, name: `s${j}`, lon: lon0 + dLon(rnd() * sizeM), lat: lat0 + (rnd() * sizeM) / M_PER_DEG, source: 'grid', areaM2: null, cost10k: null }));
  const kindergartens = Array.from({ length: nKg }, (_x, k) => ({ id: `k${k}`, name: `k${k}`, type: 'public', lon: lon0 + dLon(rnd() * sizeM), lat: lat0 + (rnd() * sizeM) / M_PER_DEG, places: 180 + 90 * Math.floor(rnd() * 3), status: 'existing' }) as unknown as Kindergarten);
  return { population, candidates, kindergartens };
}

/** Naive greedy on the unreduced model: every round recounts every candidate's gain over all its cells. */
function naiveGreedy(prep: ReturnType<typeof prepareSiting>, p: number): { objective: number; ms: number } {
  const t0 = performance.now();
  const pr = prep.problem;
  // expand groups back to cells (what a solver without the merge would see)
  const cellsOf: number[][] = Array.from({ length: pr.nGroups }, () => []);
  prep.problem.groupOfCell.forEach((g, i) => g >= 0 && cellsOf[g].push(i));
  const covered = new Uint8Array(prep.problem.groupOfCell.length);
  const chosen = new Set<number>();
  let objective = 0;
  for (let r = 0; r < p; r++) {
    let best = -1;
    let bestGain = 0;
    for (let c = 0; c < pr.nCand; c++) {
      if (chosen.has(c)) continue;
      let gain = 0;
      for (let k = pr.candOff[c]; k < pr.candOff[c + 1]; k++) for (const i of cellsOf[pr.candGroup[k]]) if (!covered[i]) gain += prep.demand.children[i];
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    if (best < 0) break;
    chosen.add(best);
    for (let k = pr.candOff[best]; k < pr.candOff[best + 1]; k++) for (const i of cellsOf[pr.candGroup[k]]) covered[i] = 1;
    objective += bestGain;
  }
  return { objective, ms: performance.now() - t0 };
}

export interface SiteBenchRow {
  label: string;
  groups: number;
  heuristicMs: number;
  heuristicObjective: number;
  exactMs: number;
  exactObjective: number;
  bound: number;
  gapPct: number;
  proved: boolean;
  heuristicShortPct: number;
  naiveMs: number | null;
}

export async function runSiteBench(quick: boolean): Promise<SiteBenchRow[]> {
  const highs = await loadHighs();
  const n = quick ? 10000 : 50000;
  const m = quick ? 500 : 2000;
  const data = syntheticSiting(n, m, 150);
  const cases: { label: string; params: Partial<SitingParams>; kgs: boolean; naive: boolean }[] = [
    { label: `MCLP ${n.toLocaleString('en-US')} × ${m.toLocaleString('en-US')}, p = 20, 300 m`, params: { p: 20, radiusM: 300 }, kgs: false, naive: true },
    { label: `MCLP ${n.toLocaleString('en-US')} × ${m.toLocaleString('en-US')}, p = 50, 500 m`, params: { p: 50, radiusM: 500 }, kgs: false, naive: true },
    { label: `MCLP, existing kindergartens kept, p = 20, 300 m`, params: { p: 20, radiusM: 300 }, kgs: true, naive: false },
    { label: `capacity-aware, existing kept, p = 20, 300 m`, params: { p: 20, radiusM: 300, capacity: true }, kgs: true, naive: false },
  ];
  const rows: SiteBenchRow[] = [];
  for (const c of cases) {
    const params = { ...defaultSitingParams(), timeLimitS: 120, ...c.params };
    const prep = prepareSiting(data.population, c.kgs ? data.kindergartens : [], data.candidates, params);
    const h = runSitingHeuristic(prep);
    const e = runSitingExact(prep, highs, { timeLimitS: params.timeLimitS, start: h.sites.map((s) => s.candidate) });
    const naive = c.naive && !params.capacity ? naiveGreedy(prep, params.p) : null;
    rows.push({
      label: c.label,
      groups: prep.problem.nGroups,
      heuristicMs: h.ms,
      heuristicObjective: h.objective,
      exactMs: e.ms,
      exactObjective: e.objective,
      bound: e.bound,
      gapPct: e.gap * 100,
      proved: e.provedOptimal,
      heuristicShortPct: e.objective > 0 ? ((e.objective - h.objective) / e.objective) * 100 : 0,
      naiveMs: naive?.ms ?? null,
    });
    const r = rows.at(-1)!;
    console.log(`  ${r.label}: ${r.groups.toLocaleString('en-US')} demand groups; heuristic ${r.heuristicMs.toFixed(0)} ms (objective ${Math.round(r.heuristicObjective)}, ${r.heuristicShortPct.toFixed(2)}% below the optimum)${naive ? `, naive greedy ${naive.ms.toFixed(0)} ms (${(naive.ms / Math.max(1, r.heuristicMs)).toFixed(1)}×)` : ''}; exact ${(r.exactMs / 1000).toFixed(2)} s, objective ${Math.round(r.exactObjective)}, bound ${Math.round(r.bound)}, gap ${r.gapPct.toFixed(3)}%${r.proved ? ' (proved optimal)' : ''}`);
  }
  return rows;
}

if (process.argv[1]?.endsWith('site-bench.ts')) {
  console.log('选址 benchmark');
  void runSiteBench(process.argv.includes('--quick'));
}
