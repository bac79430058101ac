/**
 * The PPTX builder on the sample city's real engine results: native charts whose caches and
 * embedded worksheets carry the engine's numbers, a package PowerPoint / WPS accept
 * (content types, relationships, embedded workbooks), and text sized to fit its boxes.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { defaultPlanSettings } from '../../../src/analysis/plan/plan-defaults';
import { runPlan } from '../../../src/analysis/plan/run-plan';
import { runAnalysis } from '../../../src/analysis/run-analysis';
import { loadDataFolder } from '../../../src/data/load-folder-node';
import { KG_TYPES } from '../../../src/data/schema';
import { defaultScreens, type ScreenKind } from '../../../src/state/present-slice';
import { pptxChartOf } from '../../../src/ui/present/export/pptx-chart';
import type { RenderedScreen } from '../../../src/ui/present/export/render-story';
import { fitLines, textWidthIn } from '../../../src/ui/present/export/text-fit';
import { storyToPptx } from '../../../src/ui/present/export/to-pptx';
import { buildScreenContent } from '../../../src/ui/present/screen-content';
import { chartValues, checkPackage, readPackage, sheetRows } from './ooxml-check';

const PNG_1x1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function sample() {
  const { data } = loadDataFolder(path.resolve(__dirname, '../../../data'));
  const params = defaultAnalysisParams('2026-06-30');
  const result = runAnalysis(data, params);
  const scenario = { id: 'base', name: '基准方案', projects: data.plan_projects };
  const plan = runPlan(data, scenario, params, defaultPlanSettings());
  return { data, result, plan, scenario };
}

describe('text fit', () => {
  it('keeps a figure on one line inside its card, shrinking only when needed', () => {
    const short = fitLines([{ text: '12,345', pt: 22, noWrap: true }], { wIn: 2.35, hIn: 0.95, marginPt: 4 });
    expect(short.pts).toEqual([22]);
    const long = fitLines([{ text: '普惠覆盖率（预测）', pt: 11 }, { text: '85.3% → 92.1%', pt: 22, noWrap: true }, { text: '≥ 80% ✓', pt: 10 }], { wIn: 2.35, hIn: 0.95, marginPt: 4 });
    expect(long.fits).toBe(true);
    expect(long.pts[1]).toBeLessThan(22);
    expect(textWidthIn('85.3% → 92.1%', long.pts[1])).toBeLessThanOrEqual(2.35 - 8 / 72);
  });
});

describe('PPTX with native charts', () => {
  const s = sample();
  const kinds: ScreenKind[] = ['status', 'problems', 'plan', 'target'];
  const screens = defaultScreens();
  const rendered: RenderedScreen[] = kinds.map((kind, i) => {
    const content = buildScreenContent({ kind, lang: 'zh', result: s.result, presentPlan: s.plan, plan: s.plan, scenario: s.scenario, kindergartens: s.data.kindergartens, year: 2030 })!;
    const canvas = { width: 1200, height: 900, toDataURL: () => PNG_1x1 } as unknown as HTMLCanvasElement;
    return { screen: { ...screens[i % screens.length], kind }, content, mapCanvas: canvas, chartPng: PNG_1x1, chartJpeg: PNG_1x1, subtitle: '昆都仑区 · 2030 年 · 基准方案', footer: '制图日期：2026年12月5日 · 数据来源：示例' };
  });

  it('maps each screen chart to a native chart of the same series', () => {
    expect(kinds.map((_, i) => pptxChartOf(rendered[i].content.chart)?.parts.map((p) => p.type).join('+'))).toEqual(['doughnut', 'bar', 'bar+line+line', 'bar']);
  });

  it('writes chart parts and embedded workbooks carrying the engine figures, in a valid package', async () => {
    const bytes = await storyToPptx(rendered, '测试', 'zh');
    const pkg = await readPackage(bytes);
    expect(await checkPackage(pkg)).toEqual([]);
    // the known PowerPoint repair triggers of pptxgenjs 4.0.1 are gone (issues #1443, #1444, PR #1462)
    const ct = pkg.text('[Content_Types].xml');
    expect(ct).not.toContain('slideMaster2.xml');
    expect(ct).not.toContain('image/jpg"');
    expect(pkg.text('ppt/notesMasters/notesMaster1.xml')).not.toContain('<p:sp>');
    expect(pkg.text('ppt/notesSlides/notesSlide1.xml')).toContain(rendered[0].content.summary.slice(0, 12));
    const charts = [...pkg.parts.keys()].filter((k) => /^ppt\/charts\/chart\d+\.xml$/.test(k)).sort();
    expect(charts).toHaveLength(4);
    const embeddings = [...pkg.parts.keys()].filter((k) => k.startsWith('ppt/embeddings/') && k.endsWith('.xlsx'));
    expect(embeddings).toHaveLength(4);
    // slide n → its chart (by the slide's relationships)
    const chartOfSlide = (n: number) => {
      const rels = pkg.text(`ppt/slides/_rels/slide${n}.xml.rels`);
      const target = rels.match(/Target="(?:\/ppt|\.\.)\/charts\/(chart\d+\.xml)"/)![1];
      return `ppt/charts/${target}`;
    };
    const workbookOf = (chart: string) => {
      const rels = pkg.text(chart.replace('charts/', 'charts/_rels/') + '.rels');
      return `ppt/embeddings/${rels.match(/embeddings\/([^"]+\.xlsx)/)![1]}`;
    };
    // 现状: places by type
    const placesByType = KG_TYPES.map((t) => s.data.kindergartens.filter((k) => k.type === t && s.result.kindergartens.active[s.result.kindergartens.ids.indexOf(k.id)] === 1).reduce((a, k) => a + k.places, 0));
    const c1 = chartOfSlide(1);
    expect(chartValues(pkg.text(c1))[0].values).toEqual(placesByType);
    expect(sheetRows(pkg.parts.get(workbookOf(c1))!).slice(1).map((r) => r[1])).toEqual(placesByType);
    // 规划: places by type per year, demand, gap
    const c3 = chartOfSlide(3);
    const series = chartValues(pkg.text(c3));
    expect(series.find((x) => x.name === '公办学位')?.values).toEqual(s.plan.years.map((y) => y.placesPublic));
    expect(series.find((x) => x.name === '学位需求')?.values).toEqual(s.plan.years.map((y) => y.demand));
    expect(series.find((x) => x.name === '学位缺口')?.values).toEqual(s.plan.years.map((y) => y.gapStreetSum));
    const rows3 = sheetRows(pkg.parts.get(workbookOf(c3))!);
    const demandCol = (rows3[0] as string[]).indexOf('学位需求');
    expect(demandCol).toBeGreaterThan(0);
    expect(rows3.slice(1).map((r) => r[demandCol])).toEqual(s.plan.years.map((y) => y.demand));
    // 问题: the 街道 gaps
    const short = s.result.streets.filter((x) => x.code !== '' && x.placesGap > 0).sort((a, b) => b.placesGap - a.placesGap).slice(0, 10).reverse();
    expect(chartValues(pkg.text(chartOfSlide(2)))[0].values).toEqual(short.map((x) => x.placesGap));
    expect(pkg.text(chartOfSlide(2))).toContain(short[0].nameZh);
  });

  it('sizes card text to its box, with exact line spacing', async () => {
    const bytes = await storyToPptx(rendered, '测试', 'zh');
    const pkg = await readPackage(bytes);
    const slide4 = pkg.text('ppt/slides/slide4.xml');
    expect(slide4).toContain('<a:spcPts');
    expect(slide4).toContain('<a:normAutofit/>');
    // the 2030 screen's "a → b" figures are shrunk below the preferred 18/22 pt where needed
    const sizes = [...slide4.matchAll(/<a:rPr[^>]*sz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(28);
    for (const c of rendered[3].content.cards) expect(slide4).toContain(c.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });
});
