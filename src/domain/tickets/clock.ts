/**
 * A ticket's clocks (DESIGN §3.6): when a limit of its SLA profile runs out, how a person reads a clock
 * ('还剩 1 个工作日', '已超期 3 个工作日'), and the ticket's colour for the lights. Instants come in and go
 * out; the counting is done on the county's local dates and wall times (calendar/working-days.ts).
 *
 * A limit in working days ends at the end of the local day it falls on (23:59:59.999 in the county), not
 * at closing time: a reply sent on the evening of its last day is in time, and "今天到期" holds all day,
 * as for monthly reports. A limit in working hours ends at the very minute the hours are used up.
 */
import { endOfLocalDay, localDate } from '../calendar/local-date.ts';
import {
  addWorkingDays,
  addWorkingHours,
  DEFAULT_WORKING_HOURS,
  instantOfLocal,
  localDateTimeOf,
  workingDaysBetween,
  type WorkingHours,
} from '../calendar/working-days.ts';
import { plural } from '../lights/finding.ts';
import { DEFAULT_RULE_SET } from '../lights/rules.ts';
import type { LocalisedText } from '../lights/types.ts';
import type { Limit } from './sla.ts';

/**
 * The instant a limit running from `start` ends. In working days: the end of the county-local day that
 * is `amount` working days after the start's local date — raised at 2026-02-13T17:00Z, already Saturday
 * 02-14 01:00 in Shanghai (a worked day), 3 working days run 02-24, 02-25, 02-26 and end at
 * 2026-02-26T15:59:59.999Z. In working hours: `amount` working hours of `wh` from the start's local wall
 * time (to the minute), Friday 17:00 plus 1 → Monday 09:00.
 */
export function deadlineAt(
  start: Date,
  limit: Limit,
  timeZone: string,
  wh: WorkingHours = DEFAULT_WORKING_HOURS,
): Date {
  if (limit.unit === 'workingDays')
    return new Date(endOfLocalDay(addWorkingDays(localDate(start, timeZone), limit.amount), timeZone));
  return instantOfLocal(addWorkingHours(localDateTimeOf(start, timeZone), limit.amount, wh), timeZone);
}

/** How one clock stands at an instant, and the words a person reads. */
export interface ClockState {
  /** Past the deadline (the deadline's own instant is still in time). */
  overdue: boolean;
  /** Working days after today up to the deadline's local date; 0 when due today or overdue. */
  workingDaysLeft: number;
  /** Working days after the deadline's local date up to today; 0 when not overdue (the lights' overdueWorkingDays). */
  workingDaysOver: number;
  text: LocalisedText;
}

/**
 * The state of a clock at `now`, counted on the county's local dates:
 *   '还剩 2 个工作日' / 'Due in 2 working days' — two working days remain after today;
 *   '今天到期' / 'Due today' — the deadline is later today, or no working day remains before it;
 *   '已超期 3 个工作日' / '3 working days overdue' — three working days have begun since its date;
 *   '已超期' / 'Overdue' — past, but no working day has begun since (a rest day, or later on the same day).
 */
export function clockState(deadline: Date, now: Date, timeZone: string): ClockState {
  const { overdue, workingDaysLeft: left, workingDaysOver: over } = clockDays(deadline, now, timeZone);
  if (overdue) {
    const text =
      over > 0
        ? { 'zh-CN': `已超期 ${over} 个工作日`, en: `${plural(over, 'working day')} overdue` }
        : { 'zh-CN': '已超期', en: 'Overdue' };
    return { overdue, workingDaysLeft: 0, workingDaysOver: over, text };
  }
  const text =
    left > 0
      ? { 'zh-CN': `还剩 ${left} 个工作日`, en: `Due in ${plural(left, 'working day')}` }
      : { 'zh-CN': '今天到期', en: 'Due today' };
  return { overdue, workingDaysLeft: left, workingDaysOver: 0, text };
}

/** clockState's figures without its words, which a colour does not need (the cutoff colours every open ticket). */
function clockDays(deadline: Date, now: Date, timeZone: string): Omit<ClockState, 'text'> {
  const today = localDate(now, timeZone);
  const due = localDate(deadline, timeZone);
  if (now.getTime() > deadline.getTime())
    return { overdue: true, workingDaysLeft: 0, workingDaysOver: Math.max(0, workingDaysBetween(due, today)) };
  return { overdue: false, workingDaysLeft: Math.max(0, workingDaysBetween(today, due)), workingDaysOver: 0 };
}

/** A ticket is red when more than this many working days past a deadline: the lights' default rule. */
export const RED_AFTER_WORKING_DAYS = DEFAULT_RULE_SET.tickets.redAboveWorkingDays;

export type TicketClockColour = 'green' | 'yellow' | 'red';

/**
 * A ticket's colour from its open clocks: red when escalated or more than RED_AFTER_WORKING_DAYS working
 * days past any deadline, yellow when past any, otherwise green (no open clock included).
 */
export function ticketClockColour(input: {
  deadlines: readonly Date[];
  escalated: boolean;
  now: Date;
  timeZone: string;
}): TicketClockColour {
  if (input.escalated) return 'red';
  let colour: TicketClockColour = 'green';
  for (const deadline of input.deadlines) {
    const state = clockDays(deadline, input.now, input.timeZone);
    if (state.workingDaysOver > RED_AFTER_WORKING_DAYS) return 'red';
    if (state.overdue) colour = 'yellow';
  }
  return colour;
}
