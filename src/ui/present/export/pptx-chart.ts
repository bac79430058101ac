/**
 * A 汇报 chart (an ECharts option of plain data, see screen-content.ts) as a native
 * PowerPoint chart for pptxgenjs' addChart: the same series, categories, values and
 * colours, so the slide's chart is editable in PowerPoint / WPS and carries its data in
 * the embedded worksheet. No pptxgenjs import here (plain data, unit-tested in Node).
 *
 * Mapping: pie → doughnut (or pie when the ECharts radius has no hole); bar series on a
 * category x axis → column chart, on a category y axis → horizontal bar chart; bars with
 * a `stack` → a stacked column group; line series → a line chart over the same axes.
 * Bars without a stack beside stacked bars (the plan chart's 学位缺口) become a dashed
 * line with markers, as PowerPoint cannot put a clustered and a stacked column group on
 * one axis. Categories where a series has no value (a rate with no denominator) are left
 * out rather than drawn as zero.
 */

export type PptxChartType = 'bar' | 'line' | 'doughnut' | 'pie';

export interface PptxSeries {
  name: string;
  labels: string[];
  values: number[];
}

export interface PptxChartPart {
  type: PptxChartType;
  data: PptxSeries[];
  options: Record<string, unknown>;
}

export interface PptxChartSpec {
  /** one part = a plain chart; several = a combo chart (addChart with an array of types) */
  parts: PptxChartPart[];
  /** options of the whole chart (fonts, legend, axes) */
  options: Record<string, unknown>;
}

interface ESeries {
  type?: string;
  name?: string;
  stack?: string;
  radius?: unknown;
  data?: unknown[];
  itemStyle?: { color?: string };
  label?: { show?: boolean };
}

const FACE = 'Microsoft YaHei';

