/**
 * Which of a ticket's clocks run after each step, and until when (DESIGN §3.6). The service stores the
 * deadlines as instants when a step is taken, so a list never consults the calendar:
 *
 *   raised    the accept clock runs from the raising (受理 includes dispatching: it stops at assignment);
 *   assigned  the interim clock (when the profile owes one) and the close clock run from the first
 *             assignment — a reassignment keeps them, so passing a ticket on never buys time;
 *   reply     stops the interim clock;
 *   answered  stops the close clock and starts the revisit clock (回访, the office's);
 *   rated     closes the ticket: no clock runs;
 *   reopened  the close clock runs again, in full, from the reopening;
 *   extension granted: the close clock gains one more close limit from where it stood.
 */
import { localDate } from '../calendar/local-date.ts';
import { clockState, deadlineAt, ticketClockColour, type TicketClockColour } from './clock.ts';
import type { Complexity, SlaProfile } from './sla.ts';

export const CLOCK_KINDS = ['accept', 'interim', 'close', 'revisit'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** The running deadlines of a ticket, as instants (ISO strings); null when that clock does not run. */
export type TicketDues = Record<ClockKind, string | null>;

export const NO_DUES: TicketDues = { accept: null, interim: null, close: null, revisit: null };

export type ClockEvent =
  | { kind: 'raise' }
  | { kind: 'assign'; first: boolean }
  | { kind: 'reply' }
  | { kind: 'answer' }
  | { kind: 'reopen' }
  | { kind: 'extend' }
  | { kind: 'close' };

/** The deadlines after `event` at `now`, from those before. */
export function duesAfter(
  event: ClockEvent,
  before: TicketDues,
  ctx: { now: Date; profile: SlaProfile; complexity: Complexity; timeZone: string },
): TicketDues {
  const at = (start: Date, limit: Parameters<typeof deadlineAt>[1]) =>
    deadlineAt(start, limit, ctx.timeZone).toISOString();
  const close = ctx.profile.close[ctx.complexity];
  switch (event.kind) {
    case 'raise':
      return { ...NO_DUES, accept: at(ctx.now, ctx.profile.accept) };
    case 'assign':
      if (!event.first) return { ...before, accept: null };
      return {
        accept: null,
        interim: ctx.profile.interim ? at(ctx.now, ctx.profile.interim) : null,
        close: at(ctx.now, close),
        revisit: null,
      };
    case 'reply':
      return { ...before, interim: null };
    case 'answer':
      return { ...NO_DUES, revisit: at(ctx.now, ctx.profile.revisit) };
    case 'reopen':
      return { ...NO_DUES, close: at(ctx.now, close) };
    case 'extend':
      return before.close ? { ...before, close: at(new Date(before.close), close) } : before;
    case 'close':
      return NO_DUES;
  }
}

/** The earliest running deadline, or null when none runs. */
export function nextDue(dues: TicketDues): string | null {
  const running = CLOCK_KINDS.map((k) => dues[k]).filter((d): d is string => d !== null);
  return running.length ? running.reduce((a, b) => (a < b ? a : b)) : null;
}

export interface TicketLight {
  colour: TicketClockColour;
  /** The earliest running deadline and its county-local date (the lights' ticket deadline). */
  nextDueAt: string | null;
  dueDate: string | null;
  /** Working days past the earliest deadline; 0 when not past. */
  overdueWorkingDays: number;
}

/** A ticket's light at `now`: its colour from every running clock, and the facts the project lights read. */
export function ticketLight(dues: TicketDues, escalated: boolean, now: Date, timeZone: string): TicketLight {
  const deadlines = CLOCK_KINDS.map((k) => dues[k]).filter((d): d is string => d !== null);
  const next = nextDue(dues);
  return {
    colour: ticketClockColour({ deadlines: deadlines.map((d) => new Date(d)), escalated, now, timeZone }),
    nextDueAt: next,
    dueDate: next ? localDate(new Date(next), timeZone) : null,
    overdueWorkingDays: next ? clockState(new Date(next), now, timeZone).workingDaysOver : 0,
  };
}

/**
 * The clocks whose running out escalates a ticket to the unit above (升级督办): accepting it (the office's,
 * or its township's before assignment) and closing it (the handling unit's). A late interim reply or a late
 * revisit turns the light yellow, then red, but does not escalate: the revisit is the office's own after the
 * handler has answered, and the interim reply only a milestone on the way to the close.
 */
export const ESCALATING_CLOCKS: readonly ClockKind[] = ['accept', 'close'];

/** Whether an escalating clock of the ticket has run out at `now` (ISO instant). */
export const escalationDue = (dues: TicketDues, now: string): boolean =>
  ESCALATING_CLOCKS.some((k) => dues[k] !== null && dues[k]! < now);

/** Whether an extension asked at `now` is in time: before the close clock runs out. */
export const extensionInTime = (dues: TicketDues, now: Date): boolean =>
  dues.close !== null && now.getTime() <= Date.parse(dues.close);
