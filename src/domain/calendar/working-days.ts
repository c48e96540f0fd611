/**
 * Chinese working days and working hours (DESIGN §3.6), for the deadlines of enterprise tickets: weekends
 * off, the State Council's official holidays off, its make-up Saturdays and Sundays (调休上班) on — all
 * read from the `chinese-days` package's published table, never typed in by hand.
 *
 * Everything here is county-local wall time with no time zone inside: dates 'YYYY-MM-DD', date-times
 * 'YYYY-MM-DDTHH:mm'. The caller turns instants into them (localDateTimeOf) and back (instantOfLocal).
 *
 * The table is read as plain data (`dist/chinese-days.json`) rather than through the package's isWorkday:
 * that function parses a date string as UTC and reads it back in the process's own zone, so in a process
 * or browser west of UTC it answers for the day before. The table's keys are plain 'YYYY-MM-DD' strings.
 *
 * The table covers 2004–2026 (see calendarCovers). For another year there is nothing to read, and the
 * functions fall back to weekends only (Monday–Friday working) until the package is updated.
 */
import table from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { instantAt, localDateTime } from './local-date.ts';

/** Official holidays and make-up working days, by date, each with its festival's name. */
const { holidays, workdays } = table as { holidays: Record<string, string>; workdays: Record<string, string> };

/** The years the package has published holidays for: every year has at least New Year's Day. */
const COVERED_YEARS: ReadonlySet<number> = new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

const DAY_MS = 86_400_000;

/**
 * The day numbers of the dates already read: the deadlines and the cutoff read the same few thousand dates
 * over and over, and parsing and checking each again was much of their time. Emptied past 20,000 dates.
 */
const dayNumbers = new Map<string, number>();

/** Milliseconds since the epoch of a date's UTC midnight: a day number, free of any time zone. */
function dayNumber(date: string): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a date: ${date}`);
  if (dayNumbers.size >= 20_000) dayNumbers.clear();
  dayNumbers.set(date, ms);
  return ms;
}

const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const nextDate = (date: string): string => dateOf(dayNumber(date) + DAY_MS);

/** Whether the package has the State Council's published holidays for `year` (2004–2026 in 1.5.7). */
export function calendarCovers(year: number): boolean {
  return COVERED_YEARS.has(year);
}

/**
 * Whether a local date is a working day: isWorkingDay('2026-02-14') → true (a Saturday worked for the
 * Spring Festival), isWorkingDay('2026-02-16') → false (a Monday of the holiday). Outside the covered
 * years, Monday to Friday.
 */
export function isWorkingDay(date: string): boolean {
  const ms = dayNumber(date);
  if (workdays[date]) return true;
  if (holidays[date]) return false;
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/**
 * The n-th working day after `date`, the day itself not counted: "accept within 3 working days" of a
 * ticket raised on Friday 2026-02-13 ends on 2026-02-25 (Saturday 02-14 is worked, 02-15…02-23 are the
 * Spring Festival, then 02-24 and 02-25). The result is always a working day, so n = 0 gives `date`
 * itself when it is a working day and otherwise the next one ("the same working day"), as the package's
 * own findWorkday(0) does. A negative or fractional n is a RangeError.
 */
export function addWorkingDays(date: string, n: number): string {
  checkCount(n, 'working days');
  let day = date;
  if (n === 0) {
    while (!isWorkingDay(day)) day = nextDate(day);
    return day;
  }
  for (let left = n; left > 0;) {
    day = nextDate(day);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * The working days after `from` up to and including `to`; negative when `to` is before `from`, 0 when
 * they are the same day. So a ticket due 2026-02-25 is, on 2026-03-02, workingDaysBetween('2026-02-25',
 * '2026-03-02') = 4 working days overdue (02-26, 02-27, Saturday 02-28 worked, 03-02).
 */
export function workingDaysBetween(from: string, to: string): number {
  const [start, end] = [dayNumber(from), dayNumber(to)];
  if (end < start) return -workingDaysBetween(to, from);
  const counted = workingDaysThrough();
  const [i, j] = [(start - counted.first) / DAY_MS, (end - counted.first) / DAY_MS];
  if (i >= 0 && j < counted.through.length) return counted.through[j]! - counted.through[i]!;
  let count = 0;
  for (let ms = start + DAY_MS; ms <= end; ms += DAY_MS) if (isWorkingDay(dateOf(ms))) count++;
  return count;
}

/** Years counted ahead of the table's last one (weekends only there, as isWorkingDay answers). */
const YEARS_AHEAD = 10;

let counted: { first: number; through: Int32Array } | null = null;

/**
 * The working days from the table's first covered year up to and including each day, through YEARS_AHEAD
 * years past its last: the daily cutoff counts how long each of 100,000 tickets is overdue, and counting
 * day by day took most of its time. Built on first use (some 12,000 days, a few milliseconds), so a page
 * that never counts pays nothing; outside the span the count goes day by day as before.
 */
function workingDaysThrough(): { first: number; through: Int32Array } {
  if (counted) return counted;
  const years = [...COVERED_YEARS];
  const first = Date.UTC(Math.min(...years), 0, 1);
  const last = Date.UTC(Math.max(...years) + YEARS_AHEAD, 11, 31);
  const through = new Int32Array((last - first) / DAY_MS + 1);
  let sum = 0;
  for (let i = 0; i < through.length; i++) through[i] = sum += isWorkingDay(dateOf(first + i * DAY_MS)) ? 1 : 0;
  counted = { first, through };
  return counted;
}

/** One stretch of a working day, local 'HH:mm' from `start` (included) to `end` (excluded). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** The working hours of each working day, as data: periods in order, not overlapping. */
export interface WorkingHours {
  periods: readonly WorkingPeriod[];
}

/**
 * The default office hours, a county's to change: 08:30–12:00 and 13:30–17:30, a lunch break between,
 * 7½ working hours a day.
 */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
};

/** Minutes since midnight of 'HH:mm' (00:00…24:00). */
function minuteOfDay(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`not a time of day: ${hhmm}`);
  return minutes;
}

/** The periods as [start, end) minute ranges; refuses empty, inverted, unordered or overlapping ones. */
function minuteRanges(wh: WorkingHours): [number, number][] {
  const ranges = wh.periods.map((p): [number, number] => [minuteOfDay(p.start), minuteOfDay(p.end)]);
  if (ranges.length === 0) throw new RangeError('working hours need at least one period');
  ranges.forEach(([start, end], i) => {
    if (end <= start || (i > 0 && start < ranges[i - 1][1]))
      throw new RangeError(`working period ${i} must end after it starts and start after the one before`);
  });
  return ranges;
}

/** A local date-time 'YYYY-MM-DDTHH:mm' split into its date and minute of the day. */
function splitLocal(local: string): { date: string; minute: number } {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(local);
  const minute = m ? minuteOfDay(m[2]) : NaN;
  if (!m || minute >= 24 * 60) throw new RangeError(`not a local date-time YYYY-MM-DDTHH:mm: ${local}`);
  dayNumber(m[1]);
  return { date: m[1], minute };
}

const joinLocal = (date: string, minute: number): string =>
  `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The local date-time at which `hours` working hours from `localDateTime` are used up; time outside the
 * working hours and on rest days does not run. With the default hours: Friday 2026-03-06T17:00 plus 1 →
 * Monday 2026-03-09T09:00 (half an hour on Friday, half on Monday); 11:30 plus 1 → 14:00 (over lunch);
 * a start before 08:30 or in the lunch break counts from the next period's start. An end that falls on a
 * period's end is that end (16:30 plus 1 → 17:30). hours = 0 gives the first working moment at or after
 * the start. A negative or fractional count is a RangeError.
 */
