/**
 * npm run bench — timings of the analysis engine against two references:
 *   1. the sample city (data/): runAnalysis, and re-analysis after an edit;
 *   2. a generated province (20,000 kindergartens, 1,000,000 demand points, 300 m):
 *      - engine core on flat typed arrays: pairs + coverage + 2SFCA (both forms) + split
 *      - the same in DuckDB native (@duckdb/node-api, grid-bucket join + haversine), checked against the engine
 *      - a naive Turf double loop on a subsample, extrapolated per pair (a lower bound: one pass)
 *      - runAnalysis end to end from 1,000,000 schema rows (prepare, nearest kindergarten, 街道, indicators)
 *   3. importing a 1,000,000-row population CSV (readTabular + buildImport) against a naive
 *      papaparse + coerceRecords baseline (bench/import-bench.ts; 100,000 rows with --quick)
 *   4. walking distance (bench/walk-bench.ts): a ~50,000-segment county network, 300 sites × 50,000
 *      points at 500 m — graph build, all pairs, isochrones — against full uncut Dijkstra per site
 *   5. site selection (bench/site-bench.ts): MCLP 50,000 × 2,000 at p = 20 / 300 m and p = 50 / 500 m,
 *      existing kindergartens kept, capacity-aware — exact (HiGHS) vs heuristic vs naive greedy
 *   5. hostile files (bench/hostile-bench.ts): ZIP bombs, a lying entry, a huge declared XLSX range and an
 *      ODS repeat bomb against the import caps; naive baseline: inflating the bomb to learn its size
 * Options: --quick (smaller province for a smoke run), --runs N, --md <file> (append the markdown table).
 */
import { appendFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataFolder } from '../src/data/load-folder-node';
import { computeCoverage } from '../src/analysis/coverage';
import { computeNeighbourPairs } from '../src/analysis/neighbour-pairs';
import { defaultAnalysisParams } from '../src/analysis/params';
import { runAnalysis } from '../src/analysis/run-analysis';
import { computeTwoStep, splitDemand } from '../src/analysis/two-step-fca';
import { duckdbReference } from './duckdb-reference';
import { runHostileBench } from './hostile-bench';
import { runImportBench } from './import-bench';
import { runSiteBench } from './site-bench';
import { benchPlan, syntheticNewBuilds } from './plan-bench';
import { naiveTurfPerPair } from './naive-turf';
import { generateProvince, provinceRows } from './province';
import { runWalkBench, time } from './walk-bench';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : 5;
const mdArg = argv.indexOf('--md');
const MD = mdArg >= 0 ? argv[mdArg + 1] : null;
const N_KG = quick ? 2000 : 20000;
const N_CELLS = quick ? 100000 : 1000000;
const RADIUS = 300;
const AS_OF = '2026-06-30';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms: number) => (ms >= 10000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const fmtDur = (ms: number) => (ms > 3.6e6 ? `${(ms / 3.6e6).toFixed(1)} h` : fmtMs(ms));
const load = () => os.loadavg()[0].toFixed(2);

const md: string[] = [];
const row = (cells: (string | number)[]) => md.push(`| ${cells.join(' | ')} |`);


async function main(): Promise<void> {
  console.log(`机器：${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}，Node ${process.version}，开始时负载 ${load()}`);
  md.push('| case | method | median | runs (ms) | notes |', '|---|---|---|---|---|');

  // ── 1. sample city ──
  const dataDir = path.resolve(import.meta.dirname ?? '.', '../data');
  if (existsSync(path.join(dataDir, 'kindergartens.csv'))) {
    const { data } = loadDataFolder(dataDir);
    const input = { kindergartens: data.kindergartens, population: data.population, communities: data.communities, admin_units: data.admin_units };
    const params = defaultAnalysisParams(AS_OF);
    runAnalysis(input, params); // warm-up
    const full = time(Math.max(RUNS, 7), () => runAnalysis(input, params));
    const edited = () => ({ ...input, kindergartens: input.kindergartens.map((k, j) => (j === 0 ? { ...k, places: k.places + 90 } : k)) });
    const edit = time(Math.max(RUNS, 7), () => runAnalysis(edited(), params));
    const desc = `${data.kindergartens.length} 所 × ${data.population.length} 网格，${full.last.pairCount} 对`;
    console.log(`样例城市（${desc}）：runAnalysis 中位数 ${fmtMs(median(full.ms))}；修改一所幼儿园后重新分析 ${fmtMs(median(edit.ms))}（目标 ≤ 200 ms）`);
    row(['sample city', 'runAnalysis (all stages)', fmtMs(median(full.ms)), full.ms.map((x) => x.toFixed(1)).join(', '), desc]);
    row(['sample city', 're-analysis after editing one kindergarten', fmtMs(median(edit.ms)), edit.ms.map((x) => x.toFixed(1)).join(', '), 'goal ≤ 200 ms']);
    const pb = benchPlan(input, { id: 'base', name: '基准', projects: data.plan_projects }, params, Math.max(RUNS, 7));
    const ratio = median(pb.naiveMs) / median(pb.planMs);
    console.log(`样例城市 十五五 ${pb.years} 个年份（修改一个项目后）：${fmtMs(median(pb.planMs))}（目标 ≤ 150 ms ${median(pb.planMs) <= 150 ? '✓' : '✗'}）；逐年各自重算 ${fmtMs(median(pb.naiveMs))}，${ratio.toFixed(1)}×`);
    row(['sample city', `plan: ${pb.years} years after editing one project (pairs once, ${pb.pairsMs.toFixed(1)} ms)`, fmtMs(median(pb.planMs)), pb.planMs.map((x) => x.toFixed(1)).join(', '), `goal ≤ 150 ms; ${pb.years} separate runAnalysis: ${fmtMs(median(pb.naiveMs))} (${ratio.toFixed(1)}×)`]);
  } else {
    console.log('样例城市：data/kindergartens.csv 不存在，跳过');
  }

  // ── 2. province ──
  const tg = performance.now();
  const p = generateProvince(42, N_KG, N_CELLS, 100);
  console.log(`生成省级算例：${N_KG.toLocaleString()} 所幼儿园 × ${N_CELLS.toLocaleString()} 个需求点，100 个城市簇（${fmtMs(performance.now() - tg)}）`);
  const active = new Uint8Array(N_KG).fill(1);
  const core = () => {
    const pairs = computeNeighbourPairs(p.kgLon, p.kgLat, p.cellLon, p.cellLat, RADIUS);
    const cov = computeCoverage(pairs, active, N_CELLS);
    const fca = computeTwoStep(pairs, p.kgPlaces, active, p.cellChildren);
    const split = splitDemand(cov.covered, fca.accessGaussian, p.cellChildren);
    return { pairs, cov, fca, split };
  };
  core(); // warm-up
  const eng = time(RUNS, core);
  const e = eng.last;
  let covered = 0;
  let sumAPp = 0;
  let sumAPg = 0;
  for (let i = 0; i < N_CELLS; i++) {
    covered += e.cov.covered[i];
    sumAPp += e.fca.accessPlain[i] * p.cellChildren[i];
    sumAPg += e.fca.accessGaussian[i] * p.cellChildren[i];
  }
  const engMed = median(eng.ms);
  console.log(`引擎（核心，扁平数组）：中位数 ${fmtMs(engMed)}，配对 ${e.pairs.count.toLocaleString()}，覆盖 ${covered.toLocaleString()} 点`);
  row(['province 20k × 1M', 'engine core (pairs + coverage + 2SFCA both forms + split), flat typed arrays', fmtMs(engMed), eng.ms.map((x) => x.toFixed(0)).join(', '), `${e.pairs.count} pairs, ${covered} covered`]);

  const duck = await duckdbReference(p.kgLon, p.kgLat, p.kgPlaces, p.cellLon, p.cellLat, p.cellChildren, RADIUS, Math.max(3, Math.min(RUNS, 5)));
  // |ΔA| / max(1, |A|): relative for A > 1, absolute below (A near 0 comes from weights near the radius)
  let maxRelPlain = 0;
  let maxRelGauss = 0;
  for (let i = 0; i < N_CELLS; i++) {
    const a = e.fca.accessPlain[i];
    const b = duck.accessPlain[i];
    maxRelPlain = Math.max(maxRelPlain, Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b)));
    const c = e.fca.accessGaussian[i];
    const d = duck.accessGaussian[i];
    maxRelGauss = Math.max(maxRelGauss, Math.abs(c - d) / Math.max(1, Math.abs(c), Math.abs(d)));
  }
  const maxRel = Math.max(maxRelPlain, maxRelGauss);
  const agree = duck.pairs === e.pairs.count && duck.covered === covered && maxRel < 1e-9;
  const duckMed = median(duck.ms);
  console.log(
    `DuckDB 原生 ${duck.version}（${duck.threads} 线程）：中位数 ${fmtMs(duckMed)}；配对 ${duck.pairs.toLocaleString()}，覆盖 ${duck.covered.toLocaleString()}，` +
      `ΣA·P 均一 ${duck.sumAPPlain.toFixed(3)} / 引擎 ${sumAPp.toFixed(3)}，高斯 ${duck.sumAPGauss.toFixed(3)} / 引擎 ${sumAPg.toFixed(3)}；A_i 最大差 |ΔA|/max(1,|A|) 均一 ${maxRelPlain.toExponential(1)}、高斯 ${maxRelGauss.toExponential(1)} → ${agree ? '一致' : '不一致！'}`,
  );
  row(['province 20k × 1M', `DuckDB native ${duck.version}, ${duck.threads} threads (grid join + haversine + GROUP BY)`, fmtMs(duckMed), duck.ms.map((x) => x.toFixed(0)).join(', '), `agrees with engine: ${agree ? 'yes' : 'NO'} (pairs ${duck.pairs}, covered ${duck.covered}, max |ΔA_i|/max(1,|A_i|) plain ${maxRelPlain.toExponential(1)}, Gaussian ${maxRelGauss.toExponential(1)})`]);

  const naive = naiveTurfPerPair(p.kgLon, p.kgLat, p.cellLon, p.cellLat, p.kgPlaces, p.cellChildren, RADIUS, 50, 4000);
  console.log(
    `朴素 Turf 双重循环：实测 ${naive.pairsTimed.toLocaleString()} 对，每对 ${(naive.msPerPair * 1e6).toFixed(0)} ns，外推全量 ${(N_KG * N_CELLS).toExponential(1)} 对 ≈ ${fmtDur(naive.extrapolatedMs)}（仅一遍循环，为下限）`,
  );
  row(['province 20k × 1M', 'naive turf.distance double loop (extrapolated)', fmtDur(naive.extrapolatedMs), '—', `${naive.pairsTimed} pairs timed, ${(naive.msPerPair * 1e6).toFixed(0)} ns/pair × ${(N_KG * N_CELLS).toExponential(1)} pairs; one pass only (lower bound)`]);

  const rows = provinceRows(p);
  const params = defaultAnalysisParams(AS_OF);
  runAnalysis(rows, params); // warm-up
  const full = time(Math.max(3, Math.min(RUNS, 5)), () => runAnalysis(rows, params));
  const fullMed = median(full.ms);
  const st = full.last.timings;
  const stages = `prepare ${st.prepareMs.toFixed(0)}, pairs ${st.pairsMs.toFixed(0)}, coverage+nearest ${st.coverageMs.toFixed(0)}, 2SFCA ${st.twoStepMs.toFixed(0)}, 街道 ${st.aggregateMs.toFixed(0)}, 配套园 ${st.communitiesMs.toFixed(0)}, indicators ${st.indicatorsMs.toFixed(0)} ms (last run)`;
  console.log(`runAnalysis（100 万行对象输入，全部阶段）：中位数 ${fmtMs(fullMed)}；${stages}`);
  row(['province 20k × 1M', 'runAnalysis end to end from 1M schema rows (incl. nearest kindergarten ≤ 3 km, 400 街道, indicators)', fmtMs(fullMed), full.ms.map((x) => x.toFixed(0)).join(', '), stages]);
  const ppb = benchPlan(rows, { id: 'p', name: '省级', projects: syntheticNewBuilds(rows, 200) }, params, 3, [2030]);
  const pRatio = median(ppb.naiveMs) / median(ppb.planMs);
  console.log(`省级 十五五 ${ppb.years} 个年份（200 个新建项目，配对一次 ${fmtMs(ppb.pairsMs)}）：${fmtMs(median(ppb.planMs))}（目标 ≤ 3 s ${median(ppb.planMs) <= 3000 ? '✓' : '✗'}）；逐年各自重算 ${fmtMs(median(ppb.naiveMs))}，${pRatio.toFixed(1)}×`);
  row(['province 20k × 1M', `plan: ${ppb.years} years, 200 new builds, detail for 2030 (pairs once, ${ppb.pairsMs.toFixed(0)} ms)`, fmtMs(median(ppb.planMs)), ppb.planMs.map((x) => x.toFixed(0)).join(', '), `goal ≤ 3 s; ${ppb.years} separate runAnalysis: ${fmtMs(median(ppb.naiveMs))} (${pRatio.toFixed(1)}×)`]);

  const vsNaive = naive.extrapolatedMs / engMed;
  const vsDuck = duckMed / engMed;
  console.log('');
  console.log(`目标：省级 ≤ 2 s —— 引擎核心 ${fmtMs(engMed)}，runAnalysis ${fmtMs(fullMed)} ${fullMed <= 2000 ? '✓' : '✗'}`);
  console.log(`目标：≥ 1000 × 朴素循环 —— ${Math.round(vsNaive).toLocaleString()} × ${vsNaive >= 1000 ? '✓' : '✗'}`);
  console.log(`目标：不慢于 DuckDB 原生 —— DuckDB ÷ 引擎 = ${vsDuck.toFixed(2)} × ${vsDuck >= 1 ? '✓' : '✗'}（runAnalysis 全流程 ÷ DuckDB = ${(fullMed / duckMed).toFixed(2)}）`);
  console.log(`结束时负载 ${load()}（2 核机器上有其他进程时计时偏慢）`);
  row(['ratios', 'naive ÷ engine core; DuckDB ÷ engine core', `${Math.round(vsNaive).toLocaleString()}×; ${vsDuck.toFixed(2)}×`, '—', `load average ${load()} at the end`]);
  console.log(`\n${md.join('\n')}`);
  if (MD) appendFileSync(MD, `\n${md.join('\n')}\n`);
}

// the import benchmark runs after main() has returned, so the province's million rows are garbage by then
main()
  .then(() => {
    const walk = runWalkBench(quick, RUNS);
    console.log(`\n${walk.join('\n')}`);
    if (MD) appendFileSync(MD, `\n${walk.join('\n')}\n`);
  })
  .then(() => runImportBench({ rows: quick ? 100_000 : 1_000_000, md: MD }))
  .then(async () => {
    console.log('\n选址（MCLP / 按学位计，HiGHS 精确解 vs 即时启发式 vs 朴素贪心）');
    await runSiteBench(quick);
  })
  .then(async () => {
    console.log('\n恶意文件（导入上限，src/data/import/limits.ts）');
    await runHostileBench({ md: MD });
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
