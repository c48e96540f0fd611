// A chart that costs nothing until it is near the screen: ECharts (about 185 kB compressed) is the largest
// library of the app, and the first page a leader opens on a phone shows its figures above its charts.
// The box keeps its height while the chart loads, so nothing moves; `data-chart-pending` marks it until drawn.
import { lazy, Suspense, useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

export type EChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** What a click on a series item reports (a subset of ECharts' event parameters). */
export interface EChartClick {
  seriesId?: string;
  seriesName?: string;
  dataIndex: number;
  name: string;
  value: unknown;
}

export interface EChartProps {
  option: EChartOption;
  height?: number | string;
  onClick?: (params: EChartClick) => void;
  style?: CSSProperties;
  'data-testid'?: string;
}

const EChartCanvas = lazy(() => import('./EChartCanvas'));

/** How far below the screen a chart starts loading, so that it is drawn by the time it is scrolled to. */
const AHEAD = '300px';

function useNearScreen(): [React.RefObject<HTMLDivElement | null>, boolean] {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: AHEAD,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return [box, near];
}

/** Renders `option` once the chart is near the screen; `onClick` receives clicks on data items. */
export function EChart(props: EChartProps) {
  const [box, near] = useNearScreen();
  const { height = 300, style, 'data-testid': testId } = props;
  const placeholder = (
    <div ref={box} data-testid={testId} data-chart-pending="" style={{ width: '100%', height, ...style }} />
  );
  if (!near) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}
