import { isDealMetric } from './deal-metrics.ts';
import { isTicketMetric } from './ticket-metrics.ts';
import { describe, expect, it } from 'vitest';
import { indicatorByKey, INDICATORS } from './indicators.ts';
import {
  AVAILABLE_METRICS,
  hasIndicatorData,
  isAvailableMetric,
  isBigStartIn,
  isOverdueStartAt,
  isReportInPeriod,
  isStartedIn,
  periodDays,
  type ProjectRaceFacts,
} from './metrics.ts';

const october = { year: 2026, endMonth: 10 };
const project = (p: Partial<ProjectRaceFacts>): ProjectRaceFacts => ({
  stage: 'construction',
  totalInvestment: 50_000_000,
  plannedStartDate: null,
  actualStartDate: null,
  ...p,
});

describe('race metrics, bound to the period’s end', () => {
  it('knows the period’s days', () => {
    expect(periodDays(october)).toEqual({ from: '2026-01-01', to: '2026-10-31' });
    expect(periodDays({ year: 2028, endMonth: 2 })).toEqual({ from: '2028-01-01', to: '2028-02-29' });
  });

  it.each([
    ['2026-01-01', true],
    ['2026-10-31', true],
    ['2026-11-01', false], // started after October: not a start of the period
    ['2025-12-31', false], // last year's start
    [null, false],
  ])('a project started on %s counts as a start of Jan–Oct 2026: %s', (actual, counts) => {
    expect(isStartedIn(project({ actualStartDate: actual }), october)).toBe(counts);
  });

  it('counts big starts at 1 亿元 and above', () => {
    expect(isBigStartIn(project({ actualStartDate: '2026-03-01', totalInvestment: 100_000_000 }), october)).toBe(true);
    expect(isBigStartIn(project({ actualStartDate: '2026-03-01', totalInvestment: 99_999_999 }), october)).toBe(false);
  });

  it.each([
    ['planned in October, not started', { plannedStartDate: '2026-10-15' }, true],
    ['planned in November', { plannedStartDate: '2026-11-01' }, false],
    ['planned in May, started in June', { plannedStartDate: '2026-05-01', actualStartDate: '2026-06-01' }, false],
    [
      'planned in May, started in November — still overdue at October’s end',
      { plannedStartDate: '2026-05-01', actualStartDate: '2026-11-05' },
      true,
    ],
    ['planned last year, never started', { plannedStartDate: '2025-03-01' }, true],
    ['planned eleven years ago', { plannedStartDate: '2015-03-01' }, false],
    ['dropped', { plannedStartDate: '2026-05-01', stage: 'dropped' }, false],
    ['no planned start', {}, false],
  ])('overdue at the period’s end: %s', (_what, p, overdue) => {
    expect(isOverdueStartAt(project(p), october)).toBe(overdue);
  });

  it('counts report months of the period’s year up to its last month', () => {
    expect(isReportInPeriod({ year: 2026, month: 10 }, october)).toBe(true);
    expect(isReportInPeriod({ year: 2026, month: 11 }, october)).toBe(false);
    expect(isReportInPeriod({ year: 2025, month: 5 }, october)).toBe(false);
  });
});

describe('which indicators have data (the ranking and the indicator list ask the same function)', () => {
  // Every computed metric is computed now (the deals' since 招商): each indicator has data.
  it.each(INDICATORS.map((i) => [i.key, i.source.kind] as const))('%s (%s) has data', (key) => {
    expect(hasIndicatorData(indicatorByKey(key))).toBe(true);
  });

  it('a computed indicator has data exactly when its metric is computed today', () => {
    for (const i of INDICATORS)
      if (i.source.kind === 'computed')
        expect(hasIndicatorData(i)).toBe(
          isAvailableMetric(i.source.metric) || isTicketMetric(i.source.metric) || isDealMetric(i.source.metric),
        );
    expect(AVAILABLE_METRICS).toEqual(['done', 'starts', 'startsAboveYi', 'red', 'overdueStarts']);
  });
});
