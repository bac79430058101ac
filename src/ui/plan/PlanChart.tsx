import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { msg, type MessageKey } from '../../i18n';
import { useEchart } from '../use-echart';
import type { PlanResult } from '../../analysis/plan/plan-types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 2025–2030: places (bars by type), children 3–5 and 千人指标 demand (lines), gap (red bars), 三率 (right axis). */
export default function PlanChart({ plan, lang, year }: { plan: PlanResult; lang: 'zh' | 'en'; year: number }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useEchart(el);
  useEffect(() => {
    const t = (k: MessageKey) => msg(lang, k);
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
        xAxis: { type: 'category', data: ys.map((y) => (y.year === year ? `[${y.year}]` : String(y.year))) },
        yAxis: [
          { type: 'value', name: t('plan.ui.chart.axis'), nameGap: 10, nameTextStyle: { fontSize: 10, align: 'left' } },
          { type: 'value', name: '%', nameGap: 10, min: 0, max: 120, splitLine: { show: false } },
        ],
        series: [
          { name: t('plan.ui.col.public'), type: 'bar', stack: 'p', data: ys.map((y) => y.placesPublic), itemStyle: { color: '#1f6fb2' } },
          { name: t('plan.ui.col.inclusive'), type: 'bar', stack: 'p', data: ys.map((y) => y.placesInclusivePrivate), itemStyle: { color: '#2ca58d' } },
          { name: t('plan.ui.col.private'), type: 'bar', stack: 'p', data: ys.map((y) => y.placesPrivate), itemStyle: { color: '#e39b2d' } },
          { name: t('plan.ui.col.gapSum'), type: 'bar', data: ys.map((y) => y.gapStreetSum), itemStyle: { color: '#c0392b' } },
          { name: t('plan.ui.col.childrenBirths'), type: 'line', data: ys.map((y) => y.childrenBirths), itemStyle: { color: '#333' } },
          { name: t('plan.ui.col.demandPerThousand'), type: 'line', data: ys.map((y) => y.demandPerThousand), lineStyle: { type: 'dashed' }, itemStyle: { color: '#777' } },
          { name: t('rate.gross_enrolment_rate'), type: 'line', yAxisIndex: 1, data: rate('gross_enrolment_rate'), itemStyle: { color: '#8e44ad' } },
          { name: t('rate.inclusive_coverage'), type: 'line', yAxisIndex: 1, data: rate('inclusive_coverage'), itemStyle: { color: '#16a085' } },
          { name: t('rate.public_share'), type: 'line', yAxisIndex: 1, data: rate('public_share'), itemStyle: { color: '#2c3e50' } },
        ],
      },
      true,
    );
  }, [plan, lang, year]);
  return <div ref={el} className="plan-chart" data-testid="plan-chart" />;
}
