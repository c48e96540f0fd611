import { describe, expect, it } from 'vitest';
import { clockState, deadlineAt, RED_AFTER_WORKING_DAYS, ticketClockColour } from './clock.ts';
import { SHIPPED_SLA_PROFILES, type Limit } from './sla.ts';

// Shanghai is UTC+8 all year. The 2026 Spring Festival: off 02-15 … 02-23, Saturdays 02-14 and 02-28
// worked. National Day 2025: off 10-01 … 10-08, Sunday 09-28 and Saturday 10-11 worked.
const TZ = 'Asia/Shanghai';
const days = (amount: number): Limit => ({ amount, unit: 'workingDays' });
const hours = (amount: number): Limit => ({ amount, unit: 'workingHours' });
const at = (iso: string) => new Date(iso);

describe('deadlineAt', () => {
  it.each<[string, string, Limit, string]>([
    // Friday 09:00 Beijing: 02-14 (1), 02-24 (2), 02-25 (3); the end of 02-25 in Shanghai.
    ['a Friday before the Spring Festival', '2026-02-13T01:00:00Z', days(3), '2026-02-25T15:59:59.999Z'],
    // Friday 23:59 Beijing: still Friday, the same deadline.
    ['the last minute of that Friday', '2026-02-13T15:59:00Z', days(3), '2026-02-25T15:59:59.999Z'],
    // 17:00 UTC is already Saturday 02-14 01:00 in Beijing: counted from the Saturday, a day later.
    ['the UTC evening that is Saturday in Shanghai', '2026-02-13T17:00:00Z', days(3), '2026-02-26T15:59:59.999Z'],
    // "Standard", complex: 25 working days from that Friday, through the holiday and the worked 02-28.
    ['a complex ticket', '2026-02-13T01:00:00Z', days(25), '2026-03-26T15:59:59.999Z'],
    // Tuesday 09-30: the eight days off skipped, 10-09, 10-10 and the worked Saturday 10-11.
    ['the eve of National Day', '2025-09-30T02:00:00Z', days(3), '2025-10-11T15:59:59.999Z'],
    // Friday 17:00 Beijing + 1 working hour: half an hour that day, half on the worked Saturday.
    ['Friday 17:00 before the holiday', '2026-02-13T09:00:00Z', hours(1), '2026-02-14T01:00:00.000Z'],
    // The worked Saturday 17:00 + 1: the rest falls on 02-24, 09:00 Beijing.
    ['the worked Saturday 17:00', '2026-02-14T09:00:00Z', hours(1), '2026-02-24T01:00:00.000Z'],
    // An ordinary Friday 17:00 → Monday 09:00.
    ['an ordinary Friday 17:00', '2026-03-06T09:00:00Z', hours(1), '2026-03-09T01:00:00.000Z'],
    // Monday 11:30 + 1: over the lunch break to 14:00.
    ['before lunch', '2026-03-09T03:30:00Z', hours(1), '2026-03-09T06:00:00.000Z'],
    // Monday 02:00 Beijing (18:00 UTC on Sunday): counted from 08:30, so 09:30.
    ['at night', '2026-03-08T18:00:00Z', hours(1), '2026-03-09T01:30:00.000Z'],
  ])('from %s (%s), %j ends at %s', (_, start, limit, expected) => {
    expect(deadlineAt(at(start), limit, TZ).toISOString()).toBe(expected);
  });

  it('runs the limits of a shipped profile', () => {
    const raised = at('2026-02-13T01:00:00Z');
    expect(deadlineAt(raised, SHIPPED_SLA_PROFILES['333'].accept, TZ).toISOString()).toBe('2026-02-25T15:59:59.999Z');
    expect(deadlineAt(raised, SHIPPED_SLA_PROFILES.rapid.accept, TZ).toISOString()).toBe('2026-02-13T02:00:00.000Z');
  });

  it('takes other working hours', () => {
    const nineToFive = { periods: [{ start: '09:00', end: '17:00' }] };
    // Friday 16:00 Beijing + 2: one hour on Friday, one on Monday from 09:00.
    expect(deadlineAt(at('2026-03-06T08:00:00Z'), hours(2), TZ, nineToFive).toISOString()).toBe(
      '2026-03-09T02:00:00.000Z',
    );
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => deadlineAt(at('2026-02-13T01:00:00Z'), days(-1), TZ)).toThrow(RangeError);
    expect(() => deadlineAt(at('2026-02-13T01:00:00Z'), hours(1.5), TZ)).toThrow(RangeError);
  });
});

