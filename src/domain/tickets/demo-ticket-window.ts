/**
 * The demo tickets' calendar (demo-tickets.ts): the working days of the window before `now`, as indices,
 * the times of day its steps are taken at, and the clocks the steps leave running. A limit of d working
 * days from a step on day i runs out at the end of day i + d, which is how the service counts it
 * (clock.ts: the end of the county-local day d working days on), so the plan knows at `now` which clocks
 * ran out without a time zone.
 */
import { isWorkingDay } from '../calendar/working-days.ts';
import { addDays, maxDate, minDate } from '../demo/dates.ts';
import type { Rng } from '../demo/random.ts';
import type { Limit } from './sla.ts';
import type { Rating, TicketState, TicketStep } from './ticket-flow.ts';

/** Who takes a step: the one who raised it, the project office, or the editor of the handling township. */
export type DemoTicketParty = 'raiser' | 'office' | 'handler';
/** Who raised it: the enterprise's own account, its township's editor for it, or the office at its meeting. */
export type DemoTicketRaiser = 'enterprise' | 'township' | 'office';

export interface DemoTicketStep {
  /** County-local 'YYYY-MM-DD HH:mm'. */
  at: string;
  step: TicketStep | 'raise';
  by: DemoTicketParty;
  text?: string;
  rating?: Rating;
  approve?: boolean;
}

/** A step placed on a working day of the window (an index), before its time of day is chosen. */
export type PlacedStep = Omit<DemoTicketStep, 'at'> & { idx: number };

export interface TicketWindow {
  /** When the townships enter the registry: 08:45 on the window's first working day. */
  registerAt: string;
  /** The working days after the registry's up to today (today only once an hour of work has passed). */
  days: string[];
  /** The last index of `days`. */
  last: number;
  /** The first index whose day's end is not past now: a clock ending on it (or later) still runs. */
  open: number;
  today: string;
  nowMinute: number;
}

const DAY_START = 8 * 60 + 30;
const DAY_END = 17 * 60 + 30;
const LUNCH = [12 * 60, 13 * 60 + 30] as const;
/** The weekly coordination meeting sits on Wednesday afternoons, from 14:30; what it takes up is written down by 16:30. */
export const MEETING_WEEKDAY = 3;
const MEETING = [14 * 60 + 30, 16 * 60 + 30] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const minuteOf = (moment: string) => Number(moment.slice(11, 13)) * 60 + Number(moment.slice(14, 16));
export const weekdayOf = (day: string) =>
  new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))).getUTCDay();

/** A limit in working days (working hours count as whole days of eight, rounded down: a demo approximation). */
export const daysOf = (limit: Limit) => (limit.unit === 'workingDays' ? limit.amount : Math.floor(limit.amount / 8));

/** The window of `windowDays` before `now` ('YYYY-MM-DD HH:mm'), starting no earlier than `earliest`. */
export function ticketWindow(now: string, earliest: string, windowDays: number): TicketWindow {
  const today = now.slice(0, 10);
  const nowMinute = minuteOf(now);
  let registerDay = maxDate(addDays(today, -windowDays), earliest);
  while (!isWorkingDay(registerDay) && registerDay < today) registerDay = addDays(registerDay, 1);
  const days: string[] = [];
  for (let d = addDays(registerDay, 1); d <= today; d = addDays(d, 1))
    if (isWorkingDay(d) && (d < today || nowMinute >= DAY_START + 90)) days.push(d);
  const last = days.length - 1;
  return {
    registerAt: minDate(`${registerDay} 08:45`, now),
    days,
    last,
    open: isWorkingDay(today) && days[last] === today ? last : last + 1,
    today,
    nowMinute,
  };
}

/**
 * Times of day for one ticket's steps, in order: office hours (the lunch break kept when there is room),
 * a few minutes to a few hours apart on one day, the meeting's afternoon for one the office raised, and
 * before now on today.
 */
export function timeSteps(
  w: TicketWindow,
  rng: Rng,
  steps: readonly PlacedStep[],
  raiser: DemoTicketRaiser,
): DemoTicketStep[] {
  let prev = { idx: -1, minute: 0 };
  return steps.map((s, i) => {
    const day = w.days[s.idx]!;
    const end = day === w.today ? Math.min(DAY_END, w.nowMinute - 1) : DAY_END;
    // Room for the steps still to come that day, four minutes each.
    const hi = end - 4 * steps.slice(i + 1).filter((x) => x.idx === s.idx).length;
    const meeting = raiser === 'office' && s.step === 'raise';
    const sameDay = prev.idx === s.idx;
    const lo = sameDay ? prev.minute + 4 : meeting ? Math.min(MEETING[0], hi - 60) : DAY_START;
    const top = meeting ? Math.min(hi, MEETING[1]) : sameDay ? Math.min(hi, lo + 150) : hi;
    let minute = lo >= top ? lo : rng.int(lo, top);
    if (minute > LUNCH[0] && minute < LUNCH[1] && minute + (LUNCH[1] - LUNCH[0]) <= hi) minute += LUNCH[1] - LUNCH[0];
    prev = { idx: s.idx, minute };
    const { idx: _idx, ...rest } = s;
    return { ...rest, at: `${day} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}` };
  });
}

export interface TicketOutcome {
  state: TicketState;
  reopenCount: number;
  /** A clock has run out by now: the cutoff at now escalates it. */
  overdue: boolean;
  /** Escalated for certain (a clock run out, two reopenings); a cutoff in between may have escalated others. */
  escalated: boolean;
}

/**
 * The state, reopenings and running clocks that `steps` leave at now, by the rules of ticket-clocks.ts
 * counted on the window's indices: accept from the raising to the assignment, close from the first
 * assignment (again in full from a reopening, once more on an extension), revisit from the answer.
 */
export function outcomeOf(
  steps: readonly PlacedStep[],
  limits: { accept: number; close: number; revisit: number },
  open: number,
): TicketOutcome {
  const none = { accept: null, close: null, revisit: null };
  let state: TicketState = 'raised';
  let reopenCount = 0;
  let due: { accept: number | null; close: number | null; revisit: number | null } = none;
  let assigned = false;
  for (const s of steps) {
    if (s.step === 'raise') due = { ...none, accept: s.idx + limits.accept };
    if (s.step === 'accept') state = 'accepted';
    if (s.step === 'reject') [state, due] = ['rejected', none];
    if (s.step === 'assign') {
      state = 'handling';
      due = { ...none, close: assigned ? due.close : s.idx + limits.close };
      assigned = true;
    }
    if (s.step === 'decideExtension' && s.approve && due.close !== null) due.close += limits.close;
    if (s.step === 'answer') [state, due] = ['answered', { ...none, revisit: s.idx + limits.revisit }];
    if (s.step === 'reopen') {
      reopenCount++;
      [state, due] = ['handling', { ...none, close: s.idx + limits.close }];
    }
    if (s.step === 'rate') [state, due] = ['closed', none];
  }
  const overdue = [due.accept, due.close, due.revisit].some((d) => d !== null && d < open);
  return { state, reopenCount, overdue, escalated: overdue || reopenCount >= 2 };
}
