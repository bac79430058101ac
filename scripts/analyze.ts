/**
 * CLI: analyse a data folder and print the results in Chinese (--lang en: English).
 *
 *   npm run analyze -- --data <folder> --radius <m> [--json <out>]
 *     [--decay gaussian|uniform] [--as-of YYYY-MM-DD] [--rules hainan|yulin]
 *     [--handover-months 3] [--cells] [--lang zh|en]
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
import { PROBLEM_KEY, PROBLEM_ORDER } from '../src/analysis/communities';
import { UNIT_KEY } from '../src/analysis/figures';
import { radiusSource } from '../src/analysis/headline';
import { messageOfError } from '../src/i18n/message-error';
import { defaultAnalysisParams, distanceLabel, RULE_TABLE_HAINAN_2019, RULE_TABLE_YULIN, ruleTableLabel, validateParams } from '../src/analysis/params';
import { BASE_SCENARIO_NAME } from '../src/analysis/plan/present';
import { m, msg, render, type Lang, type Message, type MessageKey, type MessageValues } from '../src/i18n';
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

let lang: Lang = process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
const t = (key: MessageKey, values?: MessageValues): string => msg(lang, key, values);
const r = (message: Message): string => render(lang, message);
const usage = (): string => t('cli.analyze.usage');

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
  lang: Lang;
}

function fail(text: string, code = 1): never {
  console.error(t('cli.error', { text }));
  process.exit(code);
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { data: 'data', radius: 300, json: null, decay: 'gaussian', asOf: todayIso(), rules: 'hainan', handoverMonths: 3, cells: false, year: null, scenario: null, basis: 'births', walk: null, walkSpeed: null, lang };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    const val = (): string => {
      const v = argv[++k];
      if (v === undefined || v.startsWith('--')) fail(`${t('cli.needsValue', { flag })}\n\n${usage()}`);
      return v;
    };
    switch (flag) {
      case '--data':
        a.data = val();
        break;
      case '--radius': {
        const v = val();
        a.radius = Number(v);
        if (!(a.radius > 0)) fail(t('cli.badRadius', { value: v }));
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
        if (!(a.walkSpeed > 0)) fail(t('cli.badWalkSpeed', { value: v }));
        break;
      }
      case '--decay': {
        const v = val();
        if (v !== 'gaussian' && v !== 'uniform') fail(t('cli.badChoice', { flag, choices: 'gaussian / uniform', value: v }));
        a.decay = v;
        break;
      }
      case '--as-of':
        a.asOf = val();
        break;
      case '--rules': {
        const v = val();
        if (v !== 'hainan' && v !== 'yulin') fail(t('cli.badChoice', { flag, choices: 'hainan / yulin', value: v }));
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
        if (v !== 'births' && v !== 'census') fail(t('cli.badChoice', { flag, choices: 'births / census', value: v }));
        a.basis = v;
        break;
      }
      case '--year': {
        const v = val();
        a.year = Number(v);
        if (!Number.isInteger(a.year)) fail(t('cli.badYear', { value: v }));
        break;
      }
      case '--scenario':
        a.scenario = val();
        if (!existsSync(a.scenario)) fail(t('cli.noScenarioFile', { file: a.scenario }));
        break;
      case '--lang': {
        const v = val();
        if (v !== 'zh' && v !== 'en') fail(t('cli.badChoice', { flag, choices: 'zh / en', value: v }));
        a.lang = lang = v;
        break;
      }
      case '-h':
      case '--help':
        console.log(usage());
        process.exit(0);
        break;
      default:
        fail(`${t('cli.unknownFlag', { flag })}\n\n${usage()}`);
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
  const unit = UNIT_KEY[f.unit];
  return t('cli.count', { n: fmtInt(f.value), unit: unit ? t(unit) : f.unit });
}

function fmtThreshold(f: Figure): string {
  if (!f.threshold) return '';
  const v = f.unit === '%' ? `${f.threshold.value}%` : f.unit === '人/人' ? `1:${f.threshold.value}` : String(f.threshold.value);
  return `${f.threshold.op === '>=' ? '≥' : '≤'} ${v}`;
}

/** The walking network of --walk (GeoJSON or Shapefile), with its problems printed. */
async function readWalkGraph(file: string): Promise<WalkGraph> {
  if (!existsSync(file)) fail(t('cli.noWalkFile', { file }));
  const name = path.basename(file);
  try {
    const read = /\.(zip|shp)$/i.test(name)
      ? await walkLinesFromShapefile({ name, arrayBuffer: async () => new Uint8Array(readFileSync(file)).buffer })
      : walkLinesFromGeoJson(JSON.parse(readFileSync(file, 'utf8')), name);
    const g = buildWalkGraph(read.lines);
    const st = g.stats;
    const detached = st.components > 1 ? t('cli.walk.detached', { km: (st.detachedLengthM / 1000).toFixed(1) }) : '';
    console.warn(t('cli.walk.read', { name, edges: st.edges, km: (st.lengthM / 1000).toFixed(1), components: st.components, detached, notWalkable: read.notWalkable }));
    return g;
  } catch (e) {
    return fail((e as Error).message);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.resolve(args.data);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`${t('cli.noDataFolder', { folder: args.data })}\n\n${usage()}`);
  const { data, issues, missing } = loadDataFolder(dir);
  const fileOf = (id: LayerId) => LAYERS[id].file;
  for (const id of missing) {
    if (id === 'plan_projects' || id === 'childcare_centres') continue;
    console.warn(t('cli.missingLayer', { layer: layerLabel(lang, id), file: fileOf(id) }));
  }
  if (missing.includes('kindergartens') && missing.includes('population')) {
    fail(t('cli.noInput', { folder: args.data, kindergartens: fileOf('kindergartens'), population: fileOf('population') }), 2);
  }
  if (issues.length > 0) {
    const shown = issues.slice(0, 20);
    for (const i of shown) console.warn(t(i.severity === 'error' ? 'cli.issue.error' : 'cli.issue.note', { text: formatIssue(lang, i) }));
    if (issues.length > shown.length) console.warn(t('cli.issue.more', { n: issues.length - shown.length }));
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
  if (bad.length > 0) fail(bad.map(r).join(t('shell.semicolon')));

  if (args.year !== null || args.scenario !== null) {
    let plan: ReturnType<typeof runPlanReport>;
    try {
      plan = runPlanReport(data, params, args.scenario, args.year, args.basis, walkGraph, lang);
    } catch (e) {
      fail(r(messageOfError(e)));
    }
    console.log(plan.text);
    if (args.json) {
      const file = path.resolve(args.json);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(plan.json, null, 2)}\n`);
      console.log(t('cli.jsonWritten', { file }));
    }
    return;
  }

  // 现状 = the plan engine's base year of the 基准 scenario, exactly as the app computes it
  const settings = defaultPlanSettings();
  settings.demand.baseBasis = args.basis;
  const { result, plan: present } = runPresent({ ...planInputOf(data, params.ruleTable), walkGraph }, { id: 'base', name: BASE_SCENARIO_NAME, projects: data.plan_projects }, params, settings);
  for (const w of result.warnings) console.warn(t('cli.warning', { text: w }));

  const out: string[] = [];
  const d = result.district;
  out.push('');
  out.push(t('cli.title', { folder: path.basename(dir), date: params.asOfDate }));
  const walkingNote = params.distanceMode === 'walking' ? t('cli.distanceNote', { distance: distanceLabel(params) }) : '';
  out.push(
    t('cli.params', {
      radius: params.radiusM,
      source: radiusSource(params.radiusM),
      walking: walkingNote,
      decay: m(params.decay === 'gaussian' ? 'engine.decay.gaussian' : 'engine.decay.uniform'),
      rules: ruleTableLabel(params.ruleTable),
    }),
  );
  out.push(t('cli.basis', { basis: describeBasis(lang, present, settings.baseYear) }));
  out.push(
    t('cli.summary', {
      kindergartens: fmtInt(d.kindergartens),
      places: fmtInt(d.places),
      children: fmtInt(d.children),
      dataYear: present.dataYear,
      censusChildren: fmtInt(present.censusChildren),
      residents: fmtInt(d.residents),
    }),
  );

  out.push('', t('cli.h.indicators'));
  out.push(
    table(result.indicators, [
      { title: t('cli.col.indicator'), align: 'left', get: (f) => r(f.label) },
      { title: t('cli.col.value'), align: 'right', get: fmtFigure },
      { title: t('cli.col.standard'), align: 'left', get: fmtThreshold },
      { title: t('cli.col.pass'), align: 'left', get: mark },
      { title: t('cli.col.source'), align: 'left', get: (f) => r(f.source).split(t('shell.semicolon'))[0] },
    ]),
  );
  for (const f of result.indicators) if (f.note) out.push(t('cli.note', { label: f.label, note: f.note }));

  out.push('', t('cli.h.coverage', { distance: distanceLabel(params) }));
  const h = Object.fromEntries(result.headline.map((f) => [f.key, f]));
  const line = (label: string, value: string) => t('cli.line', { label, value });
  out.push(line(t('cli.coveredChildren'), t('cli.coveredChildren.value', { n: fmtInt(d.coveredChildren), share: fmtShare(d.coveredChildrenShare), outside: fmtInt(d.outside) })));
  out.push(line(t('cli.coveredResidents'), t('cli.coveredChildren.value', { n: fmtInt(d.coveredResidents), share: fmtShare(d.coveredResidentsShare), outside: fmtInt(d.residents - d.coveredResidents) })));
  out.push(line(t('cli.split'), t('cli.split.value', { served: fmtInt(d.served), over: fmtInt(d.overCapacity), outside: fmtInt(d.outside), children: fmtInt(d.children) })));
  out.push(line(t('cli.gap'), t('cli.gap.value', { gap: fmtInt(d.placesGap), places: fmtInt(d.places), children: fmtInt(d.children) })));
  out.push(line(t('engine.fig.meanAccess'), t('cli.access.value', { mean: fmtNum(d.meanAccess, 2), plain: fmtNum(d.meanAccessPlain, 2), gauss: fmtNum(d.meanAccessGaussian, 2) })));
  const st = result.kindergartens.status;
  const cnt = (s: string) => st.filter((x) => x === s).length;
  out.push(line(t('cli.ratio'), t('cli.ratio.value', { green: cnt('green'), amber: cnt('amber'), red: cnt('red'), none: cnt('no_demand'), g: params.statusThresholds.green, a: params.statusThresholds.amber })));
  if (h.kg_red_share) out.push(line(t('cli.redShare'), fmtFigure(h.kg_red_share)));

  out.push('', t('cli.h.communities'));
  const cs = result.communitySummary;
  out.push(line(t('cli.communities'), t('cli.communities.value', { n: fmtInt(cs.communities), required: fmtInt(cs.required), classes: fmtInt(cs.classesAtRisk) })));
  for (const k of PROBLEM_ORDER) out.push(line(t(PROBLEM_KEY[k]), t('cli.count', { n: fmtInt(cs.byProblem[k]), unit: m('engine.unit.count') })));
  out.push(line(t('cli.overdue'), t('cli.overdue.value', { n: fmtInt(cs.overdue), months: params.handoverMonths })));
  const overdue = result.communities.filter((c) => c.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue);
  if (overdue.length > 0) {
    out.push(
      table(overdue.slice(0, 15), [
        { title: t('cli.col.community'), align: 'left', get: (c) => c.name },
        { title: t('cli.col.problem'), align: 'left', get: (c) => r(c.problemLabel) },
        { title: t('cli.col.handoverDue'), align: 'left', get: (c) => c.handoverDue ?? '' },
        { title: t('cli.col.daysOverdue'), align: 'right', get: (c) => fmtInt(c.daysOverdue) },
      ]),
    );
    if (overdue.length > 15) out.push(t('cli.moreOverdue', { n: overdue.length - 15 }));
  }

  out.push('', t('cli.h.streets'));
  const ind = (s: StreetRow, key: string) => s.indicators.find((f) => f.key === key);
  const withMark = (f: Figure | undefined) => (f ? `${fmtFigure(f)}${f.pass === undefined ? '' : f.pass ? ' ✓' : ' ✗'}` : '—');
  const rows = [...result.streets, { ...d, indicators: result.indicators, assignedByBoundary: { kindergartens: 0, cells: 0, communities: 0 } } as StreetRow];
  const rag = { green: t('cli.rag.green'), amber: t('cli.rag.amber'), red: t('cli.rag.red'), no_demand: '—' };
  out.push(
    table(rows, [
      { title: t('cli.col.street'), align: 'left', get: (s) => s.nameZh },
      { title: t('cli.col.kindergartens'), align: 'right', get: (s) => fmtInt(s.kindergartens) },
      { title: t('cli.col.places'), align: 'right', get: (s) => fmtInt(s.places) },
      { title: t('cli.col.children'), align: 'right', get: (s) => fmtInt(s.children) },
      { title: t('cli.col.gap'), align: 'right', get: (s) => fmtInt(s.placesGap) },
      { title: t('cli.col.coverage'), align: 'right', get: (s) => fmtShare(s.coveredChildrenShare) },
      { title: t('cli.col.served'), align: 'right', get: (s) => fmtInt(s.served) },
      { title: t('cli.col.over'), align: 'right', get: (s) => fmtInt(s.overCapacity) },
      { title: t('cli.col.outside'), align: 'right', get: (s) => fmtInt(s.outside) },
      { title: t('cli.col.access'), align: 'right', get: (s) => fmtNum(s.meanAccess, 2) },
      { title: t('cli.col.status'), align: 'left', get: (s) => rag[s.status] },
      { title: t('cli.col.gross'), align: 'right', get: (s) => withMark(ind(s, 'gross_enrolment_rate')) },
      { title: t('cli.col.inclusive'), align: 'right', get: (s) => withMark(ind(s, 'inclusive_coverage')) },
      { title: t('cli.col.public'), align: 'right', get: (s) => withMark(ind(s, 'public_share')) },
    ]),
  );
  out.push(t('cli.streets.note'));
  out.push('', t('cli.timing', { ms: fmtNum(result.timings.totalMs, 0), pairs: result.pairCount.toLocaleString('en-US') }));
  console.log(out.join('\n'));

  if (args.json) {
    const file = path.resolve(args.json);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(toJsonReport(result, { includeCells: args.cells }), null, 2)}\n`);
    console.log(t('cli.jsonWritten', { file }));
  }
}

void main();
