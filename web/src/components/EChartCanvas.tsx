// The ECharts host behind <EChart>: init on mount, setOption on change, resize with its box, dispose on unmount.
// Only the charts and components the app uses are registered; this module (and ECharts) loads only when a
// chart comes near the screen, see EChart.tsx.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartProps } from './EChart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const CJK_FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** Renders `option`; `onClick` receives clicks on data items. Animation is off under automation for stable screenshots. */
export default function EChartCanvas({ option, height = 300, onClick, style, 'data-testid': testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) =>
      clickRef.current?.(params as unknown as Parameters<NonNullable<EChartProps['onClick']>>[0]),
    );
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(element);
    return () => {
      window.removeEventListener('resize', resize);
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const automated = typeof navigator !== 'undefined' && navigator.webdriver;
    chart.current?.setOption(
      { textStyle: { fontFamily: CJK_FONT }, ...option, ...(automated ? { animation: false } : {}) },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={box}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
}
