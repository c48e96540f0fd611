import { describe, expect, it } from 'vitest';
import { assessedPeriod, reportStatuses } from './period.ts';

describe('the assessed period', () => {
  it.each([
    ['2026-11-23', 2026, 10],
    ['2026-01-02', 2025, 12],
  ])('on %s the light assesses %i-%i', (today, year, month) => {
    expect(assessedPeriod(today)).toEqual({ year, month });
  });
});

describe('report statuses', () => {
  const base = { year: 2026, upToMonth: 10, today: '2026-11-02' };
  it('marks owed months without a submitted report missing once their deadline passed', () => {
    const statuses = reportStatuses({ ...base, firstOwedMonth: 8, reports: [{ month: 8, state: 'approved', isLate: false }, { month: 9, state: 'draft', isLate: false }] });
    expect(statuses).toEqual([
      { month: 8, state: 'approved', late: false },
      { month: 9, state: 'missing', late: true },
      // October's report is due on 11-03: on 11-02 nothing is owed yet.
    ]);
  });

  it('keeps a late submitted report late', () => {
    const statuses = reportStatuses({ ...base, today: '2026-11-10', firstOwedMonth: 10, reports: [{ month: 10, state: 'submitted', isLate: true }] });
    expect(statuses).toEqual([{ month: 10, state: 'submitted', late: true }]);
  });

  it('owes nothing for a project that does not report', () => {
    expect(reportStatuses({ ...base, firstOwedMonth: null, reports: [] })).toEqual([]);
  });
});
