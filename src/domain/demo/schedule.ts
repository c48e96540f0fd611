/**
 * Stages and dates of demo projects, consistent with "today": the stage mix is allocated exactly,
 * actual dates never lie after today, planned and actual milestones keep their order, and every
 * date falls within the three demo years (today's year − 1 … + 1).
 */
import type { Stage } from '../projects/lifecycle.ts';
import type { InvestmentType, Milestone } from '../projects/project-fields.ts';
import { addDays, chainBackward, clampDate, dayBetween, daysBetween, maxDate, minDate } from './dates.ts';
import type { Rng } from './random.ts';
import type { Tier } from './templates.ts';

/** The stage mix of a county library, in percent (DESIGN §2 stages). */
export const STAGE_SHARES: Readonly<Record<Stage, number>> = {
  planning: 10,
  reserve: 12,
  preparing: 25,
  construction: 30,
  completed: 8,
  production: 8,
  capacity: 3,
  suspended: 2,
  dropped: 2,
};

/** Stages only a producing (industrial) project can reach. */
export const PRODUCING_STAGES: readonly Stage[] = ['production', 'capacity'];

export type Dates = Record<Milestone, string | null>;
export interface Schedule {
  planned: Dates;
  actual: Dates;
}

/** The first and last day of the demo years. */
export function demoWindow(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  return { from: `${year - 1}-01-01`, to: `${year + 1}-12-31` };
}

/** Construction period in days by investment tier: small works take months, large ones years. */
const BUILD_DAYS: Record<Tier, readonly [number, number]> = {
  0: [90, 240],
  1: [150, 420],
  2: [240, 540],
  3: [300, 720],
  4: [450, 900],
  5: [600, 1080],
};

export interface ScheduleInput {
  stage: Stage;
  today: string;
  tier: Tier;
  isProducing: boolean;
  investmentType: InvestmentType;
}

const empty = (): Dates => ({ sign: null, start: null, completion: null, production: null, capacity: null });

/** Lays out the dates of one project. */
export function makeSchedule(rng: Rng, input: ScheduleInput): Schedule {
  const { stage, today, isProducing } = input;
  const win = demoWindow(today);
  const yesterday = maxDate(addDays(today, -1), win.from);
  const build = rng.int(...BUILD_DAYS[input.tier]);
  const prodGap = rng.int(0, 90);
  const capGap = rng.int(180, 540);
  const planned = empty();
  const actual = empty();

  /** Planned dates after the start: completion kept inside the window, later milestones dropped beyond it. */
  const planFrom = (start: string, completionNear?: string) => {
    planned.start = start;
    const wished = completionNear ?? addDays(start, build);
    planned.completion = clampDate(wished, start, addDays(win.to, -rng.int(0, 60)));
    if (planned.completion < start) planned.completion = start;
    if (!isProducing) return;
    const production = addDays(planned.completion, prodGap);
    const capacity = addDays(production, capGap);
    planned.production = production <= win.to ? production : null;
    planned.capacity = planned.production && capacity <= win.to ? capacity : null;
  };
  /** Planned dates for a project that has already begun: near what happened, a little earlier or later. */
  const planAround = () => {
    const start = clampDate(addDays(actual.start!, rng.int(-120, 45)), win.from, win.to);
    const doneNear = actual.completion ?? (actual.production ? addDays(actual.production, -prodGap) : null);
    planFrom(start, doneNear ? maxDate(start, addDays(doneNear, rng.int(-90, 45))) : undefined);
    if (isProducing && actual.production && planned.completion) {
      planned.production = clampDate(addDays(actual.production, rng.int(-60, 45)), planned.completion, win.to);
      const capacity = addDays(planned.production, capGap);
      planned.capacity = actual.capacity
        ? clampDate(addDays(actual.capacity, rng.int(-60, 45)), planned.production, win.to)
        : capacity <= win.to
          ? capacity
          : null;
    }
  };

  switch (stage) {
    case 'planning':
    case 'reserve': {
      if (rng.chance(stage === 'planning' ? 0.25 : 0.1)) break;
      const soonest = addDays(today, stage === 'planning' ? 90 : 30);
      planFrom(dayBetween(rng, soonest, minDate(addDays(today, 540), addDays(win.to, -60))));
      break;
    }
    case 'preparing': {
      // Four in ten are already late to start, so the start warnings have something to find.
      const isLate = rng.chance(0.4);
      planFrom(
        isLate
          ? dayBetween(rng, maxDate(win.from, addDays(today, -330)), maxDate(win.from, addDays(today, -20)))
          : dayBetween(rng, addDays(today, 7), minDate(addDays(today, 365), addDays(win.to, -30))),
      );
      break;
    }
    case 'construction': {
      const earliest = maxDate(win.from, addDays(today, -720));
      // Recent starts are more common than old ones.
      const back = Math.floor(Math.max(0, daysBetween(earliest, yesterday)) * rng.next() ** 1.4);
      actual.start = addDays(yesterday, -back);
      planAround();
      break;
    }
    case 'completed':
    case 'production':
    case 'capacity': {
      const hasCompletion = stage === 'completed' || rng.chance(0.7);
      const lastGap = stage === 'capacity' ? capGap : 0;
      const end = dayBetween(rng, minDate(yesterday, maxDate(addDays(win.from, 300), addDays(today, -360))), yesterday);
      const gaps = [
        build,
        ...(hasCompletion && stage !== 'completed' ? [prodGap] : []),
        ...(stage === 'capacity' ? [lastGap] : []),
      ];
      const chain = chainBackward(end, stage === 'completed' ? [build] : gaps, win.from);
      actual.start = chain[0]!;
      if (stage === 'completed') actual.completion = chain[1]!;
      else {
        let i = 1;
        if (hasCompletion) actual.completion = chain[i++]!;
        actual.production = chain[i++]!;
        if (stage === 'capacity') actual.capacity = chain[i]!;
      }
      planAround();
      break;
    }
    case 'suspended': {
      if (rng.chance(0.6)) {
        actual.start = dayBetween(rng, win.from, maxDate(win.from, addDays(today, -120)));
        planAround();
      } else planFrom(dayBetween(rng, win.from, maxDate(win.from, addDays(today, -30))));
      break;
    }
    case 'dropped': {
      if (rng.chance(0.5)) planFrom(dayBetween(rng, win.from, addDays(today, 180)));
      break;
    }
  }
  if (input.investmentType === 'enterprise') signDates(rng, stage, today, win.from, planned, actual);
  return { planned, actual };
}

/** Enterprise projects are signed (招商签约) before they start; the sign→start clock needs both dates. */
function signDates(rng: Rng, stage: Stage, today: string, from: string, planned: Dates, actual: Dates) {
  const yesterday = maxDate(addDays(today, -1), from);
  if (actual.start) {
    actual.sign = maxDate(from, addDays(actual.start, -rng.int(20, 200)));
  } else if (stage === 'preparing' || stage === 'suspended' || (stage === 'reserve' && rng.chance(0.2))) {
    if (rng.chance(0.75)) actual.sign = dayBetween(rng, maxDate(from, addDays(today, -300)), yesterday);
  }
  if (actual.sign) planned.sign = maxDate(from, addDays(actual.sign, rng.int(-30, 20)));
  else if (planned.start && rng.chance(0.6)) planned.sign = maxDate(from, addDays(planned.start, -rng.int(30, 120)));
}
