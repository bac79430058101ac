import { useEffect, useRef } from 'react';
import { useEchart } from '../use-echart';
import type { echarts } from './echarts-setup';
import './echarts-setup';

/** One ECharts chart of a 汇报 screen (the option comes from buildScreenContent). */
export function ScreenChart({ option }: { option: Record<string, unknown> }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useEchart(el);
  useEffect(() => {
    chart.current?.setOption(option as echarts.EChartsCoreOption, true);
  }, [option, chart]);
  return <div ref={el} className="present-chart" data-testid="present-chart" />;
}
