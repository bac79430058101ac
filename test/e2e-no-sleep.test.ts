/**
 * The browser tests wait on conditions, never on the clock: no `waitForTimeout(…)` and no
 * `setTimeout` used as a pause anywhere under test/e2e (a fixed sleep is either too short on a
 * slow machine — a flaky test — or too long everywhere else). Wait on a selector,
 * `page.waitForFunction` on the store, an event, `mapRendered` / `pollUntil` / `waitForSaved`
 * (test/e2e/browser.ts) instead.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = path.resolve('test/e2e');

/** Lines of `text` that sleep: waitForTimeout, setTimeout (also through timers/promises), a sleep()/delay() helper. */
export function sleepsIn(text: string): { line: number; text: string }[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const bad = /\bwaitForTimeout\s*\(|\bsetTimeout\b|\bfrom\s+['"](?:node:)?timers\/promises['"]|\b(?:sleep|delay)\s*\(/;
  return code
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => bad.test(l.text));
}

describe('browser tests have no fixed sleeps', () => {
  it('finds the patterns it forbids (and not in comments)', () => {
    expect(sleepsIn('await page.waitForTimeout(500);').length).toBe(1);
    expect(sleepsIn('await new Promise((r) => setTimeout(r, 100));').length).toBe(1);
    expect(sleepsIn("page.evaluate('new Promise((r) => window.setTimeout(r, 100))')").length).toBe(1);
    expect(sleepsIn("import { setTimeout as wait } from 'node:timers/promises';").length).toBe(1);
    expect(sleepsIn('await sleep(200);').length).toBe(1);
    expect(sleepsIn('// no waitForTimeout(…) here\n/* nor setTimeout */\nawait page.waitForSelector(".x");').length).toBe(0);
  });

  it('test/e2e waits on conditions only', () => {
    const files = readdirSync(E2E).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => sleepsIn(readFileSync(path.join(E2E, f), 'utf8')).map((l) => `test/e2e/${f}:${l.line}: ${l.text}`));
    expect(found).toEqual([]);
  });
});
