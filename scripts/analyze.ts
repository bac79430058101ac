/**
 * CLI: analyse a data folder and print the results in Chinese.
 *
 *   npm run analyze -- --data <folder> --radius <m> [--json <out>]
 *     [--decay gaussian|uniform] [--as-of YYYY-MM-DD] [--rules hainan|yulin]
 *     [--handover-months 3] [--cells]
 *
 * Reads the layer files of the documented schema (kindergartens.csv,
 * population.csv, communities.geojson, admin_units.geojson), runs the engine
 * (src/analysis) and prints the county indicators, coverage, 配套园 gaps and the
 * per-街道 table. --json writes the report documented in docs/analysis-json.md.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../src/data/issues';
import { loadDataFolder } from '../src/data/load-folder-node';
import { LAYERS, layerLabel, type LayerId } from '../src/data/schema';
import { PROBLEM_ORDER, PROBLEM_ZH } from '../src/analysis/communities';
import { radiusSourceZh } from '../src/analysis/headline';
import { defaultAnalysisParams, distanceLabelZh, RULE_TABLE_HAINAN_2019, RULE_TABLE_YULIN, validateParams } from '../src/analysis/params';
import { buildWalkGraph, type WalkGraph } from '../src/analysis/network/walk-graph';
import { walkLinesFromGeoJson } from '../src/data/network/walk-lines';
import { walkLinesFromShapefile } from '../src/data/network/shapefile-lines';
import { toJsonReport } from '../src/analysis/report-json';
import { defaultPlanSettings } from '../src/analysis/plan/plan-defaults';
import type { DemandBasis } from '../src/analysis/plan/plan-types';
import { planInputOf, runPresent } from '../src/analysis/plan/present';
import { describeBasis } from '../src/ui/messages';
import type { AnalysisParams, Figure, StreetRow } from '../src/analysis/types';
import { fmtInt, fmtNum, fmtPct, fmtShare, table } from './analyze/format';
import { runPlanReport } from './analyze/plan-report';

const USAGE = `用法：npm run analyze -- --data <数据文件夹> --radius <米> [--json <输出文件>]
  --data <文件夹>        数据文件夹（含 kindergartens.csv、population.csv、communities.geojson、admin_units.geojson），默认 data
  --radius <米>          服务半径，默认 300（GB 50180-2018），可选 500
  --decay <形式>         2SFCA 距离衰减：gaussian（高斯，默认）或 uniform（均一）
  --as-of <日期>         统计日期 YYYY-MM-DD，默认今天（判断配套园是否逾期移交）
  --rules <规则表>       配套园配建规则：hainan（海南 2019，默认）或 yulin（榆林）
  --handover-months <n>  竣工验收后应移交的月数，默认 3
  --basis <口径>         基准年幼儿：births（由普查按出生人口推算到基准年，默认）或 census（直接采用普查数）
  --json <文件>          另存 JSON 报告（格式见 docs/analysis-json.md）
  --walk <文件>          按步行路网距离分析（GeoJSON 或 Shapefile .zip/.shp 路网；示例：data/walk-network.geojson）
  --walk-speed <km/h>    步行速度（换算分钟），默认 5
  --cells                JSON 报告中包含每个人口网格的结果
  --year <年份>          十五五规划逐年供需（2025–2030），并给出该年的学位与覆盖
  --scenario <文件>      规划方案文件（.xwgh-scenario.json，应用中“导出方案”），默认 plan_projects 图层`;

interface Args {
  data: string;
  radius: number;
  json: string | null;
  decay: 'gaussian' | 'uniform';
  asOf: string;
  rules: 'hainan' | 'yulin';
  handoverMonths: number;
  cells: boolean;
  year: number | null;
  scenario: string | null;
  basis: DemandBasis;
  walk: string | null;
  walkSpeed: number | null;
}

function fail(msg: string, code = 1): never {
  console.error(`错误：${msg}`);
  process.exit(code);
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { data: 'data', radius: 300, json: null, decay: 'gaussian', asOf: todayIso(), rules: 'hainan', handoverMonths: 3, cells: false, year: null, scenario: null, basis: 'births', walk: null, walkSpeed: null };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    const val = (): string => {
      const v = argv[++k];
      if (v === undefined || v.startsWith('--')) fail(`参数 ${flag} 需要一个值\n\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--data':
        a.data = val();
        break;
      case '--radius': {
        const v = val();
        a.radius = Number(v);
        if (!(a.radius > 0)) fail(`服务半径应为正数（米），而不是“${v}”`);
        break;
      }
      case '--json':
        a.json = val();
        break;
      case '--walk':
        a.walk = val();
        break;
      case '--walk-speed': {
        const v = val();
        a.walkSpeed = Number(v);
        if (!(a.walkSpeed > 0)) fail(`步行速度应为正数（km/h），而不是“${v}”`);
        break;
      }
      case '--decay': {
        const v = val();
        if (v !== 'gaussian' && v !== 'uniform') fail(`--decay 应为 gaussian 或 uniform，而不是“${v}”`);
        a.decay = v;
        break;
      }
      case '--as-of':
        a.asOf = val();
        break;
      case '--rules': {
        const v = val();
        if (v !== 'hainan' && v !== 'yulin') fail(`--rules 应为 hainan 或 yulin，而不是“${v}”`);
        a.rules = v;
        break;
      }
      case '--handover-months':
        a.handoverMonths = Number(val());
        break;
      case '--cells':
        a.cells = true;
        break;
      case '--basis': {
        const v = val();
        if (v !== 'births' && v !== 'census') fail(`--basis 应为 births 或 census，而不是“${v}”`);
        a.basis = v;
        break;
      }
      case '--year': {
        const v = val();
        a.year = Number(v);
        if (!Number.isInteger(a.year)) fail(`--year 应为年份，而不是“${v}”`);
        break;
      }
      case '--scenario':
        a.scenario = val();
        if (!existsSync(a.scenario)) fail(`找不到方案文件“${a.scenario}”`);
        break;
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`未知参数“${flag}”\n\n${USAGE}`);
    }
  }
  return a;
}

const mark = (f: Figure): string => (f.pass === undefined ? ' ' : f.pass ? '✓' : '✗');

function fmtFigure(f: Figure): string {
  if (f.value === null) return '—';
  if (f.unit === '%') return fmtPct(f.value);
  if (f.unit === '人/人') return `1:${fmtNum(f.value, 1)}`;
  if (f.unit === '学位/人') return fmtNum(f.value, 2);
  return `${fmtInt(f.value)} ${f.unit}`;
}

function fmtThreshold(f: Figure): string {
  if (!f.threshold) return '';
  const v = f.unit === '%' ? `${f.threshold.value}%` : f.unit === '人/人' ? `1:${f.threshold.value}` : String(f.threshold.value);
  return `${f.threshold.op === '>=' ? '≥' : '≤'} ${v}`;
}

/** The walking network of --walk (GeoJSON or Shapefile), with its problems printed. */
async function readWalkGraph(file: string): Promise<WalkGraph> {
  if (!existsSync(file)) fail(`找不到路网文件“${file}”`);
  const name = path.basename(file);
  try {
    const read = /\.(zip|shp)$/i.test(name)
      ? await walkLinesFromShapefile({ name, arrayBuffer: async () => new Uint8Array(readFileSync(file)).buffer })
      : walkLinesFromGeoJson(JSON.parse(readFileSync(file, 'utf8')), name);
    const g = buildWalkGraph(read.lines);
    const st = g.stats;
    console.warn(`步行路网 ${name}：${st.edges} 段，${(st.lengthM / 1000).toFixed(1)} 公里，${st.components} 个连通部分${st.components > 1 ? `（主体之外 ${(st.detachedLengthM / 1000).toFixed(1)} 公里）` : ''}；排除不可步行道路 ${read.notWalkable} 条`);
    return g;
  } catch (e) {
    return fail((e as Error).message);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.resolve(args.data);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`找不到数据文件夹“${args.data}”\n\n${USAGE}`);
  const { data, issues, missing } = loadDataFolder(dir);
  const fileOf = (id: LayerId) => LAYERS[id].file;
  for (const id of missing) {
    if (id === 'plan_projects' || id === 'childcare_centres') continue;
    console.warn(`警告：缺少${layerLabel('zh', id)}图层（${fileOf(id)}）`);
  }
  if (missing.includes('kindergartens') && missing.includes('population')) {
    fail(`文件夹“${args.data}”中没有 ${fileOf('kindergartens')} 和 ${fileOf('population')}，无法分析。请按数据说明准备图层文件。`, 2);
  }
  if (issues.length > 0) {
    const shown = issues.slice(0, 20);
    for (const i of shown) console.warn(`${i.severity === 'error' ? '警告（该行已跳过）' : '提示'}：${formatIssue('zh', i)}`);
    if (issues.length > shown.length) console.warn(`……另有 ${issues.length - shown.length} 条数据问题未列出`);
  }
  const params: AnalysisParams = {
    ...defaultAnalysisParams(args.asOf),
    radiusM: args.radius,
    decay: args.decay,
    ruleTable: structuredClone(args.rules === 'yulin' ? RULE_TABLE_YULIN : RULE_TABLE_HAINAN_2019),
    handoverMonths: args.handoverMonths,
    ...(args.walk ? { distanceMode: 'walking' as const, ...(args.walkSpeed ? { walkSpeedKmh: args.walkSpeed } : {}) } : {}),
  };
  const walkGraph = args.walk ? await readWalkGraph(args.walk) : undefined;
  const bad = validateParams(params);
  if (bad.length > 0) fail(bad.join('；'));

  if (args.year !== null || args.scenario !== null) {
    let plan: ReturnType<typeof runPlanReport>;
    try {
      plan = runPlanReport(data, params, args.scenario, args.year, args.basis, walkGraph);
    } catch (e) {
      fail((e as Error).message);
    }
    console.log(plan.text);
    if (args.json) {
      const file = path.resolve(args.json);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(plan.json, null, 2)}\n`);
      console.log(`JSON 报告已写入 ${file}`);
    }
    return;
  }

  // 现状 = the plan engine's base year of the 基准 scenario, exactly as the app computes it
  const settings = defaultPlanSettings();
  settings.demand.baseBasis = args.basis;
  const { result, plan: present } = runPresent({ ...planInputOf(data, params.ruleTable), walkGraph }, { id: 'base', name: '基准方案', projects: data.plan_projects }, params, settings);
  for (const w of result.warningsZh) console.warn(`警告：${w}`);

  const out: string[] = [];
  const d = result.district;
  out.push('');
  out.push(`学位规划分析 — ${path.basename(dir)}（统计日期 ${params.asOfDate}）`);
  out.push(
    `服务半径 ${params.radiusM} m（${radiusSourceZh(params.radiusM)}）${params.distanceMode === 'walking' ? `；距离：${distanceLabelZh(params)}` : ''}；2SFCA ${params.decay === 'gaussian' ? '高斯衰减' : '均一权重'}；配套园规则 ${params.ruleTable.labelZh}`,
  );
  out.push(`数据口径：${describeBasis('zh', present, settings.baseYear)}`);
  out.push(`现状幼儿园 ${fmtInt(d.kindergartens)} 所，学位 ${fmtInt(d.places)} 个；3–5岁幼儿 ${fmtInt(d.children)} 人（${present.dataYear} 年普查口径 ${fmtInt(present.censusChildren)} 人）；常住人口 ${fmtInt(d.residents)} 人`);

  out.push('', '一、县域学前教育普及普惠指标（全区）');
  out.push(
    table(result.indicators, [
      { title: '指标', align: 'left', get: (f) => f.labelZh },
      { title: '数值', align: 'right', get: fmtFigure },
      { title: '标准', align: 'left', get: fmtThreshold },
      { title: '达标', align: 'left', get: mark },
      { title: '来源', align: 'left', get: (f) => f.sourceZh.split('；')[0] },
    ]),
  );
  for (const f of result.indicators) if (f.noteZh) out.push(`  注：${f.labelZh} — ${f.noteZh}`);

  out.push('', `二、服务半径覆盖与供需（${distanceLabelZh(params)}）`);
  const h = Object.fromEntries(result.headline.map((f) => [f.key, f]));
  const line = (label: string, value: string) => `  ${label}：${value}`;
  out.push(line('覆盖的 3–5岁幼儿', `${fmtInt(d.coveredChildren)} 人（${fmtShare(d.coveredChildrenShare)}），服务半径外 ${fmtInt(d.outside)} 人`));
  out.push(line('覆盖的常住人口', `${fmtInt(d.coveredResidents)} 人（${fmtShare(d.coveredResidentsShare)}），服务半径外 ${fmtInt(d.residents - d.coveredResidents)} 人`));
  out.push(
    line(
      '3–5岁幼儿去向',
      `就近有学位 ${fmtInt(d.served)} + 半径内学位不足 ${fmtInt(d.overCapacity)} + 半径外 ${fmtInt(d.outside)} = ${fmtInt(d.children)} 人`,
    ),
  );
  out.push(line('学位缺口', `${fmtInt(d.placesGap)} 个（学位 ${fmtInt(d.places)} − 幼儿 ${fmtInt(d.children)}，不足时计）`));
  out.push(line('人均可达学位（2SFCA）', `${fmtNum(d.meanAccess, 2)}（均一 ${fmtNum(d.meanAccessPlain, 2)}，高斯 ${fmtNum(d.meanAccessGaussian, 2)}）`));
  const st = result.kindergartens.status;
  const cnt = (s: string) => st.filter((x) => x === s).length;
  out.push(line('幼儿园供需比 R', `绿 ${cnt('green')} 所、黄 ${cnt('amber')} 所、红 ${cnt('red')} 所、半径内无幼儿 ${cnt('no_demand')} 所（R ≥ ${params.statusThresholds.green} 绿，≥ ${params.statusThresholds.amber} 黄）`));
  if (h.kg_red_share) out.push(line('红色幼儿园占比', fmtFigure(h.kg_red_share)));

  out.push('', '三、城镇小区配套园');
  const cs = result.communitySummary;
  out.push(line('小区', `${fmtInt(cs.communities)} 个，应配建 ${fmtInt(cs.required)} 个，问题涉及应配建班数 ${fmtInt(cs.classesAtRisk)} 班`));
  for (const k of PROBLEM_ORDER) out.push(line(PROBLEM_ZH[k], `${fmtInt(cs.byProblem[k])} 个`));
  out.push(line('逾期未移交', `${fmtInt(cs.overdue)} 个（移交期限：竣工验收后 ${params.handoverMonths} 个月，或台账给定日期）`));
  const overdue = result.communities.filter((c) => c.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue);
  if (overdue.length > 0) {
    out.push(
      table(overdue.slice(0, 15), [
        { title: '小区', align: 'left', get: (c) => c.name },
        { title: '问题', align: 'left', get: (c) => c.problemZh },
        { title: '应移交日期', align: 'left', get: (c) => c.handoverDue ?? '' },
        { title: '逾期天数', align: 'right', get: (c) => fmtInt(c.daysOverdue) },
      ]),
    );
    if (overdue.length > 15) out.push(`  ……另有 ${overdue.length - 15} 个逾期小区`);
  }

  out.push('', '四、分街道供需与指标');
  const ind = (s: StreetRow, key: string) => s.indicators.find((f) => f.key === key);
  const withMark = (f: Figure | undefined) => (f ? `${fmtFigure(f)}${f.pass === undefined ? '' : f.pass ? ' ✓' : ' ✗'}` : '—');
  const rows = [...result.streets, { ...d, indicators: result.indicators, assignedByBoundary: { kindergartens: 0, cells: 0, communities: 0 } } as StreetRow];
  out.push(
    table(rows, [
      { title: '街道', align: 'left', get: (s) => s.nameZh },
      { title: '幼儿园', align: 'right', get: (s) => fmtInt(s.kindergartens) },
      { title: '学位', align: 'right', get: (s) => fmtInt(s.places) },
      { title: '3–5岁', align: 'right', get: (s) => fmtInt(s.children) },
      { title: '缺口', align: 'right', get: (s) => fmtInt(s.placesGap) },
      { title: '覆盖率', align: 'right', get: (s) => fmtShare(s.coveredChildrenShare) },
      { title: '就近有学位', align: 'right', get: (s) => fmtInt(s.served) },
      { title: '学位不足', align: 'right', get: (s) => fmtInt(s.overCapacity) },
      { title: '半径外', align: 'right', get: (s) => fmtInt(s.outside) },
      { title: '可达性', align: 'right', get: (s) => fmtNum(s.meanAccess, 2) },
      { title: '状态', align: 'left', get: (s) => ({ green: '绿', amber: '黄', red: '红', no_demand: '—' })[s.status] },
      { title: '毛入园率', align: 'right', get: (s) => withMark(ind(s, 'gross_enrolment_rate')) },
      { title: '普惠覆盖率', align: 'right', get: (s) => withMark(ind(s, 'inclusive_coverage')) },
      { title: '公办占比', align: 'right', get: (s) => withMark(ind(s, 'public_share')) },
    ]),
  );
  out.push('  注：街道可达性 = Σ(A_i × 网格幼儿数) ÷ Σ网格幼儿数；就近有学位 = Σ min(A_i, 1) × 网格幼儿数；末行为全区合计。');
  out.push('', `用时 ${fmtNum(result.timings.totalMs, 0)} ms（配对 ${result.pairCount.toLocaleString('en-US')} 对）`);
  console.log(out.join('\n'));

  if (args.json) {
    const file = path.resolve(args.json);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(toJsonReport(result, { includeCells: args.cells }), null, 2)}\n`);
    console.log(`JSON 报告已写入 ${file}`);
  }
}

void main();
