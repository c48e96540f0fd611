// The dashboard's two charts as ECharts options, built from the figures the server sent: the lights by unit
// (stacked bars) and the year's cumulative investment against the plan (lines). Amounts are drawn in 亿元 and
// their tooltips read the domain's formatYi of the exact 元, so a tooltip matches the card above it.
import type { EChartOption } from '../../components/EChart';
import type { Colour, Dashboard } from '../../api-lights';
import { formatYi, toYiNumber } from '../../../../src/domain/money/money';
import { COLOURS, COLOUR_HEX } from '../lights/shared';
import type { useLightsI18n } from '../../i18n-lights';

type Tl = ReturnType<typeof useLightsI18n>['tl'];

/** Each unit's projects by colour, one stacked bar per unit; a narrow screen truncates the names sooner. */
export function unitsChartOption(
  units: Dashboard['units'],
  { narrow, colour }: { narrow: boolean; colour: (c: Colour) => string },
): EChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => u.unitName),
      axisLabel: { width: narrow ? 84 : 140, overflow: 'truncate' },
    },
    series: COLOURS.map((c) => ({
      id: c,
      name: colour(c),
      type: 'bar' as const,
      stack: 'lights',
      barMaxWidth: 22,
      itemStyle: { color: COLOUR_HEX[c] },
      emphasis: { focus: 'series' as const },
      data: units.map((u) => u[c]),
    })),
  };
}

/** The cumulative plan (dashed) and the cumulative completed investment by month, in 亿元. */
export function curveChartOption(monthly: Dashboard['monthly'], tl: Tl): EChartOption {
  const plan = monthly.map((m) => m.planCumulativeYuan);
  const actual = monthly.map((m) => m.cumulativeYuan);
  const yi = (yuan: number | null | undefined) =>
    yuan === null || yuan === undefined ? '—' : `${formatYi(yuan)} ${tl('dash.yi')}`;
  return {
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: monthly.map((m) => tl('dash.month', { month: m.month })),
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => String(v) } },
    series: [
      {
        name: tl('dash.curvePlan'),
        type: 'line',
        data: plan.map(toYiNumber),
        tooltip: { valueFormatter: (_v, i) => yi(plan[i]) },
        lineStyle: { type: 'dashed', color: '#8c8c8c' },
        itemStyle: { color: '#8c8c8c' },
        symbol: 'none',
      },
      {
        name: tl('dash.curveActual'),
        type: 'line',
        data: actual.map((yuan) => (yuan === null ? null : toYiNumber(yuan))),
        tooltip: { valueFormatter: (_v, i) => yi(actual[i]) },
        lineStyle: { width: 3, color: '#1d5fb4' },
        itemStyle: { color: '#1d5fb4' },
        areaStyle: { color: 'rgba(29,95,180,0.08)' },
        symbolSize: 7,
      },
    ],
  };
}
