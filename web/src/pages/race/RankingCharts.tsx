import { useMemo } from 'react';
import { Empty } from 'antd';
import type { RankHistory, RankingGroup } from '../../api-race';
import { useRaceI18n } from '../../i18n-race';
import { EChart, type EChartOption } from '../../components/EChart';
import { standingOf } from './RankingTable';
import { BOTTOM_COLOUR, TOP_COLOUR } from './shared';

const PLAIN_BAR = '#5b8ff9';

/** Each unit's total as a horizontal bar, best at the top; 骏马 green, 蜗牛 orange. */
export function TotalsChart({ group, narrow, testId }: { group: RankingGroup; narrow: boolean; testId?: string }) {
  const option = useMemo((): EChartOption => {
    const rows = group.rows;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: narrow ? 80 : 120, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: rows.map((r) => {
            const standing = standingOf(group, r);
            return {
              value: r.total,
              itemStyle: { color: standing === 'top' ? TOP_COLOUR : standing === 'bottom' ? BOTTOM_COLOUR : PLAIN_BAR },
            };
          }),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value?: unknown }) => Number(p.value).toFixed(2),
            fontSize: 11,
          },
        },
      ],
    };
  }, [group, narrow]);
  const height = Math.max(160, group.rows.length * 28 + 24);
  return group.rows.length ? (
    <EChart option={option} height={height} data-testid={testId} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
  );
}

/** The group's ranks over the year's periods, rank 1 at the top. */
export function RankHistoryChart({
  history,
  group,
  narrow,
  testId,
}: {
  history: RankHistory;
  group: RankingGroup;
  narrow: boolean;
  testId?: string;
}) {
  const { tk } = useRaceI18n();
  const units = useMemo(() => history.units.filter((u) => u.group === group.group), [history, group.group]);
  const option = useMemo((): EChartOption => {
    const size = Math.max(
      group.rows.length,
      ...units.flatMap((u) => u.ranks.filter((r): r is number => r !== null)),
      1,
    );
    const step = size > 12 ? 2 : 1;
    return {
      tooltip: { trigger: 'axis', confine: true, order: 'valueAsc' },
      legend: { type: 'scroll', bottom: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 16, top: 12, bottom: 36, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: history.periods.map((p) => p.label) },
      // Rank 1 at the top; the last rank labelled only when it falls on the interval, so labels never crowd.
      yAxis: {
        type: 'value',
        inverse: true,
        min: 1,
        max: size,
        interval: step,
        axisLabel: { showMaxLabel: (size - 1) % step === 0 },
      },
      series: units.map((u) => ({
        name: u.name,
        type: 'line' as const,
        data: u.ranks,
        connectNulls: false,
        symbolSize: 6,
        lineStyle: { width: 2 },
        emphasis: { focus: 'series' as const },
      })),
    };
  }, [history, units, group.rows.length]);
  // One period makes no line: the ranks are in the table already.
  if (!units.length || history.periods.length < 2)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={tk('ranking.historyEmpty')}
        style={{ margin: '40px 0' }}
        data-testid={testId}
      />
    );
  return (
    <EChart option={option} height={narrow ? 280 : Math.max(260, group.rows.length * 18 + 80)} data-testid={testId} />
  );
}
