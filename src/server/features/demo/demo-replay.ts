import type { DemoProject } from '../../../domain/demo/demo-county.ts';
import type { DemoYear, DemoYearStep } from '../../../domain/demo/demo-year.ts';
import { instantAt } from '../../../domain/calendar/local-date.ts';
import type { ActorContext } from '../session/actor.ts';
import type { ProjectService } from '../projects/projects.service.ts';
import type { ReportService } from '../reports/reports.service.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { demoRaceSteps } from './demo-race.ts';

export interface ReplayDeps {
  projects: ProjectService;
  reports: ReportService;
  lights: LightService;
  race: ReturnType<typeof demoRaceSteps>;
  moveTo: (at: Date) => void;
  timeZone: string;
}

/**
 * A step of another part of the county's life played at its moment among the year's: the registry being
 * entered, an enterprise's problem and its handling. Given the id each project of the library got.
 */
export interface TimedStep {
  /** County-local 'YYYY-MM-DD HH:mm'. */
  at: string;
  run: (projectIdOf: (index: number) => number) => Promise<unknown>;
}

export interface ReplayActors {
  coordinator: ActorContext;
  /** Who keeps a project's record and files its reports: its township's editor, else the project office. */
  filerOf: (project: DemoProject) => ActorContext;
  unitIdOf: (name: string) => number;
}

/**
 * Plays the demo year's steps in order, the clock moved to each step's local time first: every
 * project, stage change, report and bulletin goes through the service a person would use, is
 * checked by the same rules, stamped with that moment and audited. The `also` steps (the registry, the
 * enterprises' tickets) are played among them at their own moments.
 */
export async function replayDemoYear(
  deps: ReplayDeps,
  actors: ReplayActors,
  year: DemoYear,
  generated: readonly DemoProject[],
  also: readonly TimedStep[] = [],
) {
  const { projects, reports, lights, race, moveTo, timeZone } = deps;
  const projectIds: number[] = [];
  const reportIds = new Map<string, number>();
  const reportKey = (s: { index: number; year: number; month: number }) => `${s.index}:${s.year}-${s.month}`;
  const counts = { reports: 0, approvals: 0, transitions: 0 };

  async function play(step: DemoYearStep) {
    switch (step.kind) {
      case 'project': {
        const p = generated[step.index]!;
        const filer = actors.filerOf(p);
        const s = step.step;
        if (s.kind === 'enter') {
          const { leadUnitName: _l, townshipName: _t, ...fields } = p;
          const withheld = Object.fromEntries(s.withheld.map((f) => [f, null]));
          const created = await projects.create(
            filer,
            {
              ...fields,
              ...withheld,
              stage: s.stage,
              internalNo: null,
              contact: null,
              leadUnitId: leadUnitOf(p),
              townshipUnitId: townshipOf(p),
            },
            null,
          );
          projectIds[step.index] = created.id;
        } else if (s.kind === 'dates') await projects.update(filer, projectIds[step.index]!, s.dates, null);
        else {
          await projects.transition(
            filer,
            projectIds[step.index]!,
            { to: s.to, ...s.dates, ...(s.reason ? { reason: s.reason } : {}) },
            null,
          );
          counts.transitions++;
        }
        return;
      }
      case 'file': {
        const filer = actors.filerOf(generated[step.index]!);
        const r = await reports.create(
          filer,
          projectIds[step.index]!,
          {
            year: step.year,
            month: step.month,
            amountWan: step.amountYuan / 10_000,
            progressText: step.progressText,
            problems: step.problems,
          },
          null,
        );
        reportIds.set(reportKey(step), r.id);
        counts.reports++;
        return;
      }
      case 'submit':
        return void (await reports.submit(
          actors.filerOf(generated[step.index]!),
          reportIds.get(reportKey(step))!,
          null,
        ));
      case 'return':
        return void (await reports.return(actors.coordinator, reportIds.get(reportKey(step))!, step.reason, null));
      case 'approve':
        counts.approvals++;
        return void (await reports.approve(actors.coordinator, reportIds.get(reportKey(step))!, null));
      case 'cutoff':
        return void (await lights.runCutoff());
      case 'targets':
        return race.targets(step.year);
      case 'race':
        return race.race();
      case 'revenue':
        return race.revenue(step.year, step.month);
      case 'bulletin':
        return race.bulletin(step.year, step.month);
    }
  }

  // Both lists are in time order: merged, a year's step goes first within its minute.
  const others = [...also].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const projectIdOf = (index: number) => projectIds[index]!;
  let next = 0;
  const playOthers = async (until: string | null) => {
    for (; next < others.length && (until === null || others[next]!.at < until); next++) {
      moveTo(instantAt(others[next]!.at, timeZone));
      await others[next]!.run(projectIdOf);
    }
  };
  for (const step of year.steps) {
    await playOthers(step.at);
    moveTo(instantAt(step.at, timeZone));
    await play(step);
  }
  await playOthers(null);
  return counts;

  function leadUnitOf(p: DemoProject) {
    return actors.unitIdOf(p.leadUnitName);
  }
  function townshipOf(p: DemoProject) {
    return p.townshipName ? actors.unitIdOf(p.townshipName) : null;
  }
}
