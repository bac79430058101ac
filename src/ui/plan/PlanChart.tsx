import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useEchart } from '../use-echart';
import type { PlanResult } from '../../analysis/plan/plan-types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 2025–2030: places (bars by type), children 3–5 and 千人指标 demand (lines), gap (red bars), 三率 (right axis). */
export default function PlanChart({ plan, lang, year }: { plan: PlanResult; lang: 'zh' | 'en'; year: number }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useEchart(el);
  useEffect(() => {
    const zh = lang === 'zh';
    const ys = plan.years;
    const rate = (k: string) => ys.map((y) => {
      const v = y.rates.find((r) => r.key === k)?.valuePct;
      return v === null || v === undefined ? null : Math.round(v * 10) / 10;
    });
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
        // room between the legend row and the axis names above the plot
        grid: { left: 56, right: 46, top: 64, bottom: 24 },
        xAxis: { type: 'category', data: ys.map((y) => (y.year === year ? `【${y.year}】` : String(y.year))) },
        yAxis: [
          { type: 'value', name: zh ? '人 / 学位' : 'persons / places', nameGap: 10, nameTextStyle: { fontSize: 10, align: 'left' } },
          { type: 'value', name: '%', nameGap: 10, min: 0, max: 120, splitLine: { show: false } },
        ],
        series: [
          { name: zh ? '公办学位' : 'Public places', type: 'bar', stack: 'p', data: ys.map((y) => y.placesPublic), itemStyle: { color: '#1f6fb2' } },
          { name: zh ? '普惠性民办学位' : 'Inclusive private', type: 'bar', stack: 'p', data: ys.map((y) => y.placesInclusivePrivate), itemStyle: { color: '#2ca58d' } },
          { name: zh ? '非普惠民办学位' : 'For-profit', type: 'bar', stack: 'p', data: ys.map((y) => y.placesPrivate), itemStyle: { color: '#e39b2d' } },
          { name: zh ? '学位缺口（各街道之和）' : 'Gap (sum of sub-districts)', type: 'bar', data: ys.map((y) => y.gapStreetSum), itemStyle: { color: '#c0392b' } },
          { name: zh ? '3–5岁幼儿（出生推算）' : 'Children 3–5 (births)', type: 'line', data: ys.map((y) => y.childrenBirths), itemStyle: { color: '#333' } },
          { name: zh ? '千人指标需求' : 'Demand per 1,000', type: 'line', data: ys.map((y) => y.demandPerThousand), lineStyle: { type: 'dashed' }, itemStyle: { color: '#777' } },
          { name: zh ? '毛入园率' : 'Gross enrolment', type: 'line', yAxisIndex: 1, data: rate('gross_enrolment_rate'), itemStyle: { color: '#8e44ad' } },
          { name: zh ? '普惠覆盖率' : 'Inclusive coverage', type: 'line', yAxisIndex: 1, data: rate('inclusive_coverage'), itemStyle: { color: '#16a085' } },
          { name: zh ? '公办占比' : 'Public share', type: 'line', yAxisIndex: 1, data: rate('public_share'), itemStyle: { color: '#2c3e50' } },
        ],
      },
      true,
    );
  }, [plan, lang, year]);
  return <div ref={el} className="plan-chart" data-testid="plan-chart" />;
}
