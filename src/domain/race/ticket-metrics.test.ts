import { describe, expect, it } from 'vitest';
import { NO_DUES } from '../tickets/ticket-clocks.ts';
import {
  EMPTY_TALLY,
  tallyTicket,
  ticketAt,
  ticketCounts,
  ticketFigure,
  ticketRecordRole,
  type TicketStepFact,
} from './ticket-metrics.ts';

// October 2026 as a race period: 2026-01-01 00:00 to 10-31 23:59:59.999 in Lanxi (UTC+8).
const october = { from: '2025-12-31T16:00:00.000Z', to: '2026-10-31T15:59:59.999Z' };
const after = (state: string, dues = NO_DUES, handlingUnitId: number | null = 7) => ({
  state,
  handlingUnitId,
  dues,
  escalated: false,
});
const closeBy = (close: string) => ({ ...NO_DUES, close });

/** Raised 10-09, assigned the same day (close due 10-13), answered 10-12, rated 满意 10-14. */
const ratedInTime: TicketStepFact[] = [
  { at: '2026-10-09T01:00:00Z', after: after('raised', { ...NO_DUES, accept: '2026-10-13T15:59:59.999Z' }, null) },
  { at: '2026-10-09T02:00:00Z', after: after('handling', closeBy('2026-10-13T15:59:59.999Z')) },
  { at: '2026-10-12T02:00:00Z', after: after('answered', { ...NO_DUES, revisit: '2026-10-15T15:59:59.999Z' }) },
  { at: '2026-10-14T02:00:00Z', after: after('closed'), rating: 'satisfied' },
];

describe('a ticket as it stood, folded from its steps', () => {
  it('keeps the last close deadline after the answer stopped the clock, and the rating with its time', () => {
    expect(ticketAt(ratedInTime, '2026-10-31T00:00:00Z')).toEqual({
      state: 'closed',
      handlingUnitId: 7,
      dues: NO_DUES,
      closeDue: '2026-10-13T15:59:59.999Z',
      rating: 'satisfied',
      ratedAt: '2026-10-14T02:00:00Z',
    });
  });

  it('stands where it stood at an earlier instant, and did not exist before it was raised', () => {
    expect(ticketAt(ratedInTime, '2026-10-10T00:00:00Z')).toMatchObject({ state: 'handling', rating: null });
    expect(ticketAt(ratedInTime, '2026-10-01T00:00:00Z')).toBeNull();
  });
});

describe("a unit's ticket figures for a period", () => {
  it('counts closure among those due, open ones past a deadline, and satisfaction among those rated', () => {
    const overdue = ticketAt(
      [{ at: '2026-10-20T02:00:00Z', after: after('handling', closeBy('2026-10-23T15:59:59.999Z')) }],
      october.to,
    )!;
    const dueInNovember = ticketAt(
      [{ at: '2026-10-29T02:00:00Z', after: after('handling', closeBy('2026-11-03T15:59:59.999Z')) }],
      october.to,
    )!;
    const unhappy = ticketAt(
      [
        { at: '2026-10-05T02:00:00Z', after: after('handling', closeBy('2026-10-12T15:59:59.999Z')) },
        { at: '2026-10-10T02:00:00Z', after: after('closed'), rating: 'unsatisfied' },
      ],
      october.to,
    )!;
    const rejected = ticketAt([{ at: '2026-10-05T02:00:00Z', after: after('rejected') }], october.to)!;
    const tally = [ticketAt(ratedInTime, october.to)!, overdue, dueInNovember, unhappy, rejected].reduce(
      (t, ticket) => tallyTicket(ticket, october, t),
      { ...EMPTY_TALLY },
    );
    // Due in October: the rated, the overdue and the unhappy one (not the one due in November, nor the rejected).
    expect(tally).toEqual({ due: 3, closedOfDue: 2, overdue: 1, rated: 2, satisfied: 1 });
    expect(ticketFigure('ticketClosureRate', tally)).toBeCloseTo(66.6667, 4);
    expect(ticketFigure('ticketsOverdue', tally)).toBe(1);
    expect(ticketFigure('ticketSatisfaction', tally)).toBe(50);

    // The drill-through lists the same tickets: each metric's base, with its numerator marked.
    const tickets = { ratedInTime: ticketAt(ratedInTime, october.to)!, overdue, dueInNovember, unhappy, rejected };
    const roles = (metric: Parameters<typeof ticketRecordRole>[0]) =>
      Object.entries(tickets).flatMap(([name, t]) => {
        const role = ticketRecordRole(metric, ticketCounts(t, october));
        return role.inBase ? [`${name}${role.counted ? '+' : ''}`] : [];
      });
    expect(roles('ticketClosureRate')).toEqual(['ratedInTime+', 'overdue', 'unhappy+']);
    expect(roles('ticketsOverdue')).toEqual(['overdue+']);
    expect(roles('ticketSatisfaction')).toEqual(['ratedInTime+', 'unhappy']);
  });

  it('has no rate without a base, while an overdue count of none is zero', () => {
    expect(ticketFigure('ticketClosureRate', EMPTY_TALLY)).toBeNull();
    expect(ticketFigure('ticketSatisfaction', EMPTY_TALLY)).toBeNull();
    expect(ticketFigure('ticketsOverdue', EMPTY_TALLY)).toBe(0);
  });
});
