/**
 * Browser tests: the production build in a real Chromium (WebGL2 on SwiftShader).
 * Run: npm run test:e2e   (SKIP_BUILD=1 to reuse dist/). Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, serveBuild } from './browser';
import { analysisTests } from './analysis.e2e';
import { basemapTests } from './basemap.e2e';
import { englishTests } from './english.e2e';
import { exportTests } from './export.e2e';
import { importTests } from './import.e2e';
import { importLimitTests } from './import-limits.e2e';
import { hardenTests } from './harden.e2e';
import { ledgerTests } from './ledger.e2e';
import { oneTruthTests } from './one-truth.e2e';
import { planTests } from './plan.e2e';
import { presentTests } from './present.e2e';
import { warningTests } from './warning.e2e';
import { compareSplitTests } from './compare-split.e2e';
import { printTests } from './print.e2e';
import { projectTests } from './project.e2e';
import { sampleTests } from './sample.e2e';
import { sitingTests } from './siting.e2e';
import { sqlMapTests } from './sqlmap.e2e';
import { walkingTests } from './walking.e2e';

export interface E2eContext {
  page: Page;
  url: string;
  shots: string;
  /** ms from navigation to "sample drawn", set by the first test */
  timings: Record<string, number>;
}

/** `skip`: when it returns a reason, the test is reported as skipped with it (e.g. an optional file is absent). */
export type E2eTest = { name: string; skip?: () => string | null; run: (ctx: E2eContext) => Promise<void> };

async function main(): Promise<void> {
  const shots = path.resolve('test-results');
  mkdirSync(shots, { recursive: true });
  const { url, server } = await serveBuild(process.env.SKIP_BUILD === '1');
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const ctx: E2eContext = { page, url, shots, timings: {} };
  const all: E2eTest[] = [...sampleTests, ...analysisTests, ...planTests, ...ledgerTests, ...sitingTests, ...presentTests, ...warningTests, ...compareSplitTests, ...printTests, ...importTests, ...importLimitTests, ...exportTests, ...projectTests, ...basemapTests, ...sqlMapTests, ...oneTruthTests, ...hardenTests, ...walkingTests, ...englishTests];
  // E2E_ONLY=word runs the first test (it loads the sample) and those whose name contains the word
  const only = process.env.E2E_ONLY;
  const tests = only ? all.filter((t, i) => i === 0 || t.name.includes(only)) : all;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const tc of tests) {
    const why = tc.skip?.();
    if (why) {
      skipped++;
      console.log(`  - ${tc.name} (skipped: ${why})`);
      continue;
    }
    const t0 = Date.now();
    try {
      await tc.run(ctx);
      passed++;
      console.log(`  ✓ ${tc.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${tc.name}\n    ${(e as Error).stack ?? e}`);
      await page.screenshot({ path: path.join(shots, `failed-${passed + failed}.png`) }).catch(() => {});
    }
  }
  const relevantErrors = consoleErrors.filter((e) => !/tile\.openstreetmap|net::ERR/.test(e));
  if (relevantErrors.length > 0) {
    // an error in the page is a failure even when every check passed (e.g. a layer that fails to draw)
    failed++;
    console.log(`  ✗ the page logged errors:\n    ${relevantErrors.join('\n    ')}`);
  }
  for (const [k, v] of Object.entries(ctx.timings)) console.log(`  timing ${k}: ${v} ms`);
  await browser.close();
  await server.close();
  console.log(`\nbrowser: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
