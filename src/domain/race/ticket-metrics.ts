/**
 * The race's ticket figures (DESIGN §3.5, §3.6), folded from the tickets' steps. Each step's event keeps
 * what the ticket became (state, handler, running deadlines, escalation), and events are never changed,
 * so a ticket as it stood at any instant is the fold of its events up to then: the live ranking and a
 * bulletin's figures as of its date come from the same fold.
 *
 * Per handling unit (before assignment, the enterprise's township), for a period (the year to its last day):
 * - `ticketClosureRate`: of the tickets whose close deadline fell in the period, the share answered (办结)
 *   by its end, in percent — null when none fell due;
 * - `ticketsOverdue`: tickets open at the period's end and past a running deadline then;
 * - `ticketSatisfaction`: of the ratings given in the period, the share 满意 or 基本满意 — null when none.
 */
import { CLOCK_KINDS, type TicketDues } from '../tickets/ticket-clocks.ts';
import { OPEN_TICKET_STATES, type TicketState } from '../tickets/ticket-flow.ts';

export const TICKET_METRICS = ['ticketClosureRate', 'ticketsOverdue', 'ticketSatisfaction'] as const;
export type TicketMetric = (typeof TICKET_METRICS)[number];
export const isTicketMetric = (metric: string): metric is TicketMetric =>
  (TICKET_METRICS as readonly string[]).includes(metric);

/** One step of a ticket as stored: when, and what the ticket became (`after`), with a rating when it rated. */
export interface TicketStepFact {
  at: string;
  after: { state: string; handlingUnitId: number | null; dues: TicketDues; escalated: boolean } | null;
  rating?: string | null;
}

export interface TicketAt {
  state: TicketState;
  handlingUnitId: number | null;
  dues: TicketDues;
  /** The latest close deadline the ticket had (an extension moves it; answering stops the clock, not the duty). */
  closeDue: string | null;
  rating: string | null;
  ratedAt: string | null;
}

/** A ticket as it stood at `asOf` from its steps (in the order taken); null when it did not exist yet. */
export function ticketAt(steps: readonly TicketStepFact[], asOf: string): TicketAt | null {
  let out = null as TicketAt | null;
  for (const s of steps) {
    if (s.at > asOf) break;
    if (!s.after) continue;
    const before = out;
    out = {
      state: s.after.state as TicketState,
      handlingUnitId: s.after.handlingUnitId,
      dues: s.after.dues,
      closeDue: s.after.dues.close ?? before?.closeDue ?? null,
      rating: s.rating ?? before?.rating ?? null,
      ratedAt: s.rating ? s.at : (before?.ratedAt ?? null),
    };
  }
  return out;
}

/** The period as instants: its first (the year's start) and last (the end of its last day), ISO strings. */
export interface PeriodInstants {
  from: string;
  to: string;
}

export interface TicketTally {
  due: number;
  closedOfDue: number;
  overdue: number;
  rated: number;
  satisfied: number;
}

export const EMPTY_TALLY: TicketTally = { due: 0, closedOfDue: 0, overdue: 0, rated: 0, satisfied: 0 };

/** What one ticket counts for in the period, each 0 or 1: the one rule of the tally and of the drill-through. */
export function ticketCounts(t: TicketAt, period: PeriodInstants): TicketTally {
  const counts = { ...EMPTY_TALLY };
  if (t.state === 'rejected') return counts;
  if (t.closeDue && t.closeDue >= period.from && t.closeDue <= period.to) {
    counts.due = 1;
    if (t.state === 'answered' || t.state === 'closed') counts.closedOfDue = 1;
  }
  const open = (OPEN_TICKET_STATES as readonly string[]).includes(t.state);
  if (open && CLOCK_KINDS.some((k) => t.dues[k] !== null && t.dues[k]! < period.to)) counts.overdue = 1;
  if (t.ratedAt && t.ratedAt >= period.from && t.ratedAt <= period.to) {
    counts.rated = 1;
    if (t.rating === 'satisfied' || t.rating === 'fair') counts.satisfied = 1;
  }
  return counts;
}

/** What one ticket adds to its unit's tally for the period. */
export function tallyTicket(t: TicketAt, period: PeriodInstants, into: TicketTally = { ...EMPTY_TALLY }): TicketTally {
  const c = ticketCounts(t, period);
  into.due += c.due;
  into.closedOfDue += c.closedOfDue;
  into.overdue += c.overdue;
  into.rated += c.rated;
  into.satisfied += c.satisfied;
  return into;
}

/**
 * The tickets a metric's figure is made of (the drill-through), and whether each counts in its numerator:
 * the closure rate's base is the tickets due in the period (counted: answered), the satisfaction's the
 * ratings given in it (counted: 满意 or 基本满意), the overdue count's the overdue tickets themselves.
 */
export function ticketRecordRole(metric: TicketMetric, c: TicketTally): { inBase: boolean; counted: boolean } {
  switch (metric) {
    case 'ticketClosureRate':
      return { inBase: c.due === 1, counted: c.closedOfDue === 1 };
    case 'ticketsOverdue':
      return { inBase: c.overdue === 1, counted: c.overdue === 1 };
    case 'ticketSatisfaction':
      return { inBase: c.rated === 1, counted: c.satisfied === 1 };
  }
}

/** A unit's figure of a ticket metric from its tally: percentages exact (the ranking rounds once), null without a base. */
export function ticketFigure(metric: TicketMetric, t: TicketTally): number | null {
  switch (metric) {
    case 'ticketClosureRate':
      return t.due ? (t.closedOfDue * 100) / t.due : null;
    case 'ticketsOverdue':
      return t.overdue;
    case 'ticketSatisfaction':
      return t.rated ? (t.satisfied * 100) / t.rated : null;
  }
}
