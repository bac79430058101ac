/**
 * CLI: site selection (选址) on a data folder, printed in Chinese (--lang en: English).
 *
 *   npm run site -- --data <folder> --p 5 --radius 300 [--capacity] [--goal mclp|lscp]
 *     [--classes 6|9|12] [--grid 300] [--plots plots.geojson] [--budget 万元] [--cost 万元]
 *     [--time-limit 60] [--json out.json] [--lang zh|en]
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
import { msg, render, type Lang, type MessageKey, type MessageValues } from '../src/i18n';

let lang: Lang = process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
const t = (key: MessageKey, values?: MessageValues): string => msg(lang, key, values);

const todayChina = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function fail(text: string): never {
  console.error(`${t('cli.error', { text })}\n\n${t('cli.site.usage')}`);
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
    if (v === undefined || !ok(x)) fail(t('cli.site.badValue', { flag, value: v ?? '' }));
    return x;
  };
  for (let k = 0; k < argv.length; k++) {
    const f = argv[k];
    const v = (): string | undefined => argv[++k];
    if (f === '--data') a.data = v() ?? fail(t('cli.needsValue', { flag: f }));
    else if (f === '--json') a.json = v() ?? fail(t('cli.needsValue', { flag: f }));
    else if (f === '--plots') a.plots = v() ?? fail(t('cli.needsValue', { flag: f }));
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
      if (g !== 'mclp' && g !== 'lscp') fail(t('cli.badChoice', { flag: f, choices: 'mclp / lscp', value: g ?? '' }));
      a.params.goal = g;
    } else if (f === '--lang') {
      const l = v();
      if (l !== 'zh' && l !== 'en') fail(t('cli.badChoice', { flag: f, choices: 'zh / en', value: l ?? '' }));
      lang = l;
    } else if (f === '--help' || f === '-h') {
      console.log(t('cli.site.usage'));
      process.exit(0);
    } else fail(t('cli.unknownFlag', { flag: f }));
  }
  return a;
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');

function printAnswer(label: string, a: SitingAnswer, total: number): void {
  console.log(`\n${t('cli.site.answer', { label, s: (a.ms / 1000).toFixed(2), status: a.status })}`);
  const obj = t(a.goal === 'lscp' ? 'cli.site.objSites' : 'cli.site.objChildren', { n: int(a.objective) });
  const bound = Number.isFinite(a.bound) ? t('cli.site.bound', { bound: a.goal === 'lscp' ? a.bound.toFixed(2) : int(a.bound), gap: (a.gap * 100).toFixed(3) }) : '';
  console.log(t('cli.site.objective', { obj, bound }));
  const pct = (x: number) => (total > 0 ? `${((100 * x) / total).toFixed(1)}%` : '—');
  console.log(t('cli.site.served', { before: int(a.servedBefore), beforePct: pct(a.servedBefore), after: int(a.servedAfter), afterPct: pct(a.servedAfter) }));
  a.sites.forEach((s, r) => console.log(t('cli.site.site', { rank: String(r + 1).padStart(2), name: s.name, lon: s.lon.toFixed(6), lat: s.lat.toFixed(6), served: int(s.newlyServed), places: s.places })));
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const { data } = loadDataFolder(a.data);
  const cands = a.plots ? plotCandidatesFromGeoJson(JSON.parse(readFileSync(a.plots, 'utf8'))) : gridCandidates(data.population, a.grid, (col, row) => t('engine.siting.gridName', { col, row }));
  // 现状 = the base year of 基准 (as the app's 选址 with the plan closed): its demand per cell and kindergartens
  const present = presentSitingInput(data, { ...defaultAnalysisParams(todayChina()), radiusM: a.params.radiusM }, defaultPlanSettings());
  const prep = prepareSiting(present.population, present.kindergartens, cands, a.params);
  const s = prep.summary;
  const p = a.params;
  const goal = p.goal === 'lscp' ? t('cli.site.lscp') : t('cli.site.mclp', { p: p.p });
  const capacity = p.capacity ? t('cli.site.byPlaces') : '';
  const budget = p.budget10k !== null ? t('cli.site.budget', { budget: p.budget10k }) : '';
  console.log(t('cli.site.title', { goal, radius: p.radiusM, classes: p.classes, places: p.classes * 30, capacity, budget }));
  console.log(t('cli.site.demand'));
  console.log(t('cli.site.children', { n: int(s.childrenTotal), covered: int(s.coveredByExisting), unreachable: int(s.unreachable), cells: s.unreachableCells.length }));
  const dropped = s.dropped.length
    ? t('cli.site.dropped', { n: s.dropped.length, list: s.dropped.slice(0, 3).map((d) => `${d.name} ${render(lang, d.reason)}`).join(t('shell.semicolon')), more: s.dropped.length > 3 ? '…' : '' })
    : '';
  console.log(t('cli.site.candidates', { n: s.nCandidates, dropped, groups: s.nGroups }));
  const h = runSitingHeuristic(prep);
  printAnswer(t('cli.site.instant'), h, s.childrenTotal);
  const highs = await loadHighs();
  const e = runSitingExact(prep, highs, { timeLimitS: p.timeLimitS, start: h.sites.map((x) => x.candidate) });
  printAnswer(t('cli.site.exact'), e, s.childrenTotal);
  if (a.json) {
    writeFileSync(a.json, JSON.stringify(sitingReportJson(p, s, h, e), null, 2));
    console.log(`\n${t('cli.site.written', { file: a.json })}`);
  }
}

void main();
