import type * as echarts from 'echarts/core';
import { init } from 'echarts/core';
import { useEffect, useRef, type RefObject } from 'react';

/** An ECharts instance on the element of `el`, resized with it and disposed on unmount. */
export function useEchart(el: RefObject<HTMLDivElement | null>): RefObject<echarts.ECharts | null> {
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = init(el.current, undefined, { renderer: 'canvas' });
    const ro = new ResizeObserver(() => chart.current?.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [el]);
  return chart;
}
