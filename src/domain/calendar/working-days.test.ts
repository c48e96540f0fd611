import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  calendarCovers,
  instantOfLocal,
  isWorkingDay,
  localDateTimeOf,
  workingDaysBetween,
  workingMinutesBetween,
  type WorkingHours,
} from './working-days.ts';

// The real calendars used below, as the State Council published them (and chinese-days 1.5.7 has them):
// 2026 Spring Festival: off Sunday 02-15 … Monday 02-23; Saturdays 02-14 and 02-28 worked.
// 2025 National Day and Mid-Autumn: off Wednesday 10-01 … Wednesday 10-08; Sunday 09-28 and Saturday
// 10-11 worked. 2026-03-06 is an ordinary Friday, 2026-03-09 the Monday after.

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true], // Friday before the Spring Festival
    ['2026-02-14', true], // Saturday, worked (调休上班)
    ['2026-02-15', false], // Sunday, first day of the holiday
    ['2026-02-16', false], // Monday, in the holiday
    ['2026-02-23', false], // Monday, last day of the holiday
    ['2026-02-24', true], // Tuesday, back to work
    ['2026-02-28', true], // Saturday, worked
    ['2026-03-01', false], // an ordinary Sunday
    ['2025-09-28', true], // Sunday, worked before National Day
    ['2025-10-01', false],
    ['2025-10-08', false], // Wednesday, the eighth day off
    ['2025-10-09', true],
    ['2025-10-11', true], // Saturday, worked
    ['2026-01-01', false], // New Year's Day, a Thursday
    ['2027-01-01', true], // a Friday: 2027's holidays are not published yet, weekends only
    ['2027-01-02', false], // a Saturday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  // The package's own isWorkday is right only in a process at or east of UTC (it reads a date string
  // as UTC midnight and back in local time), so the cross-check runs there: every day of the covered years.
  it.runIf(new Date(2026, 0, 1).getTimezoneOffset() <= 0)('agrees with chinese-days on every day of 2004–2027', () => {
    for (let ms = Date.UTC(2004, 0, 1); ms <= Date.UTC(2027, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      expect([date, isWorkingDay(date)]).toEqual([date, chineseDays.isWorkday(date)]);
    }
  });

  it.each(['2026-02-30', '2026-2-3', '2026-02-03T09:00', ''])('refuses %j', (date) => {
    expect(() => isWorkingDay(date)).toThrow(RangeError);
  });
});

