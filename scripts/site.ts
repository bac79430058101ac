/**
 * CLI: site selection (选址) on a data folder, printed in Chinese.
 *
 *   npm run site -- --data <folder> --p 5 --radius 300 [--capacity] [--goal mclp|lscp]
 *     [--classes 6|9|12] [--grid 300] [--plots plots.geojson] [--budget 万元] [--cost 万元]
 *     [--time-limit 60] [--json out.json]
 *
 * Candidates: a grid over populated land (--grid spacing in m), or reserved
 * education plots (--plots: GeoJSON points/polygons with an area property, or
 * polygons whose area is computed). Prints the instant answer, then the exact one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import loadHighs from 'highs';
import { loadDataFolder } from '../src/data/load-folder-node';
import { defaultAnalysisParams } from '../src/analysis/params';
import { defaultPlanSettings } from '../src/analysis/plan/plan-defaults';
import { presentSitingInput } from '../src/analysis/plan/present';
import { gridCandidates, prepareSiting, runSitingExact, runSitingHeuristic } from '../src/analysis/siting/run-siting';
import { plotCandidatesFromGeoJson } from '../src/analysis/siting/plot-candidates';
import { sitingReportJson } from '../src/analysis/siting/siting-report';
import { defaultSitingParams, type SitingAnswer, type SitingParams } from '../src/analysis/siting/siting-types';

const USAGE = `用法：npm run site -- --data <数据文件夹> --p <新建园数> --radius <米> [--capacity] [--json <输出文件>]
  --goal mclp|lscp     目标：mclp（p 所新园覆盖最多未覆盖幼儿，默认）或 lscp（覆盖全部幼儿的最少园数）
  --capacity           按学位计覆盖：幼儿仅在服务半径内有空余学位时计为覆盖（现有园学位优先）
  --classes 6|9|12     新建园规模（班，每班 30 个学位），默认 12
  --grid <米>          候选点：人口分布上的方格网，间距默认 300
  --plots <文件>       候选点：教育用地 GeoJSON（面积属性 area/面积/用地面积，或由多边形计算）
  --budget <万元>      总投资上限；--cost <万元> 每所新园造价，默认 3000
  --time-limit <秒>    精确求解的时间上限，默认 60`;

const todayChina = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function fail(msg: string): never {
  console.error(`错误：${msg}\n\n${USAGE}`);
  process.exit(1);
}

interface Args {
  data: string;
  json: string | null;
  grid: number;
  plots: string | null;
  params: SitingParams;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { data: 'data', json: null, grid: 300, plots: null, params: defaultSitingParams() };
  const num = (flag: string, v: string | undefined, ok: (x: number) => boolean): number => {
    const x = Number(v);
    if (v === undefined || !ok(x)) fail(`参数 ${flag} 的值“${v ?? ''}”无效`);
    return x;
  };
  for (let k = 0; k < argv.length; k++) {
    const f = argv[k];
    const v = (): string | undefined => argv[++k];
    if (f === '--data') a.data = v() ?? fail('--data 需要文件夹');
    else if (f === '--json') a.json = v() ?? fail('--json 需要文件名');
    else if (f === '--plots') a.plots = v() ?? fail('--plots 需要文件名');
    else if (f === '--p') a.params.p = num(f, v(), (x) => Number.isInteger(x) && x >= 0);
    else if (f === '--radius') a.params.radiusM = num(f, v(), (x) => x > 0);
    else if (f === '--grid') a.grid = num(f, v(), (x) => x > 0);
    else if (f === '--classes') a.params.classes = num(f, v(), (x) => x === 6 || x === 9 || x === 12) as 6 | 9 | 12;
    else if (f === '--budget') a.params.budget10k = num(f, v(), (x) => x >= 0);
    else if (f === '--cost') a.params.cost10kPerSite = num(f, v(), (x) => x >= 0);
    else if (f === '--time-limit') a.params.timeLimitS = num(f, v(), (x) => x > 0);
    else if (f === '--capacity') a.params.capacity = true;
    else if (f === '--goal') {
      const g = v();
      if (g !== 'mclp' && g !== 'lscp') fail(`--goal 应为 mclp 或 lscp，而不是“${g ?? ''}”`);
      a.params.goal = g;
    } else if (f === '--help' || f === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`未知参数 ${f}`);
  }
  return a;
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');

function printAnswer(label: string, a: SitingAnswer, total: number): void {
  console.log(`\n${label}（${(a.ms / 1000).toFixed(2)} 秒）：${a.statusZh}`);
  const obj = a.goal === 'lscp' ? `${int(a.objective)} 所` : `${int(a.objective)} 人（3–5岁）`;
  const bound = Number.isFinite(a.bound) ? `，上界 ${a.goal === 'lscp' ? a.bound.toFixed(2) : int(a.bound)}，差距 ${(a.gap * 100).toFixed(3)}%` : '';
  console.log(`  目标值 ${obj}${bound}`);
  const pct = (x: number) => (total > 0 ? `${((100 * x) / total).toFixed(1)}%` : '—');
  console.log(`  覆盖幼儿 ${int(a.servedBefore)}（${pct(a.servedBefore)}）→ ${int(a.servedAfter)}（${pct(a.servedAfter)}）`);
  a.sites.forEach((s, r) => console.log(`  ${String(r + 1).padStart(2)}. ${s.name}  ${s.lon.toFixed(6)}, ${s.lat.toFixed(6)}  新增服务 ${int(s.newlyServed)} 人  ${s.places} 个学位`));
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const { data } = loadDataFolder(a.data);
  const cands = a.plots ? plotCandidatesFromGeoJson(JSON.parse(readFileSync(a.plots, 'utf8'))) : gridCandidates(data.population, a.grid);
  // 现状 = the base year of 基准 (as the app's 选址 with the plan closed): its demand per cell and kindergartens
  const present = presentSitingInput(data, { ...defaultAnalysisParams(todayChina()), radiusM: a.params.radiusM }, defaultPlanSettings());
  const prep = prepareSiting(present.population, present.kindergartens, cands, a.params);
  const s = prep.summary;
  const p = a.params;
  console.log(`选址：${p.goal === 'lscp' ? '最少园数覆盖全部幼儿（LSCP）' : `新建 ${p.p} 所，覆盖最多幼儿（MCLP）`}，服务半径 ${p.radiusM} 米，${p.classes} 班 ${p.classes * 30} 个学位${p.capacity ? '，按学位计' : ''}${p.budget10k !== null ? `，预算 ${p.budget10k} 万元` : ''}`);
  console.log('  需求：2025 年（基准年，由人口图层按出生人口推算）3–5岁幼儿，供给：基准方案当年的幼儿园——与应用中关闭十五五时的选址相同');
  console.log(`  3–5岁幼儿 ${int(s.childrenTotal)}，现有园服务半径内 ${int(s.coveredByExisting)}，任何候选点都达不到 ${int(s.unreachable)}（${s.unreachableCells.length} 个网格）`);
  console.log(`  候选点 ${s.nCandidates}${s.dropped.length ? `（剔除 ${s.dropped.length}：${s.dropped.slice(0, 3).map((d) => `${d.name} ${d.reasonZh}`).join('；')}${s.dropped.length > 3 ? '…' : ''}）` : ''}，合并后需求组 ${s.nGroups}`);
  const h = runSitingHeuristic(prep);
  printAnswer('即时结果', h, s.childrenTotal);
  const highs = await loadHighs();
  const e = runSitingExact(prep, highs, { timeLimitS: p.timeLimitS, start: h.sites.map((x) => x.candidate) });
  printAnswer('精确结果', e, s.childrenTotal);
  if (a.json) {
    writeFileSync(a.json, JSON.stringify(sitingReportJson(p, s, h, e), null, 2));
    console.log(`\n已写入 ${a.json}`);
  }
}

void main();
