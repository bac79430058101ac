/**
 * 学位预警 exports on the sample city's plan: the Word notice in the GB/T 9704-2012 layout
 * (A4, margins 37/35/28/26 mm, 仿宋 3号 body, exact 28.95 pt lines) naming every 街道 with its
 * levels and the engine's figures; the workbook's detail sheet equal to the engine; both
 * packages valid the way Word / WPS / Excel check them.
 */
import * as XLSX from '@e965/xlsx';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { classifyPlaceWarnings } from '../../../src/analysis/plan/place-warning';
import { defaultPlanSettings } from '../../../src/analysis/plan/plan-defaults';
import { runPlan } from '../../../src/analysis/plan/run-plan';
import { loadDataFolder } from '../../../src/data/load-folder-node';
import { formatInt } from '../../../src/ui/format';
import { GB9704, warningToDocx } from '../../../src/ui/plan/warning/to-docx';
import { warningToXlsx } from '../../../src/ui/plan/warning/to-xlsx';
import type { WarningDoc } from '../../../src/ui/plan/warning/warning-doc';
import { districtName } from '../../../src/ui/plan/warning/warning-of-state';
import { checkPackage, readPackage } from '../present/ooxml-check';

const twip = (mm: number) => Math.round((mm / 25.4) * 1440);
const near = (xml: string, attr: string, want: number) => {
  const v = Number(xml.match(new RegExp(`w:${attr}="(\\d+)"`))?.[1]);
  expect(Math.abs(v - want), `${attr}=${v}, want ${want}`).toBeLessThanOrEqual(1);
};

describe('学位预警 DOCX and XLSX', () => {
  const { data } = loadDataFolder(path.resolve(__dirname, '../../../data'));
  const plan = runPlan(data, { id: 'base', name: '基准方案', projects: data.plan_projects }, defaultAnalysisParams('2026-06-30'), defaultPlanSettings());
  // a tighter threshold than the default so every level occurs in the sample
  const table = classifyPlaceWarnings(plan, { utilisationYellowPct: 80, leadYears: 2 });
  const doc: WarningDoc = { lang: 'zh', table, district: districtName('昆都仑区（示例数据）', 'zh'), scenario: '基准方案', dataYear: plan.dataYear, baseYear: 2025, openingLagYears: 1, date: '2026-12-05', generated: true };

  it('has all three levels on the sample at 80 %', () => {
    const levels = new Set(table.rows.flatMap((r) => r.cells.map((c) => c.level)));
    expect([...levels].sort()).toEqual(['green', 'red', 'yellow']);
  });

  it('Word: the official page, fonts, every 街道 with its levels and figures', async () => {
    const t0 = performance.now();
    const bytes = await warningToDocx(doc);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(2000);
    const pkg = await readPackage(bytes);
    expect(await checkPackage(pkg)).toEqual([]);
    const xml = pkg.text('word/document.xml');
    const sect = xml.match(/<w:sectPr[\s\S]*<\/w:sectPr>/)![0];
    const pgSz = sect.match(/<w:pgSz[^>]*>/)![0];
    const pgMar = sect.match(/<w:pgMar[^>]*>/)![0];
    near(pgSz, 'w', twip(GB9704.widthMm));
    near(pgSz, 'h', twip(GB9704.heightMm));
    near(pgMar, 'top', twip(37));
    near(pgMar, 'bottom', twip(35));
    near(pgMar, 'left', twip(28));
    near(pgMar, 'right', twip(26));
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:spacing[^>]*w:line="579"[^>]*w:lineRule="exact"/);
    expect(xml).toContain('<w:sz w:val="32"/>'); // 3号
    expect(pkg.text('word/styles.xml')).toContain('仿宋');
    expect(xml).toContain('昆都仑区2025—2030年幼儿园学位预警');
    // every 街道 and, in its table row, its level per year
    const text = (s: string) => [...s.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => text(m[0]));
    for (const r of table.rows) {
      const row = rows.find((x) => x[0] === r.nameZh);
      expect(row, r.nameZh).toBeDefined();
      expect(row!.slice(1)).toEqual(r.cells.map((c) => ({ red: '红色', yellow: '黄色', green: '绿色' })[c.level]));
    }
    // the red 街道's figures as the engine has them
    const red = table.rows.find((r) => r.cells.some((c) => c.level === 'red'))!;
    const c = red.cells.find((x) => x.level === 'red')!;
    expect(text(xml).join('')).toContain(`${c.year} 年红色预警：学位 ${formatInt(c.places)} 个，需求 ${formatInt(c.demand)} 个，缺口 ${formatInt(c.gap)} 个学位`);
    expect(text(xml).join('')).toContain('本系统默认');
    expect(text(xml)).toContain('2026年12月5日'); // 成文日期, GB/T 9704 style
    expect(pkg.text('word/footer1.xml')).toContain('PAGE');
  });

  it('Excel: the detail sheet carries the engine figures; levels and rules sheets', async () => {
    const bytes = warningToXlsx(doc);
    expect(await checkPackage(await readPackage(bytes))).toEqual([]);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['预警等级', '明细', '预警规则']);
    const detail = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['明细']);
    expect(detail).toHaveLength(table.rows.length * plan.years.length);
    for (const y of plan.years) {
      for (const s of y.streets.filter((x) => x.code !== '')) {
        const row = detail.find((d) => d['街道（镇）'] === s.nameZh && d['年份'] === y.year)!;
        expect([row['学位（个）'], row['学位需求（个）'], row['缺口（个）']]).toEqual([s.places, s.demand, s.gap]);
      }
    }
    const matrix = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['预警等级'], { header: 1 });
    expect(matrix[0]).toEqual(['街道（镇）', '2025（基准）', '2026', '2027', '2028', '2029', '2030']);
  });

  it('English: the notice and the workbook hold no Chinese but the data (街道 names, cited sources)', async () => {
    const en: WarningDoc = { ...doc, lang: 'en', district: 'Kundulun District', scenario: 'Base' };
    const CJK = /[\u3400-\u9fff]/;
    // data stay as they are: street names; cited documents keep their Chinese titles in 《》
    const data = table.rows.map((r) => r.nameZh).filter(Boolean).sort((a, b) => b.length - a.length);
    const strip = (t: string) => data.reduce((acc, d) => acc.split(d).join(''), t).replace(/《[^》]*》/g, '');
    const pkg = await readPackage(await warningToDocx(en));
    const runs = [...pkg.text('word/document.xml').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&'));
    expect(runs.filter((t) => CJK.test(strip(t)))).toEqual([]);
    expect(runs).toContain('5 December 2026');
    expect(runs.join('')).toContain('(1) Red (short)');
    const wb = XLSX.read(warningToXlsx(en), { type: 'array' });
    expect(wb.SheetNames.filter((n) => CJK.test(n))).toEqual([]);
    for (const n of wb.SheetNames) {
      const cells = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n], { header: 1 }).flat().map(String);
      expect(cells.filter((c) => CJK.test(strip(c))), n).toEqual([]);
    }
  });
});
