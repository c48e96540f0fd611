/**
 * A deal's clocks (DESIGN §3.7): a new lead is answered within a working day (响应), a lead under
 * assessment is judged within three (研判), a deal in talks is first reported on within a week (反馈) and
 * then followed up every two weeks (跟进) — each a number of Chinese working days the county may change.
 *
 * Dates only, county-local 'YYYY-MM-DD': the activity log is dated by day, and a clock due on a day holds
 * all that day, as a ticket's working-day limits do (tickets/clock.ts). The colours follow the tickets':
 * yellow once a due date has passed, red more than RED_AFTER_WORKING_DAYS working days after it.
 */
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.ts';
import { plural } from '../lights/finding.ts';
import type { LocalisedText } from '../lights/types.ts';
import { RED_AFTER_WORKING_DAYS } from '../tickets/clock.ts';
import type { DealStage } from './deal-stages.ts';

/** Each clock's limit, in working days. */
export interface DealClockProfile {
  respond: number;
  assess: number;
  feedback: number;
  followUp: number;
}

/** DESIGN's limits: respond in 1 day, assess in 3, feed back in a week (5 working days), follow up every 2 weeks. */
export const DEFAULT_DEAL_CLOCKS: DealClockProfile = { respond: 1, assess: 3, feedback: 5, followUp: 10 };

export const DEAL_CLOCKS = ['respond', 'assess', 'feedback', 'followUp'] as const;
export type DealClock = (typeof DEAL_CLOCKS)[number];

/** The clocks' names as people read them. */
export const DEAL_CLOCK_LABELS: Record<DealClock, LocalisedText> = {
  respond: { 'zh-CN': '响应', en: 'Respond' },
  assess: { 'zh-CN': '研判', en: 'Assess' },
  feedback: { 'zh-CN': '反馈', en: 'Feedback' },
  followUp: { 'zh-CN': '跟进', en: 'Follow-up' },
};

/** What the clocks read of a deal: its stage, when it was created and entered that stage, and its activity log's dates. */
export interface DealClockFacts {
  stage: DealStage;
  createdOn: string;
  stageEnteredOn: string;
  /** The earliest entry of the activity log, null when there is none. */
  firstActivityOn: string | null;
  /** The latest entry of the activity log, null when there is none. */
  lastActivityOn: string | null;
}

/** A running clock and the day it falls due. */
export interface DealDue {
  clock: DealClock;
  due: string;
}

/**
 * The clocks running for a deal, with their due dates:
 * - 线索: respond within `respond` working days of its creation, until anything is logged;
 * - 研判: assess within `assess` working days of entering the stage;
 * - 在谈: feed back within `feedback` working days of entering it while nothing is logged since, then follow
 *   up within `followUp` working days of the latest entry (each entry restarts the clock);
 * - 签约, 落地, 搁置, 终止: none.
 * A 线索 created on Wednesday 2026-09-30 must be answered by Thursday 10-08 (National Day 10-01…10-07).
 */
export function runningDealClocks(f: DealClockFacts, profile: DealClockProfile): DealDue[] {
  switch (f.stage) {
    case 'lead':
      return f.firstActivityOn === null
        ? [{ clock: 'respond', due: addWorkingDays(f.createdOn, profile.respond) }]
        : [];
    case 'assessing':
      return [{ clock: 'assess', due: addWorkingDays(f.stageEnteredOn, profile.assess) }];
    case 'negotiating':
      if (f.lastActivityOn === null || f.lastActivityOn < f.stageEnteredOn)
        return [{ clock: 'feedback', due: addWorkingDays(f.stageEnteredOn, profile.feedback) }];
      return [{ clock: 'followUp', due: addWorkingDays(f.lastActivityOn, profile.followUp) }];
    default:
      return [];
  }
}

export type DealClockColour = 'green' | 'yellow' | 'red';

/** How a deal's clocks stand today: the colour, the clock due first, and its words. */
export interface DealClockState {
  colour: DealClockColour;
  /** The earliest due clock (the first listed among equals); null when none runs. */
  next: DealDue | null;
  /** Working days after the earliest due date up to today; 0 when it has not passed. */
  workingDaysOver: number;
  /** '还剩 2 个工作日', '今天到期', '已超期 3 个工作日'; null when no clock runs. */
  text: LocalisedText | null;
}

/**
 * How the clocks `dues` stand on `today`, read from the earliest (the worst) of them:
 *   green '还剩 2 个工作日' / '今天到期' — not past its due date;
 *   yellow '已超期 3 个工作日' — past it by up to RED_AFTER_WORKING_DAYS working days ('已超期' when only
 *   rest days have passed since);
 *   red — past it by more.
 */
export function dealClockState(dues: readonly DealDue[], today: string): DealClockState {
  let next: DealDue | null = null;
  for (const d of dues) if (next === null || d.due < next.due) next = d;
  if (next === null) return { colour: 'green', next: null, workingDaysOver: 0, text: null };
  if (today > next.due) {
    const over = Math.max(0, workingDaysBetween(next.due, today));
    const text =
      over > 0
        ? { 'zh-CN': `已超期 ${over} 个工作日`, en: `${plural(over, 'working day')} overdue` }
        : { 'zh-CN': '已超期', en: 'Overdue' };
    return { colour: over > RED_AFTER_WORKING_DAYS ? 'red' : 'yellow', next, workingDaysOver: over, text };
  }
  const left = Math.max(0, workingDaysBetween(today, next.due));
  const text =
    left > 0
      ? { 'zh-CN': `还剩 ${left} 个工作日`, en: `Due in ${plural(left, 'working day')}` }
      : { 'zh-CN': '今天到期', en: 'Due today' };
  return { colour: 'green', next, workingDaysOver: 0, text };
}
