/**
 * Golden file for the sample city (data/) at 300 m. The golden records a digest
 * of the input files; when data/ is regenerated, rewrite it with
 *   UPDATE_GOLDEN=1 npx vitest run test/analysis/golden.test.ts
 * Skipped only when data/kindergartens.csv does not exist.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { LAYERS } from '../../src/data/schema';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { toJsonReport } from '../../src/analysis/report-json';
import { runAnalysis } from '../../src/analysis/run-analysis';

const DATA = path.resolve(__dirname, '../../data');
const GOLDEN = path.resolve(__dirname, 'golden/sample-300m.json');
const AS_OF = '2026-06-30';

function digest(): string {
  const h = createHash('sha256');
  for (const id of ['kindergartens', 'population', 'communities', 'admin_units'] as const) {
    const f = path.join(DATA, LAYERS[id].file);
    h.update(id);
    if (existsSync(f)) h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

describe.skipIf(!existsSync(path.join(DATA, 'kindergartens.csv')))('golden: sample city, 300 m', () => {
  it('matches test/analysis/golden/sample-300m.json', () => {
    const { data } = loadDataFolder(DATA);
    const result = runAnalysis(data, defaultAnalysisParams(AS_OF));
    const report = { inputDigest: digest(), asOfDate: AS_OF, ...toJsonReport(result, { includeTimings: false }) };
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      writeFileSync(GOLDEN, `${JSON.stringify(report, null, 1)}\n`);
    }
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    if (golden.inputDigest !== report.inputDigest) {
      throw new Error(
        `data/ 已变化（摘要 ${report.inputDigest}，金标准文件基于 ${golden.inputDigest}）。确认结果后运行 UPDATE_GOLDEN=1 npx vitest run test/analysis/golden.test.ts 重新生成。`,
      );
    }
    expect(report).toEqual(golden);
  });
});
