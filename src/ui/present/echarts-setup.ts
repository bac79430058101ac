/** The ECharts parts the 汇报 charts use (tree-shaken core; loaded with the player, not at start-up). */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };

/** A chart option drawn off screen to a PNG (or JPEG) data URL (ECharts getDataURL), `width`×`height` CSS px at `pixelRatio`. */
export function renderChartPng(option: Record<string, unknown>, width: number, height: number, type: 'png' | 'jpeg' = 'png', pixelRatio = 2): string {
  const el = document.createElement('div');
  const chart = echarts.init(el, undefined, { renderer: 'canvas', width, height });
  try {
    chart.setOption(option as echarts.EChartsCoreOption, true);
    return chart.getDataURL({ type, pixelRatio, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
  }
}
