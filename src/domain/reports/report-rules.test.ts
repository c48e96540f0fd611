import { describe, expect, it } from 'vitest';
import {
  canDo,
  checkCalendar,
  hasPendingCorrection,
  isFutureMonth,
  isLate,
  isReviewOverdue,
  mustReport,
  REPORT_STATES,
  reportAbilities,
  reviewDeadline,
  submitDeadline,
} from './report-rules.ts';

describe('the reporting calendar', () => {
  it.each([
    [2026, 3, '2026-04-03'],
    [2026, 12, '2027-01-03'],
  ])('the %i-%i report is due by %s', (year, month, due) => {
    expect(submitDeadline(year, month)).toBe(due);
  });

  it.each([
    ['2026-04-02', false],
    ['2026-04-03', false],
    ['2026-04-04', true],
    ['2026-05-01', true],
  ])('a March report submitted on %s is late: %s', (on, late) => {
    expect(isLate(on, 2026, 3)).toBe(late);
  });

  it.each([
    [{ submitByDay: 3, reviewByDay: 5 }, null],
    [{ submitByDay: 3, reviewByDay: 3 }, null],
    [{ submitByDay: 0, reviewByDay: 5 }, 'SUBMIT_DAY'],
    [{ submitByDay: 29, reviewByDay: 30 }, 'SUBMIT_DAY'],
    [{ submitByDay: 3, reviewByDay: 31 }, 'REVIEW_DAY'],
    [{ submitByDay: 5, reviewByDay: 3 }, 'REVIEW_BEFORE_SUBMIT'],
  ])('checks the calendar %o: %s', (calendar, error) => {
    expect(checkCalendar(calendar)).toBe(error);
  });

  it('follows a county calendar with another day', () => {
    expect(isLate('2026-04-05', 2026, 3, { submitByDay: 5, reviewByDay: 8 })).toBe(false);
  });

  it.each([
    [2026, 11, '2026-11-23', false],
    [2026, 12, '2026-11-23', true],
    [2027, 1, '2026-11-23', true],
    [2025, 12, '2026-11-23', false],
  ])('%i-%i seen on %s is in the future: %s', (y, m, today, future) => {
    expect(isFutureMonth(y, m, today)).toBe(future);
  });

  it.each([
    ['preparing', false, true],
    ['construction', false, true],
    ['planning', false, false],
    ['production', true, true],
    ['production', false, false],
  ] as const)('a %s project (annual plan %s) must report: %s', (stage, plan, must) => {
    expect(mustReport(stage, plan)).toBe(must);
  });

  it.each([
    ['edit', 'draft', true],
    ['edit', 'returned', true],
    ['edit', 'submitted', false],
    ['edit', 'approved', false],
    ['submit', 'approved', false],
    ['approve', 'submitted', true],
    ['approve', 'draft', false],
    ['return', 'submitted', true],
    ['return', 'approved', false],
  ] as const)('%s a %s report: %s', (action, state, ok) => {
    expect(canDo(action, state)).toBe(ok);
  });
});

describe('the department’s review day', () => {
  it.each([
    // year, month, calendar, review deadline
    [2026, 10, { submitByDay: 3, reviewByDay: 5 }, '2026-11-05'],
    [2026, 12, { submitByDay: 3, reviewByDay: 5 }, '2027-01-05'],
    [2026, 2, { submitByDay: 10, reviewByDay: 12 }, '2026-03-12'],
  ])('reports of %i-%i are reviewed by the deadline (%o): %s', (year, month, calendar, due) => {
    expect(reviewDeadline(year, month, calendar)).toBe(due);
  });

  it.each([
    ['submitted, on the review day itself', '2026-11-05', 'submitted', false],
    ['submitted, the day after', '2026-11-06', 'submitted', true],
    ['approved long ago is not waiting', '2026-11-20', 'approved', false],
    ['a draft is the unit’s, not the department’s, to move', '2026-11-20', 'draft', false],
  ])('%s', (_what, today, state, overdue) => {
    expect(isReviewOverdue(today, 2026, 10, state)).toBe(overdue);
  });
});

describe('what an actor may do with a report (sent as `can`, so the web never re-derives it)', () => {
  const filer = { file: true, review: false };
  const reviewer = { file: false, review: true };
  const both = { file: true, review: true };
  const none = { edit: false, submit: false, approve: false, return: false, correct: false };
  it.each([
    // state, current, correction pending, who, abilities
    ['draft', true, false, filer, { ...none, edit: true, submit: true }],
    ['returned', true, false, filer, { ...none, edit: true, submit: true }],
    ['draft', true, false, reviewer, none],
    ['submitted', true, false, filer, none],
    ['submitted', true, false, reviewer, { ...none, approve: true, return: true }],
    ['submitted', false, false, both, { ...none, approve: true, return: true }],
    ['approved', true, false, filer, { ...none, correct: true }],
    ['approved', true, true, filer, none],
    ['approved', false, false, both, none],
    ['approved', true, false, reviewer, none],
  ] as const)('a %s report (current %s, correction pending %s) for %o: %o', (state, isCurrent, pending, may, can) => {
    expect(reportAbilities({ state, isCurrent, correctionPending: pending }, may)).toEqual(can);
  });

  it('edit, submit, approve and return follow canDo exactly', () => {
    for (const state of REPORT_STATES) {
      const can = reportAbilities({ state, isCurrent: true, correctionPending: false }, { file: true, review: true });
      for (const action of ['edit', 'submit', 'approve', 'return'] as const)
        expect(can[action]).toBe(canDo(action, state));
    }
  });

  it.each([
    [[{ revision: 1, state: 'approved' }], false],
    [
      [
        { revision: 1, state: 'approved' },
        { revision: 2, state: 'submitted' },
      ],
      true,
    ],
    [
      [
        { revision: 1, state: 'approved' },
        { revision: 2, state: 'returned' },
      ],
      true,
    ],
    [
      [
        { revision: 1, state: 'approved' },
        { revision: 2, state: 'approved' },
      ],
      false,
    ],
  ])('revisions %j: a correction waits on revision 1: %s', (revisions, pending) => {
    expect(hasPendingCorrection(revisions, { revision: 1 })).toBe(pending);
  });
});
