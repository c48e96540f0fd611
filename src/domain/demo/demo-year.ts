/**
 * The demo county's year, as it happened: the library entered in the first fortnight of January,
 * each project's milestones on their days, every month's reports drafted, submitted (some late,
 * a few returned) and reviewed, the nightly cutoffs, the coordinator's targets and race, and the
 * bulletins of the last three finished months — each step at a local time in the county, all before
 * `now`. The server replays the steps in order through its own services on a travelling clock, so
 * the demo's history is dated in the past, audited, and obeys every rule a real county's does.
 *
 *   planDemoYear({ projects, now: '2026-11-23 18:00', seed: 20260101 }).steps[0]
 *     → { at: '2026-01-05 09:12', kind: 'project', index: 17, step: { kind: 'enter', … } }
 */
import { mustReport, reviewDeadline, submitDeadline } from '../reports/report-rules.ts';
import { lastDayOfMonth } from '../lights/period.ts';
import { MAIN_LINE, type Stage } from '../projects/lifecycle.ts';
import { addDays, minDate } from './dates.ts';
import { libraryHistory, type HistoryProject, type LibraryStep } from './library-history.ts';
import { createRng, type Rng } from './random.ts';

export interface DemoYearProject extends HistoryProject {
  totalInvestmentWan: number;
  annualPlans: { year: number; amountWan: number }[];
}

export type DemoYearStep = { at: string } & (
  | { kind: 'project'; index: number; step: LibraryStep }
  | {
      kind: 'file';
      index: number;
      year: number;
      month: number;
      amountYuan: number;
      progressText: string;
      problems: string;
    }
  | { kind: 'submit' | 'approve'; index: number; year: number; month: number }
  | { kind: 'return'; index: number; year: number; month: number; reason: string }
  | { kind: 'cutoff' }
  | { kind: 'targets'; year: number }
  | { kind: 'race' }
  | { kind: 'revenue' | 'bulletin'; year: number; month: number }
);

export interface DemoYear {
  /** The year reported on: this year, or in January the whole of last year. */
  year: number;
  /** When the county set Lantern up, 'YYYY-MM-DD HH:mm' local: the first step. */
  setupAt: string;
  /** Every step up to `now`, in the order it happened. */
  steps: DemoYearStep[];
}

type Pattern = 'onTrack' | 'lagging' | 'neverReports' | 'oftenLate';

const PROGRESS = ['桩基施工', '主体结构施工', '设备安装调试', '室外配套施工', '装饰装修', '土方开挖'];
const PREPARING = ['方案设计', '用地报批', '环评编制', '施工图审查', '招标准备'];
const PROBLEMS = ['', '', '', '政策处理进度滞后', '施工许可待办', '资金到位慢', '用地指标待落实'];
const RETURNS = ['请补充形象进度照片', '完成投资与进度描述不符，请核实', '请注明本月主要工程量'];
const WAN = 10_000;

