import { BarChart, LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useEchart } from '../use-echart';
import type { CampaignRow, ProgressRow } from '../../data/ledger-sql';
import { msg, type Lang, type MessageKey } from '../../i18n';

echarts.use([BarChart, LineChart, GraphicComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Left: problem kinds per 街道 (stacked bars). Right: handed over / opened per month and running totals. */
export default function CampaignChart({ streets, progress, streetName, lang }: { streets: CampaignRow[]; progress: ProgressRow[]; streetName: (code: string) => string; lang: Lang }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useEchart(el);
  useEffect(() => {
    const tr = (key: MessageKey) => msg(lang, key);
    const names = streets.map((r) => streetName(r.street_code ?? ''));
    const bar = (name: string, key: keyof CampaignRow, color: string) => ({ name, type: 'bar', stack: 's', xAxisIndex: 0, yAxisIndex: 0, data: streets.map((r) => r[key]), itemStyle: { color } });
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
        // the legend takes the top row; the axis names sit below it
        grid: [
          { left: 40, right: '52%', top: 64, bottom: 60 },
          { left: '56%', right: 20, top: 64, bottom: 60 },
        ],
        // no handover or opening recorded yet: say so instead of an empty frame
        graphic: progress.length
          ? []
          : [{ type: 'text', left: '68%', top: '50%', style: { text: tr('ledger.ui.chart.noProgress'), fill: '#888', font: '13px sans-serif', textAlign: 'center' } }],
        xAxis: [
          { type: 'category', gridIndex: 0, data: names, axisLabel: { rotate: 40, fontSize: 10 } },
          { type: 'category', gridIndex: 1, data: progress.map((p) => p.month), axisLabel: { fontSize: 10 } },
        ],
        yAxis: [
          { type: 'value', gridIndex: 0, name: tr('ledger.ui.chart.items'), nameGap: 10, minInterval: 1 },
          { type: 'value', gridIndex: 1, name: tr('ledger.ui.chart.itemsTotal'), nameGap: 10, minInterval: 1 },
        ],
        series: [
          bar(tr('ledger.ui.stats.notPlanned'), 'not_planned', '#c0392b'),
          bar(tr('ledger.ui.stats.notBuilt'), 'not_built', '#e39b2d'),
          bar(tr('ledger.ui.stats.notHandedOver'), 'not_handed_over', '#d35400'),
          bar(tr('ledger.ui.stats.notInUse'), 'not_in_use', '#8e44ad'),
          bar(tr('ledger.ui.stats.ok'), 'ok', '#2ca58d'),
          { name: tr('ledger.ui.chart.handedOverTotal'), type: 'line', xAxisIndex: 1, yAxisIndex: 1, data: progress.map((p) => p.handed_over_total), itemStyle: { color: '#1f6fb2' } },
          { name: tr('ledger.ui.chart.openedTotal'), type: 'line', xAxisIndex: 1, yAxisIndex: 1, data: progress.map((p) => p.opened_total), itemStyle: { color: '#16a085' } },
        ],
      },
      true,
    );
  }, [streets, progress, streetName, lang]);
  return <div ref={el} className="campaign-chart" data-testid="campaign-chart" />;
}
