/**
 * "As of" (截至): the instant a figure is computed at (DESIGN §3.12a). People pick a local date and
 * mean the end of that day in the county; integrations may pass an exact ISO timestamp.
 */
import { endOfLocalDay, localDate } from './local-date.ts';

export type AsOfError = 'FORMAT' | 'FUTURE' | 'BEFORE_SETUP';

export class AsOfInputError extends Error {
  constructor(readonly code: AsOfError) {
    super(`invalid as-of: ${code}`);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant (ISO UTC) of an as-of input: '2026-10-31' → the end of that local day; an ISO
 * timestamp as given. Refused: anything else, a day after today, an instant in the future, and a
 * moment before the county was set up (no figures existed).
 *   parseAsOf('2026-10-31', { now, setupAt: '2026-01-05T02:00:00Z', timeZone: 'Asia/Shanghai' }) → '2026-10-31T15:59:59.999Z'
 */
export function parseAsOf(input: string, ctx: { now: Date; setupAt: string | null; timeZone: string }): string {
  let instant: string;
  if (DATE.test(input)) {
    const t = Date.parse(`${input}T00:00:00Z`);
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== input) throw new AsOfInputError('FORMAT');
    if (input > localDate(ctx.now, ctx.timeZone)) throw new AsOfInputError('FUTURE');
    // Today's end lies ahead: as of today means as of now.
    instant = input === localDate(ctx.now, ctx.timeZone) ? ctx.now.toISOString() : endOfLocalDay(input, ctx.timeZone);
  } else if (INSTANT.test(input) && !Number.isNaN(Date.parse(input))) {
    instant = new Date(Date.parse(input)).toISOString();
    if (instant > ctx.now.toISOString()) throw new AsOfInputError('FUTURE');
  } else {
    throw new AsOfInputError('FORMAT');
  }
  if (ctx.setupAt && instant < ctx.setupAt) throw new AsOfInputError('BEFORE_SETUP');
  return instant;
}
