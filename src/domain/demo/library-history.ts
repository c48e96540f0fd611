/**
 * How a demo project came to be what it is today: the day it entered the library, the stage it had
 * then, and each later milestone (a signing, a start, a completion…) on the day it happened. Replayed
 * in order through the real services, the library ends exactly where the generator put it, with its
 * stage history, its audit trail and its owed reports starting from its real entry.
 */
import { checkTransition, MAIN_LINE, type Stage } from '../projects/lifecycle.ts';
import type { ProjectDates } from '../projects/project-fields.ts';
import { addDays, maxDate, minDate } from './dates.ts';
import type { Rng } from './random.ts';

/** The actual milestones that move a project along the main line, in order, with the stage each one reaches. */
const MILESTONE_STAGES = [
  ['actualStartDate', 'construction'],
  ['actualCompletionDate', 'completed'],
  ['actualProductionDate', 'production'],
  ['actualCapacityDate', 'capacity'],
] as const;

type ActualField = 'actualSignDate' | (typeof MILESTONE_STAGES)[number][0];
const ACTUAL_FIELDS: readonly ActualField[] = ['actualSignDate', ...MILESTONE_STAGES.map(([f]) => f)];

export interface HistoryProject extends ProjectDates {
  stage: Stage;
}

export type LibraryStep =
  /** Entered with its stage of that day; the actual dates listed in `withheld` had not happened yet. */
  | { kind: 'enter'; on: string; stage: Stage; withheld: ActualField[] }
  /** Actual dates recorded on a day without a change of stage (a signing, a completion after production began). */
  | { kind: 'dates'; on: string; dates: Partial<Record<ActualField, string>> }
  | { kind: 'transition'; on: string; to: Stage; dates: Partial<Record<ActualField, string>>; reason?: string };

const SIDE_REASONS: Partial<Record<Stage, readonly string[]>> = {
  suspended: ['资金未落实，暂缓建设', '规划调整，项目暂停', '企业经营困难，停工待复'],
  dropped: ['项目业主放弃投资', '选址不符合国土空间规划', '经论证不具备实施条件'],
};

/** The main-line stage a project had on a day, from its actual dates (side stages come by transition). */
export function stageOn(p: HistoryProject, day: string): Stage {
  for (const [field, stage] of [...MILESTONE_STAGES].reverse()) {
    const date = p[field];
    if (date && date <= day) return stage;
  }
  const final = MAIN_LINE.includes(p.stage) ? p.stage : p.stage === 'dropped' ? 'reserve' : 'preparing';
  return MAIN_LINE.indexOf(final) >= MAIN_LINE.indexOf('preparing') ? 'preparing' : final;
}

/**
 * The steps of one project from the day it entered the library (`enteredOn`) up to `yesterday`:
 * an entry, a signing if it came later, one transition per later milestone, and for a suspended or
 * dropped project the move to its side stage some weeks after its last milestone.
 */
export function libraryHistory(rng: Rng, p: HistoryProject, enteredOn: string, yesterday: string): LibraryStep[] {
  const later = (f: ActualField) => !!p[f] && p[f]! > enteredOn;
  const side = !MAIN_LINE.includes(p.stage);
  const lastActual =
    ACTUAL_FIELDS.map((f) => p[f])
      .filter((d): d is string => !!d)
      .sort()
      .at(-1) ?? enteredOn;
  const sideOn = side ? minDate(yesterday, addDays(maxDate(lastActual, enteredOn), rng.int(20, 90))) : null;
  const atEntry = stageOn(p, enteredOn);
  const steps: LibraryStep[] = [
    { kind: 'enter', on: enteredOn, stage: atEntry, withheld: ACTUAL_FIELDS.filter(later) },
  ];
  if (later('actualSignDate'))
    steps.push({ kind: 'dates', on: p.actualSignDate!, dates: { actualSignDate: p.actualSignDate! } });
  let stage = atEntry;
  const milestones = MILESTONE_STAGES.filter(([field]) => later(field)).sort((a, b) =>
    p[a[0]]! < p[b[0]]! ? -1 : p[a[0]]! > p[b[0]]! ? 1 : 0,
  );
  // Milestones of one day are one step, to the furthest stage they reach: played as two, their order
  // within the day would be left to the times the replay draws for them (投产 before 竣工 is refused).
  for (let i = 0; i < milestones.length;) {
    const on = p[milestones[i]![0]]!;
    const sameDay = milestones.slice(i).filter(([field]) => p[field] === on);
    i += sameDay.length;
    const dates = Object.fromEntries(sameDay.map(([field]) => [field, on]));
    const to = sameDay.at(-1)![1];
    // A factory that began producing before its formal completion (在建 → 投产) only records the completion.
    if (to === 'completed' && stage !== 'construction') steps.push({ kind: 'dates', on, dates });
    else {
      steps.push({ kind: 'transition', on, to, dates });
      stage = to;
    }
  }
  if (side && sideOn) {
    const reason = rng.pick(SIDE_REASONS[p.stage]!);
    const ok = !checkTransition({ from: stage, to: p.stage, reason, today: sideOn });
    // A project whose side stage could not follow its last main-line stage entered the library already in it.
    if (!ok || sideOn <= enteredOn)
      return [{ kind: 'enter', on: maxDate(enteredOn, lastActual), stage: p.stage, withheld: [] }];
    steps.push({ kind: 'transition', on: sideOn, to: p.stage, dates: {}, reason });
  }
  return steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}