export function addWorkingHours(
  localDateTime: string,
  hours: number,
  wh: WorkingHours = DEFAULT_WORKING_HOURS,
): string {
  checkCount(hours, 'working hours');
  const ranges = minuteRanges(wh);
  let { date, minute } = splitLocal(localDateTime);
  let left = hours * 60;
  for (;;) {
    if (isWorkingDay(date)) {
      for (const [start, end] of ranges) {
        const from = Math.max(start, minute);
        if (from >= end) continue;
        if (left <= end - from) return joinLocal(date, from + left);
        left -= end - from;
      }
    }
    [date, minute] = [nextDate(date), 0];
  }
}

/** The working minutes of one date between minute `lo` (included) and `hi` (excluded). */
function minutesOn(date: string, lo: number, hi: number, ranges: [number, number][]): number {
  if (!isWorkingDay(date)) return 0;
  return ranges.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(end, hi) - Math.max(start, lo)), 0);
}

/**
 * The working minutes from `fromLocal` to `toLocal` (local 'YYYY-MM-DDTHH:mm'); negative when `toLocal`
 * is earlier. The inverse of addWorkingHours: Friday 2026-03-06T17:00 to Monday 2026-03-09T09:00 → 60.
 */
export function workingMinutesBetween(
  fromLocal: string,
  toLocal: string,
  wh: WorkingHours = DEFAULT_WORKING_HOURS,
): number {
  const ranges = minuteRanges(wh);
  const [from, to] = [splitLocal(fromLocal), splitLocal(toLocal)];
  if (joinLocal(to.date, to.minute) < joinLocal(from.date, from.minute))
    return -workingMinutesBetween(toLocal, fromLocal, wh);
  if (from.date === to.date) return minutesOn(from.date, from.minute, to.minute, ranges);
  let total = minutesOn(from.date, from.minute, 24 * 60, ranges);
  for (let date = nextDate(from.date); date < to.date; date = nextDate(date))
    total += minutesOn(date, 0, 24 * 60, ranges);
  return total + minutesOn(to.date, 0, to.minute, ranges);
}

/**
 * The county-local wall time 'YYYY-MM-DDTHH:mm' of an instant, seconds dropped:
 *   localDateTimeOf(new Date('2026-02-13T17:00:00Z'), 'Asia/Shanghai') → '2026-02-14T01:00'.
 */
export function localDateTimeOf(instant: Date, timeZone: string): string {
  return localDateTime(instant, timeZone).replace(' ', 'T');
}

/**
 * The instant of a county-local wall time, the inverse of localDateTimeOf:
 *   instantOfLocal('2026-02-14T01:00', 'Asia/Shanghai') → 2026-02-13T17:00:00.000Z.
 */
export function instantOfLocal(localDateTime: string, timeZone: string): Date {
  splitLocal(localDateTime);
  return instantAt(localDateTime.replace('T', ' '), timeZone);
}
