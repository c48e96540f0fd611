import { localDate } from '../domain/calendar/local-date.ts';

/** Time comes from an injected clock so that deadlines, cutoffs and expiries are testable. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** The county's local date 'YYYY-MM-DD' now: the only "today" of the domain (DESIGN §3.12a). */
export type Today = () => string;

/** Today in the county's time zone, read from the injected clock on every call. */
export function countyToday(clock: Clock, timeZone: string): Today {
  return () => localDate(clock(), timeZone);
}