const pad = (n: number) => String(n).padStart(2, '0');
const at = (day: string, minutes: number) => `${day} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** The same day, `minutes` later (never past midnight for the working-day times used here). */
const later = (moment: string, minutes: number) =>
  at(moment.slice(0, 10), Number(moment.slice(11, 13)) * 60 + Number(moment.slice(14)) + minutes);
/** A time of the working day, 08:30–17:30. */
const workTime = (rng: Rng, day: string, from = 8 * 60 + 30, to = 17 * 60 + 30) => at(day, rng.int(from, to));

/** The project's stage at the end of a day, from its library steps. */
function stageAt(steps: readonly LibraryStep[], day: string): Stage | null {
  let stage: Stage | null = null;
  for (const s of steps) {
    if (s.on > day) break;
    if (s.kind === 'enter') stage = s.stage;
    if (s.kind === 'transition') stage = s.to;
  }
  return stage;
}

/** One project's reports of the year: drafted, submitted, perhaps returned and resubmitted, reviewed. */
function reportSteps(
  rng: Rng,
  index: number,
  p: DemoYearProject,
  library: readonly LibraryStep[],
  year: number,
  lastMonth: number,
): DemoYearStep[] {
  const plan = p.annualPlans.find((a) => a.year === year);
  const pattern = rng.weighted<Pattern>([
    ['onTrack', 70],
    ['lagging', 15],
    ['neverReports', 5],
    ['oftenLate', 10],
  ]);
  if (pattern === 'neverReports') return [];
  const out: DemoYearStep[] = [];
  for (let month = 1; month <= lastMonth; month++) {
    const stage = stageAt(library, lastDayOfMonth(year, month));
    // The same rule the lights use for what is owed (DESIGN §3.3): 前期 and 在建 every month, and any project with a plan.
    if (!stage || !mustReport(stage, !!plan)) continue;
    const building = MAIN_LINE.indexOf(stage) >= MAIN_LINE.indexOf('construction');
    const pace = pattern === 'lagging' ? rng.between(0.25, 0.6) : rng.between(0.85, 1.25);
    const amountYuan = !MAIN_LINE.includes(stage)
      ? 0
      : building && plan
        ? Math.round((((plan.amountWan * WAN) / 12) * pace) / WAN) * WAN
        : Math.min(rng.int(0, 30) * WAN, Math.round((p.totalInvestmentWan * WAN * 0.01) / WAN) * WAN);
    const deadline = submitDeadline(year, month);
    const late = pattern === 'oftenLate' ? rng.chance(0.6) : rng.chance(0.05);
    const submittedOn = late
      ? addDays(deadline, rng.int(2, 9))
      : `${deadline.slice(0, 8)}${pad(rng.int(1, Number(deadline.slice(8))))}`;
    const filedAt = workTime(rng, submittedOn, 8 * 60 + 30, 16 * 60);
    const key = { index, year, month };
    out.push({
      at: filedAt,
      kind: 'file',
      ...key,
      amountYuan,
      progressText: building ? rng.pick(PROGRESS) : rng.pick(PREPARING),
      problems: pattern === 'lagging' ? rng.pick(PROBLEMS.filter(Boolean)) : rng.pick(PROBLEMS),
    });
    // The latest month has its stragglers: a draft never sent, a report nobody has reviewed yet.
    const straggler =
      month === lastMonth
        ? rng.weighted<'draft' | 'unreviewed' | 'none'>([
            ['draft', 8],
            ['unreviewed', 10],
            ['none', 82],
          ])
        : 'none';
    if (straggler === 'draft') continue;
    out.push({ at: later(filedAt, 20), kind: 'submit', ...key });
    if (straggler === 'unreviewed') continue;
    const reviewOn = late
      ? addDays(submittedOn, rng.int(0, 2))
      : minDate(reviewDeadline(year, month), addDays(submittedOn, rng.int(0, 2)));
    const reviewedAt = workTime(rng, reviewOn, 17 * 60, 18 * 60);
    if (rng.chance(0.04)) {
      out.push({ at: reviewedAt, kind: 'return', ...key, reason: rng.pick(RETURNS) });
      out.push({ at: workTime(rng, addDays(reviewOn, 1), 9 * 60, 12 * 60), kind: 'submit', ...key });
      out.push({ at: workTime(rng, addDays(reviewOn, 2), 17 * 60, 18 * 60), kind: 'approve', ...key });
    } else out.push({ at: reviewedAt, kind: 'approve', ...key });
  }
  return out;
}

/** The nights the cutoff runs in the replay: a new month's first, after the submission and review days, the month's last. */
function cutoffSteps(from: string, to: string): DemoYearStep[] {
  const out: DemoYearStep[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const d = Number(day.slice(8));
    if (d === 1 || d === 4 || d === 6) out.push({ at: at(day, 30), kind: 'cutoff' });
    if (day === lastDayOfMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7))))
      out.push({ at: at(day, 23 * 60 + 30), kind: 'cutoff' });
  }
  return out;
}

/** The year whose past months the demo reports: this year, or in January the whole of last year. */
export function demoReportPeriod(today: string): { year: number; lastMonth: number } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month > 1 ? { year, lastMonth: month - 1 } : { year: year - 1, lastMonth: 12 };
}

/** The demo year of a day: the year reported on, its last finished month, and when the county set Lantern up (5 January, 08:00). */
export function demoCalendar(today: string): { year: number; lastMonth: number; setupOn: string; setupAt: string } {
  const { year, lastMonth } = demoReportPeriod(today);
  const setupOn = `${year}-01-05`;
  return { year, lastMonth, setupOn, setupAt: at(setupOn, 8 * 60) };
}

export function planDemoYear({
  projects,
  now,
  seed,
}: {
  projects: readonly DemoYearProject[];
  now: string;
  seed: number;
}): DemoYear {
  const today = now.slice(0, 10);
  const { year, lastMonth, setupOn, setupAt } = demoCalendar(today);
  const yesterday = addDays(today, -1);
  const libraryRng = createRng(seed ^ 0x11b);
  const reportRng = createRng(seed ^ 0x5eed);
  const steps: DemoYearStep[] = [];
  projects.forEach((p, index) => {
    // The office enters the library over the first fortnight of January.
    const entered = minDate(yesterday, addDays(setupOn, libraryRng.int(0, 9)));
    const library = libraryHistory(libraryRng, p, entered, yesterday);
    for (const step of library)
      steps.push({
        at: step.kind === 'enter' ? workTime(libraryRng, step.on) : workTime(libraryRng, step.on, 10 * 60, 12 * 60),
        kind: 'project',
        index,
        step,
      });
    steps.push(...reportSteps(reportRng, index, p, library, year, lastMonth));
  });
  steps.push(
    { at: at(addDays(setupOn, 14), 10 * 60), kind: 'targets', year },
    { at: at(addDays(setupOn, 15), 10 * 60), kind: 'race' },
  );
  // The bulletins of the last three finished months that are out by now, each with the month's fiscal revenue entered first.
  const published = Array.from({ length: lastMonth }, (_, i) => i + 1)
    .map((month) => ({ month, at: at(addDays(reviewDeadline(year, month), 3), 15 * 60) }))
    .filter((b) => b.at <= now)
    .slice(-3);
  for (const b of published) {
    steps.push(
      { at: at(addDays(reviewDeadline(year, b.month), 1), 10 * 60), kind: 'revenue', year, month: b.month },
      { at: b.at, kind: 'bulletin', year, month: b.month },
    );
  }
  steps.push(...cutoffSteps(setupOn, today));
  const due = steps.filter((s) => s.at <= now);
  // Stable: steps of one minute keep the order they were planned in (a report is filed before it is submitted).
  due.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { year, setupAt, steps: due };
}
