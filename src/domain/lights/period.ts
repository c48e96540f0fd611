import { isLate, submitDeadline, type ReportingCalendar, DEFAULT_CALENDAR } from '../reports/report-rules.ts';
import type { ReportStatus } from './types.ts';

/**
 * The month a light assesses on a given day: the last finished month, whose report is now due
 * (in January, last December).
 */
export function assessedPeriod(today: string): { year: number; month: number } {
  return monthBefore({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day 'YYYY-MM-DD' of a month. */
export function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The month before (year, month): in January, last December. */
export function monthBefore({ year, month }: { year: number; month: number }): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/** The month after (year, month). */
export function nextMonth({ year, month }: { year: number; month: number }): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/**
 * The day a month's light is judged on when it is built after the fact (history loaded or imported):
 * the last day the month was the assessed one — the end of the month after it — or today if that
 * is earlier. September 2026 is judged as of 2026-10-31.
 */
export function assessmentDay(period: { year: number; month: number }, today: string): string {
  const after = nextMonth(period);
  const last = lastDayOfMonth(after.year, after.month);
  return last < today ? last : today;
}

/** The months from `from` up to but not including `to`, in order. */
export function monthsBetween(
  from: { year: number; month: number },
  to: { year: number; month: number },
): { year: number; month: number }[] {
  const out: { year: number; month: number }[] = [];
  for (let p = from; p.year < to.year || (p.year === to.year && p.month < to.month); p = nextMonth(p)) out.push(p);
  return out;
}

/**
 * The report statuses the engine reads, from the reports on record. A month is owed from the
 * first month the project had to report in the year; an owed month with nothing submitted is
 * `missing` once its deadline has passed, and `pending` (or the draft's state) before that.
 */
export function reportStatuses(
  args: {
    year: number;
    upToMonth: number;
    firstOwedMonth: number | null;
    today: string;
    reports: { month: number; state: string; isLate: boolean }[];
  },
  calendar: ReportingCalendar = DEFAULT_CALENDAR,
): ReportStatus[] {
  if (args.firstOwedMonth === null) return [];
  const byMonth = new Map(args.reports.map((r) => [r.month, r]));
  const out: ReportStatus[] = [];
  for (let month = Math.max(1, args.firstOwedMonth); month <= args.upToMonth; month++) {
    const r = byMonth.get(month);
    const pastDeadline = args.today > submitDeadline(args.year, month, calendar);
    if (r && (r.state === 'submitted' || r.state === 'approved')) out.push({ month, state: r.state, late: r.isLate });
    else if (pastDeadline) out.push({ month, state: 'missing', late: true });
    else if (r)
      out.push({
        month,
        state: r.state as ReportStatus['state'],
        late: isLate(args.today, args.year, month, calendar),
      });
    else out.push({ month, state: 'pending', late: false });
  }
  return out;
}