describe('clockState', () => {
  const due = at('2026-02-25T15:59:59.999Z'); // the end of Wednesday 02-25 in Shanghai

  it.each<[string, string, boolean, number, number, string, string]>([
    // Friday 02-13: 02-14, 02-24 and 02-25 remain.
    ['2026-02-13T02:00:00Z', 'three working days ahead', false, 3, 0, '还剩 3 个工作日', 'Due in 3 working days'],
    // In the holiday: 02-24 and 02-25 remain.
    ['2026-02-18T04:00:00Z', 'in the holiday', false, 2, 0, '还剩 2 个工作日', 'Due in 2 working days'],
    ['2026-02-24T04:00:00Z', 'the day before', false, 1, 0, '还剩 1 个工作日', 'Due in 1 working day'],
    ['2026-02-25T15:59:59.999Z', 'its very last instant', false, 0, 0, '今天到期', 'Due today'],
    // Midnight in Beijing: 02-26 has begun, one working day over.
    ['2026-02-25T16:00:00Z', 'the next midnight', true, 0, 1, '已超期 1 个工作日', '1 working day overdue'],
    // The worked Saturday 02-28: 02-26, 02-27, 02-28.
    ['2026-02-28T02:00:00Z', 'the worked Saturday', true, 0, 3, '已超期 3 个工作日', '3 working days overdue'],
    ['2026-03-01T02:00:00Z', 'the Sunday after', true, 0, 3, '已超期 3 个工作日', '3 working days overdue'],
  ])('at %s (%s)', (now, _, overdue, left, over, zh, en) => {
    expect(clockState(due, at(now), TZ)).toEqual({
      overdue,
      workingDaysLeft: left,
      workingDaysOver: over,
      text: { 'zh-CN': zh, en },
    });
  });

  it('counts the county day, not the UTC day', () => {
    const friday = at('2026-02-13T15:59:59.999Z'); // the end of Friday 02-13 in Shanghai
    // 23:00 Beijing on Friday.
    expect(clockState(friday, at('2026-02-13T15:00:00Z'), TZ).text.en).toBe('Due today');
    // 17:00 UTC, still 02-13 in UTC, is 01:00 on the worked Saturday 02-14 in Beijing.
    expect(clockState(friday, at('2026-02-13T17:00:00Z'), TZ).text).toEqual({
      'zh-CN': '已超期 1 个工作日',
      en: '1 working day overdue',
    });
  });

  it('is overdue by no working day when only rest days have passed', () => {
    const saturday = at('2026-02-14T15:59:59.999Z'); // the end of the worked Saturday 02-14
    const state = clockState(saturday, at('2026-02-18T04:00:00Z'), TZ); // in the holiday
    expect(state).toMatchObject({ overdue: true, workingDaysOver: 0, text: { 'zh-CN': '已超期', en: 'Overdue' } });
  });

  it('reads a working-hours deadline later today as due today, and past it as overdue', () => {
    const twoPm = at('2026-03-09T06:00:00Z'); // Monday 14:00 Beijing
    expect(clockState(twoPm, at('2026-03-09T02:00:00Z'), TZ).text['zh-CN']).toBe('今天到期');
    expect(clockState(twoPm, at('2026-03-09T07:00:00Z'), TZ).text['zh-CN']).toBe('已超期');
  });

  it('reads a deadline on a rest day with no working day before it as due today', () => {
    const saturday = at('2026-03-07T15:59:59.999Z'); // an ordinary Saturday
    expect(clockState(saturday, at('2026-03-06T02:00:00Z'), TZ).text.en).toBe('Due today');
  });
});

describe('ticketClockColour', () => {
  // Raised at 01:00 on Saturday 02-14 Beijing, accepted within 3 working days: due at the end of 02-26.
  const due = deadlineAt(at('2026-02-13T17:00:00Z'), days(3), TZ);
  const colour = (now: string, deadlines = [due], escalated = false) =>
    ticketClockColour({ deadlines, escalated, now: at(now), timeZone: TZ });

  it('turns red after more than 5 working days, as the lights do', () => {
    expect(RED_AFTER_WORKING_DAYS).toBe(5);
  });

  it.each([
    ['2026-02-26T15:00:00Z', 'green'], // 23:00 on 02-26: due today
    ['2026-02-27T02:00:00Z', 'yellow'], // 1 working day over
    ['2026-03-04T15:59:00Z', 'yellow'], // 23:59 on 03-04: 02-27, 02-28, 03-02, 03-03, 03-04 → 5, not more
    ['2026-03-04T16:00:00Z', 'red'], // 00:00 on 03-05 in Beijing (still 03-04 in UTC): 6
  ])('at %s → %s', (now, expected) => {
    expect(colour(now)).toBe(expected);
  });

  it('takes the worst of the open clocks', () => {
    const later = deadlineAt(at('2026-02-13T17:00:00Z'), days(25), TZ);
    expect(colour('2026-02-27T02:00:00Z', [later, due])).toBe('yellow');
    expect(colour('2026-03-05T02:00:00Z', [later, due])).toBe('red');
    expect(colour('2026-02-20T02:00:00Z', [later, due])).toBe('green');
  });

  it('is red when escalated, before any deadline, and green with no open clock', () => {
    expect(colour('2026-02-20T02:00:00Z', [due], true)).toBe('red');
    expect(colour('2026-02-20T02:00:00Z', [], true)).toBe('red');
    expect(colour('2026-02-20T02:00:00Z', [])).toBe('green');
  });
});
