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

/**
 * A clock that is moved by hand, only forwards: the demo replays a county's year through the real
 * services, each step at the moment it happened.
 */
export function travelClock(start: Date): { clock: Clock; moveTo(at: Date): void } {
  let now = start.getTime();
  return {
    clock: () => new Date(now),
    moveTo(at: Date) {
      if (at.getTime() < now)
        throw new RangeError(
          `the travel clock only moves forwards: ${at.toISOString()} is before ${new Date(now).toISOString()}`,
        );
      now = at.getTime();
    },
  };
}
