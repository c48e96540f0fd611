import { describe, expect, it } from 'vitest';
import { latestFinishedPeriod, PeriodError, periodOf, periodsThrough, previousPeriod } from './period.ts';

describe('race periods', () => {
  it.each([
    ['month', 10, 10, '2026年10月'],
    ['quarter', 3, 9, '2026年第三季度'],
    ['quarter', 1, 3, '2026年第一季度'],
    ['year', 1, 12, '2026年度'],
  ] as const)('%s %i ends in month %i (%s)', (kind, index, endMonth, label) => {
    const p = periodOf(kind, 2026, index);
    expect(p.endMonth).toBe(endMonth);
    expect(p.label['zh-CN']).toBe(label);
  });

  it.each([
    ['month', 13, 12],
    ['month', 0, 12],
    ['quarter', 5, 4],
    ['year', 2, 1],
  ] as const)('refuses %s %i (1..%i)', (kind, index, max) => {
    expect(() => periodOf(kind, 2026, index)).toThrow(PeriodError);
    try {
      periodOf(kind, 2026, index);
    } catch (e) {
      expect((e as PeriodError).max).toBe(max);
    }
  });

  it('does not rank weekly races yet', () => {
    expect(() => periodOf('week', 2026, 1)).toThrow(/weekly/);
  });

  it.each([
    [periodOf('month', 2026, 10), '2026年9月'],
    [periodOf('month', 2026, 1), '2025年12月'],
    [periodOf('quarter', 2026, 1), '2025年第四季度'],
    [periodOf('year', 2026, 1), '2025年度'],
  ])('the period before %o is %s', (p, label) => {
    expect(previousPeriod(p).label['zh-CN']).toBe(label);
  });

  it.each([
    ['month', '2026-11-23', '2026年10月'],
    ['month', '2026-01-05', '2025年12月'],
    ['quarter', '2026-11-23', '2026年第三季度'],
    ['quarter', '2026-10-01', '2026年第三季度'],
    ['quarter', '2026-02-10', '2025年第四季度'],
    ['quarter', '2026-04-01', '2026年第一季度'],
    ['year', '2026-11-23', '2025年度'],
  ] as const)('a %s race on %s ranks %s', (kind, today, label) => {
    expect(latestFinishedPeriod(kind, today).label['zh-CN']).toBe(label);
  });

  it('lists the year’s periods up to one', () => {
    expect(periodsThrough(periodOf('quarter', 2026, 3)).map((p) => p.endMonth)).toEqual([3, 6, 9]);
  });
});
