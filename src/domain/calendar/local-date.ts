/**
 * The county's own calendar (DESIGN §3.12a): every domain date — deadlines, lateness, day counts, the
 * assessed month, cutoffs, file names — is the local date in the county's time zone (default
 * Asia/Shanghai) at an instant of the injected clock, never the UTC date of the server.
 */

/** The time zone a county runs on when none is configured. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone ('Asia/Shanghai' yes, 'Mars/Base' no). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function parts(at: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
}

/**
 * The local dates already asked for, by zone and instant: the daily cutoff asks for `now`'s and for the
 * same deadlines (most end at the end of a local day) hundreds of thousands of times, and each answer from
 * Intl takes microseconds. An instant's local date never changes, so a remembered one is always right;
 * the memory is emptied when it grows past REMEMBERED_DATES instants.
 */
const datesByZone = new Map<string, Map<number, string>>();
const REMEMBERED_DATES = 50_000;

/**
 * The local calendar date 'YYYY-MM-DD' at an instant:
 *   localDate(new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai') → '2026-12-01' (00:30 Beijing time).
 */
export function localDate(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const ms = at.getTime();
  const remembered = datesByZone.get(timeZone)?.get(ms);
  if (remembered !== undefined) return remembered;
  const p = parts(at, timeZone);
  const date = `${p.year}-${p.month}-${p.day}`;
  let dates = datesByZone.get(timeZone);
  if (!dates) datesByZone.set(timeZone, (dates = new Map()));
  else if (dates.size >= REMEMBERED_DATES) dates.clear();
  dates.set(ms, date);
  return date;
}

/** The local wall-clock time 'YYYY-MM-DD HH:mm' at an instant, as a person in the county reads it. */
export function localDateTime(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * The instant a local date ends (its last millisecond, as an ISO UTC string), for "as of the end of
 * that day": endOfLocalDay('2026-10-31', 'Asia/Shanghai') → '2026-10-31T15:59:59.999Z'.
 */
export function endOfLocalDay(date: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // The zone's offset at that day's noon (no zone changes its offset around noon), applied to 24:00.
  const noonUtc = Date.UTC(y, m - 1, d, 12);
  const p = parts(new Date(noonUtc), timeZone);
  const localNoonAsUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  const offset = localNoonAsUtc - noonUtc;
  return new Date(Date.UTC(y, m - 1, d + 1) - offset - 1).toISOString();
}

/**
 * The instant of a local wall-clock time 'YYYY-MM-DD HH:mm' in the zone, the inverse of localDateTime:
 *   instantAt('2026-11-24 01:30', 'Asia/Shanghai') → 2026-11-23T17:30:00.000Z.
 */
export function instantAt(local: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const [y, mo, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [h, mi] = local.slice(11, 16).split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const p = parts(new Date(guess), timeZone);
  const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return new Date(guess - (shown - guess));
}

/** Whether the month `year`-`month` begins after the month of the local date `today` (YYYY-MM-DD). */
export function isAfterMonthOf(year: number, month: number, today: string): boolean {
  return year * 12 + month > Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7));
}
