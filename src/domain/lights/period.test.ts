import { describe, expect, it } from 'vitest';
import {
  assessedPeriod,
  assessmentDay,
  lastDayOfMonth,
  monthBefore,
  monthsBetween,
  nextMonth,
  reportStatuses,
} from './period.ts';

describe('the assessed period', () => {
  it.each([
    ['2026-11-23', 2026, 10],
    ['2026-01-02', 2025, 12],
  ])('on %s the light assesses %i-%i', (today, year, month) => {
    expect(assessedPeriod(today)).toEqual({ year, month });
  });
});

describe('the month before and after', () => {
  it.each([
    [2026, 11, 2026, 10],
    [2026, 1, 2025, 12],
    [2026, 12, 2026, 11],
  ])('before %i-%i comes %i-%i, and after it the month again', (year, month, y, m) => {
    expect(monthBefore({ year, month })).toEqual({ year: y, month: m });
    expect(nextMonth(monthBefore({ year, month }))).toEqual({ year, month });
  });
});

describe('months after the fact', () => {
  it.each([
    [2026, 2, '2026-02-28'],
    [2028, 2, '2028-02-29'],
    [2026, 12, '2026-12-31'],
  ])('%i-%i ends on %s', (y, m, day) => expect(lastDayOfMonth(y, m)).toBe(day));

  it('judges a past month at the end of the month after it, a recent one today', () => {
    expect(assessmentDay({ year: 2026, month: 9 }, '2026-12-02')).toBe('2026-10-31');
    expect(assessmentDay({ year: 2026, month: 10 }, '2026-11-20')).toBe('2026-11-20');
    expect(assessmentDay({ year: 2025, month: 12 }, '2026-03-01')).toBe('2026-01-31');
  });

  it('lists the months between two months', () => {
    expect(monthsBetween({ year: 2025, month: 11 }, { year: 2026, month: 2 })).toEqual([
      { year: 2025, month: 11 },
      { year: 2025, month: 12 },
      { year: 2026, month: 1 },
    ]);
    expect(monthsBetween({ year: 2026, month: 5 }, { year: 2026, month: 5 })).toEqual([]);
  });
});

describe('report statuses', () => {
  const base = { year: 2026, upToMonth: 10, today: '2026-11-02' };
  it('marks owed months without a submitted report missing once their deadline passed', () => {
    const statuses = reportStatuses({
      ...base,
      firstOwedMonth: 8,
      reports: [
        { month: 8, state: 'approved', isLate: false },
        { month: 9, state: 'draft', isLate: false },
      ],
    });
    expect(statuses).toEqual([
      { month: 8, state: 'approved', late: false },
      { month: 9, state: 'missing', late: true },
      // October's report is due on 11-03: on 11-02 it is owed but not yet late.
      { month: 10, state: 'pending', late: false },
    ]);
  });

  it('keeps a late submitted report late', () => {
    const statuses = reportStatuses({
      ...base,
      today: '2026-11-10',
      firstOwedMonth: 10,
      reports: [{ month: 10, state: 'submitted', isLate: true }],
    });
    expect(statuses).toEqual([{ month: 10, state: 'submitted', late: true }]);
  });

  it('owes nothing for a project that does not report', () => {
    expect(reportStatuses({ ...base, firstOwedMonth: null, reports: [] })).toEqual([]);
  });
});
