import { describe, expect, it } from 'vitest';
import { endOfLocalDay, instantAt, isTimeZone, localDate, localDateTime } from './local-date.ts';

describe('localDate', () => {
  it.each([
    ['2026-11-30T15:59:00Z', 'Asia/Shanghai', '2026-11-30'], // 23:59 Beijing
    ['2026-11-30T16:01:00Z', 'Asia/Shanghai', '2026-12-01'], // 00:01 Beijing: already the next day
    ['2026-12-31T16:30:00Z', 'Asia/Shanghai', '2027-01-01'], // a new year starts 8 hours before UTC's
    ['2026-11-30T16:01:00Z', 'UTC', '2026-11-30'],
    ['2026-03-08T07:30:00Z', 'America/New_York', '2026-03-08'], // the day of a DST change
  ])('%s in %s is %s', (iso, tz, date) => {
    expect(localDate(new Date(iso), tz)).toBe(date);
  });

  it('gives the wall-clock time', () => {
    expect(localDateTime(new Date('2026-11-30T16:01:00Z'), 'Asia/Shanghai')).toBe('2026-12-01 00:01');
  });

  it('finds the last instant of a local day', () => {
    expect(endOfLocalDay('2026-10-31', 'Asia/Shanghai')).toBe('2026-10-31T15:59:59.999Z');
    expect(endOfLocalDay('2026-10-31', 'UTC')).toBe('2026-10-31T23:59:59.999Z');
    expect(localDate(new Date(endOfLocalDay('2026-02-28', 'Asia/Shanghai')), 'Asia/Shanghai')).toBe('2026-02-28');
    expect(localDate(new Date(Date.parse(endOfLocalDay('2026-02-28', 'Asia/Shanghai')) + 1), 'Asia/Shanghai')).toBe(
      '2026-03-01',
    );
  });

  it.each([
    ['2026-11-24 01:30', 'Asia/Shanghai', '2026-11-23T17:30:00.000Z'],
    ['2027-01-01 00:00', 'Asia/Shanghai', '2026-12-31T16:00:00.000Z'],
    ['2026-07-01 09:00', 'America/New_York', '2026-07-01T13:00:00.000Z'], // summer time, UTC−4
    ['2026-12-01 09:00', 'America/New_York', '2026-12-01T14:00:00.000Z'],
  ])('finds the instant of %s in %s: %s, and back', (local, tz, iso) => {
    expect(instantAt(local, tz).toISOString()).toBe(iso);
    expect(localDateTime(instantAt(local, tz), tz)).toBe(local);
  });

  it('knows real zones from made-up ones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
