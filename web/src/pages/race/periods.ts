// The periods a race ranks: months 1–12, quarters 1–4, or the year (index 1).
import type { Dayjs } from 'dayjs';
import { countyNow } from '../../today';
import type { RacePeriodKind } from '../../api-race';

export interface RacePeriod {
  year: number;
  index: number;
}

/** How many periods a year holds for the kind. */
export const periodsPerYear = (kind: RacePeriodKind) => (kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1);

/** The period that holds the date (the current, unfinished one for today). */
function periodOf(kind: RacePeriodKind, date: Dayjs): RacePeriod {
  const month = date.month() + 1;
  return { year: date.year(), index: kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : 1 };
}

/** The latest finished period: last month for a monthly race, last quarter, last year. */
export function latestFinishedPeriod(kind: RacePeriodKind, now: Dayjs = countyNow()): RacePeriod {
  const current = periodOf(kind, now);
  if (current.index > 1) return { year: current.year, index: current.index - 1 };
  return { year: current.year - 1, index: periodsPerYear(kind) };
}

/** Whether the period has not begun yet (the current one has). */
export function isFuturePeriod(kind: RacePeriodKind, period: RacePeriod, now: Dayjs = countyNow()): boolean {
  const current = periodOf(kind, now);
  return period.year > current.year || (period.year === current.year && period.index > current.index);
}

/** year and period from the route's search, or null when absent or out of range for the kind. */
export function periodFromSearch(search: { year?: number; period?: number }, kind: RacePeriodKind): RacePeriod | null {
  const year = Number(search.year);
  const index = Number(search.period);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  if (!Number.isInteger(index) || index < 1 || index > periodsPerYear(kind)) return null;
  return { year, index };
}

/** The years a picker offers: a few back from this year. */
export function recentYears(now: Dayjs = countyNow(), back = 5): number[] {
  const years: number[] = [];
  for (let y = now.year(); y >= now.year() - back; y--) years.push(y);
  return years;
}

/** Whether the period has ended (only an ended period can be published). */
export function isFinishedPeriod(kind: RacePeriodKind, period: RacePeriod, now: Dayjs = countyNow()): boolean {
  const current = periodOf(kind, now);
  return period.year < current.year || (period.year === current.year && period.index < current.index);
}
