import type { Stage } from '../projects/lifecycle.ts';

/**
 * Monthly investment reports (固投月报, DESIGN §3.3). A report covers one project and one month;
 * amounts are integer 元; cumulative figures are derived from approved reports, never typed.
 */
export const REPORT_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已报送', en: 'Submitted' },
  approved: { 'zh-CN': '已审核', en: 'Approved' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
};

/** The reporting calendar (configurable): days of the following month. */
export interface ReportingCalendar {
  /** The unit submits by this day of the next month. */
  submitByDay: number;
  /** The responsible department reviews by this day of the next month. */
  reviewByDay: number;
}

export const DEFAULT_CALENDAR: ReportingCalendar = { submitByDay: 3, reviewByDay: 5 };

export type CalendarError = 'SUBMIT_DAY' | 'REVIEW_DAY' | 'REVIEW_BEFORE_SUBMIT';

/** A county's calendar: days 1–28 (every month has them), the review no earlier than the submission. */
export function checkCalendar(c: ReportingCalendar): CalendarError | null {
  const day = (d: number) => Number.isInteger(d) && d >= 1 && d <= 28;
  if (!day(c.submitByDay)) return 'SUBMIT_DAY';
  if (!day(c.reviewByDay)) return 'REVIEW_DAY';
  if (c.reviewByDay < c.submitByDay) return 'REVIEW_BEFORE_SUBMIT';
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day a report for (year, month) may be submitted on time, YYYY-MM-DD. */
export function submitDeadline(year: number, month: number, calendar: ReportingCalendar = DEFAULT_CALENDAR): string {
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return `${nextYear}-${pad(nextMonth)}-${pad(calendar.submitByDay)}`;
}

/** The last day the responsible department should review the month's submitted reports, YYYY-MM-DD. */
export function reviewDeadline(year: number, month: number, calendar: ReportingCalendar = DEFAULT_CALENDAR): string {
  return `${submitDeadline(year, month, calendar).slice(0, 8)}${pad(calendar.reviewByDay)}`;
}

/** A report still waiting for review after the review day (the day itself is on time). */
export const isReviewOverdue = (
  today: string,
  year: number,
  month: number,
  state: string,
  calendar: ReportingCalendar = DEFAULT_CALENDAR,
) => state === 'submitted' && today > reviewDeadline(year, month, calendar);

/** Submitted after the deadline day (the deadline day itself is on time). */
export function isLate(
  submittedOn: string,
  year: number,
  month: number,
  calendar: ReportingCalendar = DEFAULT_CALENDAR,
): boolean {
  return submittedOn > submitDeadline(year, month, calendar);
}

/** Whether (year, month) lies after the month of `today`: nobody reports on a month not yet begun. */
export function isFutureMonth(year: number, month: number, today: string): boolean {
  const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return year > ty || (year === ty && month > tm);
}

/** Projects in 前期 or 在建 report every month, and so does any project with an annual plan for the year. */
export function mustReport(stage: Stage, hasAnnualPlan: boolean): boolean {
  return stage === 'preparing' || stage === 'construction' || hasAnnualPlan;
}

export type ReportAction = 'edit' | 'submit' | 'approve' | 'return';

const ALLOWED: Record<ReportAction, readonly ReportState[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
};

/** Whether a report in `state` allows the action; approved reports allow none (a correction is a new revision). */
export function canDo(action: ReportAction, state: ReportState): boolean {
  return ALLOWED[action].includes(state);
}

/** The state a report moves to. */
export function nextState(action: Exclude<ReportAction, 'edit'>): ReportState {
  return action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : 'returned';
}

/** What an actor may do with one report revision; the server sends it as `can` so the web never re-derives states. */
export interface ReportAbilities {
  /** Change the amount, text and photos (a draft or a returned report). */
  edit: boolean;
  submit: boolean;
  approve: boolean;
  return: boolean;
  /** File a correction: the current approved revision, with no correction already waiting. */
  correct: boolean;
}

/** A report revision as far as its abilities go; `correctionPending` is a newer, unapproved revision of its month. */
export interface ReportStanding {
  state: ReportState;
  isCurrent: boolean;
  correctionPending: boolean;
}

/**
 * The abilities of a revision for an actor who may (`file`) or may not file the project's reports and may
 * (`review`) or may not review them (the report policy decides both): `canDo` on the state, the correction rule.
 */
export function reportAbilities(r: ReportStanding, may: { file: boolean; review: boolean }): ReportAbilities {
  return {
    edit: may.file && canDo('edit', r.state),
    submit: may.file && canDo('submit', r.state),
    approve: may.review && canDo('approve', r.state),
    return: may.review && canDo('return', r.state),
    correct: may.file && r.state === 'approved' && r.isCurrent && !r.correctionPending,
  };
}

/** Whether a revision of a month waits on a newer correction: submitted or returned, not yet approved. */
export function hasPendingCorrection(
  revisions: readonly { revision: number; state: string }[],
  current: { revision: number },
): boolean {
  return revisions.some((x) => x.revision > current.revision && x.state !== 'approved');
}