/** 'rgba(31,111,209,1)' / 'rgb(…)' / '#333' / '#1f6fd1' → '1F6FD1' (pptxgenjs hex colour). */
export function cssToHex(css: string | undefined, fallback = '1F6FD1'): string {
  if (!css) return fallback;
  const m = css.match(/rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i);
  if (m) return [m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('').toUpperCase();
  const h = css.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (h) {
    const s = h[1].length === 3 ? [...h[1]].map((c) => c + c).join('') : h[1];
    return s.toUpperCase();
  }
  return fallback;
}

const num = (v: unknown): number | null => {
  const x = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
};

const axisData = (axis: unknown): string[] | null => {
  const a = Array.isArray(axis) ? axis[0] : axis;
  if (a && typeof a === 'object' && (a as { type?: string }).type === 'category') return ((a as { data?: unknown[] }).data ?? []).map(String);
  return null;
};

const BASE_OPTS = {
  catAxisLabelFontFace: FACE,
  valAxisLabelFontFace: FACE,
  legendFontFace: FACE,
  dataLabelFontFace: FACE,
  catAxisLabelFontSize: 10,
  valAxisLabelFontSize: 9,
  legendFontSize: 10,
  dataLabelFontSize: 9,
  valGridLine: { color: 'E1E5EB', size: 0.5 },
};

/** Number format of labels and the value axis: thousands separators, one decimal where the data have decimals. */
const formatOf = (values: number[]): string => (values.some((v) => !Number.isInteger(v)) ? '#,##0.0' : '#,##0');

function pieSpec(s: ESeries): PptxChartSpec {
  const items = (s.data ?? []) as { name?: string; value?: number; itemStyle?: { color?: string } }[];
  const hole = Array.isArray(s.radius) && typeof s.radius[0] === 'string' && parseFloat(s.radius[0]) > 0;
  const holeSize = hole && Array.isArray(s.radius) ? Math.round((parseFloat(String(s.radius[0])) / parseFloat(String(s.radius[1]))) * 100) : undefined;
  return {
    parts: [
      {
        type: hole ? 'doughnut' : 'pie',
        data: [{ name: s.name ?? '', labels: items.map((d) => String(d.name ?? '')), values: items.map((d) => num(d.value) ?? 0) }],
        options: { chartColors: items.map((d) => cssToHex(d.itemStyle?.color)) },
      },
    ],
    options: {
      ...BASE_OPTS,
      showLegend: true,
      legendPos: 'b',
      showValue: true,
      showPercent: false,
      showLabel: false,
      dataLabelPosition: hole ? undefined : 'bestFit',
      dataLabelColor: '1D2733',
      dataLabelFormatCode: formatOf(items.map((d) => num(d.value) ?? 0)),
      ...(holeSize ? { holeSize } : {}),
    },
  };
}

/** The native chart of an ECharts option, or null when it has no series this knows. */
export function pptxChartOf(option: Record<string, unknown>): PptxChartSpec | null {
  const series = ((option.series as ESeries[] | undefined) ?? []).filter((s) => s && (s.type === 'bar' || s.type === 'line' || s.type === 'pie'));
  if (series.length === 0) return null;
  if (series[0].type === 'pie') return pieSpec(series[0]);
  const xCats = axisData(option.xAxis);
  const yCats = axisData(option.yAxis);
  const horizontal = !xCats && !!yCats;
  const cats = xCats ?? yCats;
  if (!cats) return null;
  // categories where every series has a value
  const keep = cats.map((_, i) => series.every((s) => num((s.data ?? [])[i]) !== null));
  const labels = cats.filter((_, i) => keep[i]);
  const valuesOf = (s: ESeries) => (s.data ?? []).filter((_, i) => keep[i]).map((v) => num(v) ?? 0);
  const toSeries = (s: ESeries): PptxSeries => ({ name: s.name ?? '', labels, values: valuesOf(s) });
  const stacked = series.filter((s) => s.type === 'bar' && s.stack);
  const bars = series.filter((s) => s.type === 'bar' && !s.stack);
  const lines = series.filter((s) => s.type === 'line');
  const parts: PptxChartPart[] = [];
  const showValue = series.some((s) => s.label?.show);
  if (stacked.length > 0) {
    parts.push({ type: 'bar', data: stacked.map(toSeries), options: { barGrouping: 'stacked', barDir: horizontal ? 'bar' : 'col', chartColors: stacked.map((s) => cssToHex(s.itemStyle?.color)), barGapWidthPct: 60 } });
    // unstacked bars beside a stack: drawn as dashed lines (see the module note)
    lines.push(...bars.map((b) => ({ ...b, type: 'line', dashed: true }) as ESeries & { dashed?: boolean }));
  } else if (bars.length > 0) {
    parts.push({
      type: 'bar',
      data: bars.map(toSeries),
      options: { barGrouping: 'clustered', barDir: horizontal ? 'bar' : 'col', chartColors: bars.map((s) => cssToHex(s.itemStyle?.color)), barGapWidthPct: 80 },
    });
  }
  for (const l of lines as (ESeries & { dashed?: boolean })[]) {
    parts.push({
      type: 'line',
      data: [toSeries(l)],
      options: { chartColors: [cssToHex(l.itemStyle?.color, '333333')], lineSize: l.dashed ? 2 : 3, lineDash: l.dashed ? 'dash' : 'solid', lineDataSymbol: 'circle', lineDataSymbolSize: 6 },
    });
  }
  const fmt = formatOf(parts.flatMap((p) => p.data.flatMap((d) => d.values)));
  const yAxis = (Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis) as { max?: number } | undefined;
  return {
    parts,
    options: {
      ...BASE_OPTS,
      showLegend: series.length > 1,
      legendPos: 't',
      showValue,
      dataLabelPosition: showValue ? 'outEnd' : undefined,
      dataLabelColor: '1D2733',
      dataLabelFormatCode: fmt,
      valAxisLabelFormatCode: '#,##0',
      ...(typeof yAxis?.max === 'number' && !horizontal ? { valAxisMaxVal: yAxis.max } : {}),
    },
  };
}
