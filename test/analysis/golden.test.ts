/**
 * Golden files of the engine, small and per stage (test/analysis/golden/):
 *
 *   street-150203001.in.json        the case input: one 街道 of the sample (少先路街道: 6 kindergartens,
 *                                   83 population cells, 22 communities), 300 m, 统计日期 2026-06-30
 *   street-150203001.coverage.json  coverage: cells within reach, nearest distance, children per catchment
 *   street-150203001.two-step.json  2SFCA: R_j per kindergarten, A_i per cell and the split of its children
 *   street-150203001.supply-demand.json  supply against demand per 街道 and for the whole
 *   street-150203001.gaps.json      配套园 gaps per community (problem keys, overdue days)
 *   street-150203001.indicators.json  county indicators (values, inputs, thresholds, pass)
 *   sample-300m.summary.json        the whole sample city (data/): headline figures, indicators, one
 *                                   line per 街道; records a digest of data/
 *
 * Outputs hold numbers, ids and keys only: labels, formulas, sources and warning texts are the
 * message catalogue's and are tested there. A case is judged on its own input (the street is
 * cut out of the city, so its edge cells lose kindergartens of the next 街道).
 *
 * Regenerate (after checking a change of the figures is intended):
 *   UPDATE_GOLDEN=1 npx vitest run test/analysis/golden.test.ts        outputs, from the case input and data/
 *   UPDATE_GOLDEN=input npx vitest run test/analysis/golden.test.ts    also cut the case input from data/ again
 * The summary is skipped only when data/kindergartens.csv does not exist.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { toJsonReport, type JsonReport } from '../../src/analysis/report-json';
import { runAnalysis } from '../../src/analysis/run-analysis';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { LAYERS } from '../../src/data/schema';
import {
  analysisInputOf,
  coverageStage,
  gapsStage,
  indicatorsStage,
  readGolden,
  streetCaseOf,
  summaryOf,
  supplyDemandStage,
  twoStepStage,
  writeGolden,
  type CaseInput,
} from './golden/golden-cases';

const DATA = path.resolve(__dirname, '../../data');
const DIR = path.resolve(__dirname, 'golden');
const AS_OF = '2026-06-30';
const STREET = '150203001';
const CASE = `street-${STREET}`;
const UPDATE = process.env.UPDATE_GOLDEN;
const hasData = existsSync(path.join(DATA, 'kindergartens.csv'));

/** Compare `actual` with the golden file (written first when regenerating or absent). */
function expectGolden(file: string, actual: unknown): void {
  const p = path.join(DIR, file);
  if (UPDATE || !existsSync(p)) writeGolden(p, actual);
  // through JSON, as the file holds it (undefined fields dropped)
  expect(JSON.parse(JSON.stringify(actual))).toEqual(readGolden(p));
}

describe('golden, per stage: one 街道 of the sample (300 m)', () => {
  const inFile = path.join(DIR, `${CASE}.in.json`);
  if ((UPDATE === 'input' || !existsSync(inFile)) && hasData) {
    const about = `Sample city (data/), 街道 ${STREET}: its kindergartens, population cells and communities (outlines left out), its boundary; cut by golden.test.ts`;
    writeGolden(inFile, streetCaseOf(loadDataFolder(DATA).data, STREET, about, AS_OF, 300));
  }
  const input = readGolden<CaseInput>(inFile);
  let memo: (JsonReport & { cells: NonNullable<JsonReport['cells']> }) | null = null;
  const report = () => {
    memo ??= toJsonReport(runAnalysis(analysisInputOf(input), { ...defaultAnalysisParams(input.asOfDate), radiusM: input.radiusM }), { includeCells: true, includeTimings: false }) as JsonReport & { cells: NonNullable<JsonReport['cells']> };
    return memo;
  };

  it('the case is what its header says (one 街道, its rows only)', () => {
    expect(input.admin_units.rows.map((r) => r[0])).toEqual([STREET]);
    const col = (t: CaseInput['population'], name: string) => t.rows.map((r) => r[t.columns.indexOf(name)]);
    for (const t of [input.kindergartens, input.population, input.communities]) expect(new Set(col(t, 'street_code'))).toEqual(new Set([STREET]));
    expect([input.kindergartens.rows.length, input.population.rows.length, input.communities.rows.length]).toEqual([6, 83, 22]);
  });

  it('coverage', () => expectGolden(`${CASE}.coverage.json`, coverageStage(report())));
  it('2SFCA', () => expectGolden(`${CASE}.two-step.json`, twoStepStage(report())));
  it('supply and demand', () => expectGolden(`${CASE}.supply-demand.json`, supplyDemandStage(report())));
  it('配套园 gaps', () => expectGolden(`${CASE}.gaps.json`, gapsStage(report())));
  it('indicators', () => expectGolden(`${CASE}.indicators.json`, indicatorsStage(report())));
});

function digest(): string {
  const h = createHash('sha256');
  for (const id of ['kindergartens', 'population', 'communities', 'admin_units'] as const) {
    const f = path.join(DATA, LAYERS[id].file);
    h.update(id);
    if (existsSync(f)) h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

describe.skipIf(!hasData)('golden: the whole sample city at 300 m, headline figures', () => {
  it('matches sample-300m.summary.json', () => {
    const file = path.join(DIR, 'sample-300m.summary.json');
    const { data } = loadDataFolder(DATA);
    const summary = { inputDigest: digest(), asOfDate: AS_OF, ...summaryOf(toJsonReport(runAnalysis(data, defaultAnalysisParams(AS_OF)), { includeTimings: false })) };
    if (!UPDATE && existsSync(file)) {
      const was = readGolden<{ inputDigest: string }>(file).inputDigest;
      if (was !== summary.inputDigest) {
        throw new Error(`data/ changed (digest ${summary.inputDigest}, the golden file was made from ${was}). Check the figures, then: UPDATE_GOLDEN=1 npx vitest run test/analysis/golden.test.ts`);
      }
    }
    expectGolden('sample-300m.summary.json', summary);
  });
});
