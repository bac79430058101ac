/** scripts/analyze.ts end to end on the fixture folders. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const run = (...args: string[]) => spawnSync(TSX, ['scripts/analyze.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run analyze', () => {
  it('prints indicators, coverage, 配套园 gaps and the 街道 table in Chinese, and writes the JSON report', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'analyze-')), 'r.json');
    const r = run('--data', 'test/analysis/fixtures/tiny', '--radius', '300', '--as-of', '2026-06-30', '--json', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('学前三年毛入园率');
    expect(r.stdout).toMatch(/141\.7%\s+≥ 85%\s+✓/);
    // 3–5岁 split: 240 served + 0 + 120 outside = 360
    expect(r.stdout).toContain('就近有学位 240 + 半径内学位不足 0 + 半径外 120 = 360 人');
    expect(r.stdout).toContain('移交不到位：1 个');
    expect(r.stdout).toMatch(/和平家园\s+移交不到位\s+2025-04-15\s+441/);
    expect(r.stdout).toMatch(/西街道\s+1\s+90\s+130\s+40/);
    const rep = JSON.parse(readFileSync(out, 'utf8'));
    expect(rep.format).toBe('xuewei-analysis-report');
    expect(rep.district.children).toBe(360);
    expect(rep.streets.map((s: { code: string }) => s.code)).toEqual(['S1', 'S2']);
  }, 60000);

  it('500 m covers at least as many children as 300 m', () => {
    const share = (radius: string) => {
      const r = run('--data', 'test/analysis/fixtures/tiny', '--radius', radius, '--as-of', '2026-06-30');
      return Number(/覆盖的 3–5岁幼儿：[\d,]+ 人（([\d.]+)%）/.exec(r.stdout)![1]);
    };
    expect(share('500')).toBeGreaterThanOrEqual(share('300'));
  }, 60000);

  it('explains a missing folder, missing layers and bad options', () => {
    const a = run('--data', 'test/analysis/fixtures/does-not-exist');
    expect(a.status).toBe(1);
    expect(a.stderr).toContain('找不到数据文件夹');
    const b = run('--data', 'test/analysis/fixtures/empty');
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('kindergartens.csv');
    expect(b.stderr).toContain('population.csv');
    const c = run('--data', 'test/analysis/fixtures/no-population', '--as-of', '2026-06-30');
    expect(c.status).toBe(0);
    expect(c.stderr).toContain('缺少人口分布图层（population.csv）');
    const d = run('--radius', 'abc');
    expect(d.status).toBe(1);
    expect(d.stderr).toContain('服务半径应为正数');
  }, 60000);
});
