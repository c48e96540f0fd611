import { describe, expect, it } from 'vitest';
import { SHIPPED_SLA_PROFILES } from './sla.ts';
import {
  duesAfter,
  escalationDue,
  extensionInTime,
  nextDue,
  NO_DUES,
  ticketLight,
  type TicketDues,
} from './ticket-clocks.ts';

// National Day 2026: off 10-01 … 10-07, Saturday 10-10 worked (and Sunday 09-20 before it). Shanghai is UTC+8.
const TZ = 'Asia/Shanghai';
const ctx = (now: string, profile: keyof typeof SHIPPED_SLA_PROFILES = '333') => ({
  now: new Date(now),
  profile: SHIPPED_SLA_PROFILES[profile],
  complexity: 'general' as const,
  timeZone: TZ,
});

describe('the clocks each step runs', () => {
  // Raised Wednesday 09-30 10:00 in Lanxi: the holiday skipped, 10-08, 10-09 and the worked Saturday 10-10.
  const raised = duesAfter({ kind: 'raise' }, NO_DUES, ctx('2026-09-30T02:00:00Z'));

  it('runs the accept clock from the raising', () => {
    expect(raised).toEqual({ ...NO_DUES, accept: '2026-10-10T15:59:59.999Z' });
  });

  it('starts the close clock at the first assignment and stops the accept clock', () => {
    // Assigned Friday 10-09: 10-10 (worked), 10-12, 10-13.
    const assigned = duesAfter({ kind: 'assign', first: true }, raised, ctx('2026-10-09T02:00:00Z'));
    expect(assigned).toEqual({ ...NO_DUES, close: '2026-10-13T15:59:59.999Z' });
    // Passed to another unit on Monday: the close clock stands.
    expect(duesAfter({ kind: 'assign', first: false }, assigned, ctx('2026-10-12T02:00:00Z'))).toEqual(assigned);
  });

  it('owes an interim reply where the profile says, and a reply stops that clock', () => {
    // "Rapid": interim 3, close 5 working days from Friday 10-09.
    const assigned = duesAfter({ kind: 'assign', first: true }, raised, ctx('2026-10-09T02:00:00Z', 'rapid'));
    expect(assigned).toEqual({
      ...NO_DUES,
      interim: '2026-10-13T15:59:59.999Z',
      close: '2026-10-15T15:59:59.999Z',
    });
    expect(duesAfter({ kind: 'reply' }, assigned, ctx('2026-10-12T02:00:00Z', 'rapid'))).toEqual({
      ...assigned,
      interim: null,
    });
  });

  it('counts an accept limit in working hours to the minute, from the next morning after closing time', () => {
    // Friday 10-09 17:30 is closing time: the hour runs 08:30–09:30 on the worked Saturday.
    expect(duesAfter({ kind: 'raise' }, NO_DUES, ctx('2026-10-09T09:30:00Z', 'rapid')).accept).toBe(
      '2026-10-10T01:30:00.000Z',
    );
  });

  it('answers into the revisit clock, reopens into a full close clock, closes into none', () => {
    const answered = duesAfter({ kind: 'answer' }, raised, ctx('2026-10-12T02:00:00Z'));
    expect(answered).toEqual({ ...NO_DUES, revisit: '2026-10-15T15:59:59.999Z' });
    expect(duesAfter({ kind: 'reopen' }, answered, ctx('2026-10-13T02:00:00Z'))).toEqual({
      ...NO_DUES,
      close: '2026-10-16T15:59:59.999Z',
    });
    expect(duesAfter({ kind: 'close' }, answered, ctx('2026-10-13T02:00:00Z'))).toEqual(NO_DUES);
  });

  it('extends the close clock once by a close limit from where it stood', () => {
    const dues: TicketDues = { ...NO_DUES, close: '2026-10-13T15:59:59.999Z' };
    // 10-14, 10-15, 10-16.
    expect(duesAfter({ kind: 'extend' }, dues, ctx('2026-10-12T02:00:00Z')).close).toBe('2026-10-16T15:59:59.999Z');
  });
});

describe('a ticket light and an extension in time', () => {
  const dues: TicketDues = { ...NO_DUES, interim: '2026-10-16T15:59:59.999Z', close: '2026-10-13T15:59:59.999Z' };

  it.each<[string, string, boolean, string, number]>([
    ['on the last day', '2026-10-13T09:00:00Z', false, 'green', 0],
    ['the next morning', '2026-10-14T01:00:00Z', false, 'yellow', 1],
    // 10-14, 10-15, 10-16, 10-19, 10-20: five working days past is still yellow; the sixth is red.
    ['five working days past', '2026-10-20T02:00:00Z', false, 'yellow', 5],
    ['six working days past', '2026-10-21T02:00:00Z', false, 'red', 6],
    ['escalated, still in time', '2026-10-12T02:00:00Z', true, 'red', 0],
  ])('%s', (_, now, escalated, colour, over) => {
    const light = ticketLight(dues, escalated, new Date(now), TZ);
    expect(light).toEqual({
      colour,
      nextDueAt: '2026-10-13T15:59:59.999Z',
      dueDate: '2026-10-13',
      overdueWorkingDays: over,
    });
  });

  it('has no light facts when no clock runs', () => {
    expect(ticketLight(NO_DUES, false, new Date('2026-10-20T02:00:00Z'), TZ)).toEqual({
      colour: 'green',
      nextDueAt: null,
      dueDate: null,
      overdueWorkingDays: 0,
    });
    expect(nextDue(NO_DUES)).toBeNull();
  });

  it('takes an extension asked up to the deadline, and refuses one asked after it', () => {
    expect(extensionInTime(dues, new Date('2026-10-13T15:59:59.999Z'))).toBe(true);
    expect(extensionInTime(dues, new Date('2026-10-13T16:00:00.000Z'))).toBe(false);
    expect(extensionInTime(NO_DUES, new Date('2026-10-01T00:00:00Z'))).toBe(false);
  });
});

describe('which run-out clocks escalate', () => {
  const now = '2026-11-12T02:00:00.000Z';
  const past = '2026-11-11T09:00:00.000Z';
  const ahead = '2026-11-13T09:00:00.000Z';
  it.each([
    ['the accept clock run out', { ...NO_DUES, accept: past }, true],
    ['the close clock run out', { ...NO_DUES, close: past, interim: ahead }, true],
    ['only the interim reply late', { ...NO_DUES, interim: past, close: ahead }, false],
    ['only the revisit late (the office’s own, after the answer)', { ...NO_DUES, revisit: past }, false],
    ['the close clock not yet run out', { ...NO_DUES, close: ahead }, false],
    ['the close clock running out at this very instant', { ...NO_DUES, close: now }, false],
    ['no clock running', NO_DUES, false],
  ] as const)('%s', (_, dues, escalates) => {
    expect(escalationDue(dues, now)).toBe(escalates);
  });
});