describe('calendarCovers', () => {
  it.each([
    [2003, false], // before the package's table
    [2004, true],
    [2025, true],
    [2026, true],
    [2027, false], // not yet published in 1.5.7: working days fall back to Monday–Friday
  ])('%i → %s', (year, expected) => {
    expect(calendarCovers(year)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // "Accept within 3 working days" of a ticket raised on the Friday before the Spring Festival:
    // Saturday 02-14 is worked (1), the holiday runs to 02-23, then 02-24 (2) and 02-25 (3).
    ['2026-02-13', 3, '2026-02-25'],
    ['2026-02-14', 1, '2026-02-24'], // from the worked Saturday, the next working day is after the holiday
    ['2026-02-26', 2, '2026-02-28'], // 02-27 (1), then the worked Saturday 02-28 (2)
    ['2026-02-27', 3, '2026-03-03'], // 02-28 (1), 03-02 (2), 03-03 (3): Sunday 03-01 is off
    ['2026-02-12', 10, '2026-03-04'], // 02-13, 02-14, 02-24 … 02-28, 03-02, 03-03, 03-04
    ['2025-09-26', 1, '2025-09-28'], // Friday → the worked Sunday, Saturday 09-27 being off
    ['2025-09-30', 1, '2025-10-09'], // the eight days off do not count
    ['2025-09-30', 3, '2025-10-11'], // 10-09, 10-10, then the worked Saturday 10-11
    // n = 0 is "the same working day": the date itself when worked, otherwise the next working day.
    ['2026-02-13', 0, '2026-02-13'],
    ['2026-02-14', 0, '2026-02-14'],
    ['2026-02-15', 0, '2026-02-24'],
    ['2026-03-01', 0, '2026-03-02'],
  ])('%s + %i working days → %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses n = %d with a RangeError', (n) => {
    expect(() => addWorkingDays('2026-02-13', n)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    // Due 02-25, seen on 03-02: 02-26, 02-27, the worked Saturday 02-28, 03-02 → "已超期 4 个工作日".
    ['2026-02-25', '2026-03-02', 4],
    ['2026-03-02', '2026-02-25', -4], // the other way round: 4 working days left
    ['2026-02-13', '2026-02-23', 1], // only the worked Saturday 02-14
    ['2026-02-14', '2026-02-23', 0], // the whole holiday
    ['2025-09-26', '2025-10-12', 6], // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11
    ['2025-09-30', '2025-10-08', 0], // National Day's eight days off
    ['2026-02-13', '2026-02-13', 0],
  ])('%s → %s: %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it('undoes addWorkingDays', () => {
    for (const date of ['2026-02-13', '2026-02-15', '2025-09-26', '2025-10-05', '2026-12-30'])
      for (const n of [1, 3, 5, 10, 25]) expect(workingDaysBetween(date, addWorkingDays(date, n))).toBe(n);
  });
});

const NINE_TO_FIVE: WorkingHours = { periods: [{ start: '09:00', end: '17:00' }] };

describe('addWorkingHours', () => {
  it.each([
    ['2026-03-06T17:00', 1, '2026-03-09T09:00'], // half an hour on Friday, half on Monday
    ['2026-03-09T11:30', 1, '2026-03-09T14:00'], // half an hour before lunch, half after 13:30
    ['2026-03-09T07:00', 1, '2026-03-09T09:30'], // before hours: counts from 08:30
    ['2026-03-09T12:30', 1, '2026-03-09T14:30'], // in the lunch break: counts from 13:30
    ['2026-03-09T18:00', 1, '2026-03-10T09:30'], // after hours: counts from the next morning
    ['2026-03-09T16:30', 1, '2026-03-09T17:30'], // ends exactly at closing time, not the next morning
    ['2026-03-09T08:30', 8, '2026-03-10T09:00'], // a full day is 7½ hours
    ['2026-02-13T17:00', 1, '2026-02-14T09:00'], // Friday → the worked Saturday before the Spring Festival
    ['2026-02-14T17:00', 1, '2026-02-24T09:00'], // the worked Saturday → the first day after the holiday
    // hours = 0: the first working moment at or after the start.
    ['2026-03-09T10:15', 0, '2026-03-09T10:15'],
    ['2026-03-09T12:00', 0, '2026-03-09T13:30'],
    ['2026-03-07T10:00', 0, '2026-03-09T08:30'], // a Saturday
  ])('%s + %i working hours → %s', (start, hours, expected) => {
    expect(addWorkingHours(start, hours)).toBe(expected);
  });

  it('takes other working hours', () => {
    expect(addWorkingHours('2026-03-06T16:00', 2, NINE_TO_FIVE)).toBe('2026-03-09T10:00');
  });

  it.each([-1, 0.5, Number.NaN])('refuses %d hours with a RangeError', (hours) => {
    expect(() => addWorkingHours('2026-03-09T09:00', hours)).toThrow(RangeError);
  });

  it.each(['2026-03-09 09:00', '2026-03-09T24:00', '2026-03-09T9:00', '2026-02-30T09:00'])('refuses %j', (start) => {
    expect(() => addWorkingHours(start, 1)).toThrow(RangeError);
  });

  it.each([
    ['no period', { periods: [] }],
    ['an inverted period', { periods: [{ start: '12:00', end: '08:30' }] }],
    ['overlapping periods', { periods: [...NINE_TO_FIVE.periods, { start: '16:00', end: '18:00' }] }],
    ['a bad time', { periods: [{ start: '08:60', end: '12:00' }] }],
  ])('refuses working hours with %s', (_, wh) => {
    expect(() => addWorkingHours('2026-03-09T09:00', 1, wh)).toThrow(RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['2026-03-09T11:00', '2026-03-09T14:00', 90], // 11:00–12:00 and 13:30–14:00
    ['2026-03-09T14:00', '2026-03-09T11:00', -90],
    ['2026-03-06T17:00', '2026-03-09T09:00', 60], // across the weekend
    ['2026-02-14T17:00', '2026-02-24T09:00', 60], // across the Spring Festival
    ['2026-03-09T12:10', '2026-03-09T13:20', 0], // inside the lunch break
    ['2026-03-09T08:30', '2026-03-10T08:30', 450], // one full working day
  ])('%s → %s: %i minutes', (from, to, expected) => {
    expect(workingMinutesBetween(from, to)).toBe(expected);
  });

  it('undoes addWorkingHours', () => {
    for (const start of ['2026-02-13T16:45', '2026-03-06T12:15', '2026-03-07T10:00', '2025-09-30T17:29'])
      for (const hours of [0, 1, 3, 8, 24]) {
        expect(workingMinutesBetween(start, addWorkingHours(start, hours))).toBe(hours * 60);
        expect(workingMinutesBetween(start, addWorkingHours(start, hours, NINE_TO_FIVE), NINE_TO_FIVE)).toBe(
          hours * 60,
        );
      }
  });
});

describe('local date-times and instants', () => {
  it.each([
    ['2026-02-13T17:00:00Z', 'Asia/Shanghai', '2026-02-14T01:00'], // already Saturday in Beijing
    ['2026-02-13T15:59:59Z', 'Asia/Shanghai', '2026-02-13T23:59'], // seconds dropped
    ['2026-02-13T17:00:00Z', 'UTC', '2026-02-13T17:00'],
  ])('%s in %s is %s', (iso, tz, local) => {
    expect(localDateTimeOf(new Date(iso), tz)).toBe(local);
  });

  it('turns a local wall time back into its instant', () => {
    expect(instantOfLocal('2026-02-14T01:00', 'Asia/Shanghai').toISOString()).toBe('2026-02-13T17:00:00.000Z');
    expect(instantOfLocal('2026-02-24T09:00', 'Asia/Shanghai').toISOString()).toBe('2026-02-24T01:00:00.000Z');
    expect(() => instantOfLocal('2026-02-24 09:00', 'Asia/Shanghai')).toThrow(RangeError);
  });
});
