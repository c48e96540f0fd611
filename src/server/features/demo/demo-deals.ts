import type { DemoDeal, DemoDealPlan } from '../../../domain/deals/demo-deals.ts';
import { plainDecimal } from '../../../domain/money/money.ts';
import type { DealSettingsService } from '../deals/deal-settings.ts';
import type { DealService } from '../deals/deals.service.ts';
import type { ProjectService } from '../projects/projects.service.ts';
import type { ActorContext } from '../session/actor.ts';
import type { TimedStep } from './demo-replay.ts';

export interface DealActors {
  coordinator: ActorContext;
  /** A township's editor; none for a department (the office keeps its deals). */
  editorOf: (unitName: string) => ActorContext | undefined;
  unitIdOf: (name: string) => number;
  userIdOf: (actor: ActorContext) => number;
}

/** 万元 text of an amount in 元, exact (the API takes amounts as a person writes them). */
const wan = (yuan: number) => plainDecimal(yuan / 10_000);

/**
 * The planned deals as steps of the replay, each through the deals service as the person would take it: the
 * teams set up by the office on the first day, each deal entered, logged, moved, signed and converted by the
 * editor of the township leading it (the office for 市商务局's), its project started and the deal landed.
 */
export function demoDealSteps(
  deps: { deals: DealService; dealSettings: DealSettingsService; projects: ProjectService },
  actors: DealActors,
  plan: DemoDealPlan,
  firstAt: string,
): { steps: TimedStep[]; played: () => number; converted: () => number } {
  const { deals, dealSettings, projects } = deps;
  const ids = new Map<DemoDeal, { id: number; projectId: number | null }>();
  const teamIds: number[] = [];
  let played = 0;
  let converted = 0;
  const actorOf = (d: DemoDeal) => actors.editorOf(d.unitName) ?? actors.coordinator;
  const versionOf = async (d: DemoDeal) => (await deals.get(actors.coordinator, ids.get(d)!.id, 'zh-CN')).version;

  const teamsStep: TimedStep = {
    at: firstAt,
    run: async () => {
      for (const t of plan.teams) {
        const members = t.memberTownships.flatMap((name) => {
          const editor = actors.editorOf(name);
          return editor ? [actors.userIdOf(editor)] : [];
        });
        const team = await dealSettings.createTeam(
          actors.coordinator,
          { name: t.name, unitId: actors.unitIdOf(t.unitName), leaderName: t.leaderName, memberIds: members },
          null,
        );
        teamIds.push(team.id);
      }
    },
  };

  const steps = plan.deals.flatMap((d) =>
    d.steps.map((s): TimedStep => ({
      at: s.at,
      run: async () => {
        played++;
        const actor = actorOf(d);
        const day = s.at.slice(0, 10);
        switch (s.kind) {
          case 'create': {
            const made = await deals.create(
              actor,
              {
                name: d.name,
                investorName: d.investorName,
                investorListing: d.listing,
                investorHqRegion: d.hqRegion,
                sourceRegion: d.sourceRegion,
                chainKey: d.chainKey,
                linkKey: d.linkKey,
                kind: d.kind,
                intendedInvestmentWan: wan(d.intendedYuan),
                unitId: actors.unitIdOf(d.unitName),
                teamId: d.teamIndex === null ? null : teamIds[d.teamIndex]!,
                patronLeader: d.patronLeader,
                townshipUnitId: actors.unitIdOf(d.townshipName),
              },
              null,
              'zh-CN',
            );
            return void ids.set(d, { id: made.id, projectId: null });
          }
          case 'activity':
            return void (await deals.addActivity(
              actor,
              ids.get(d)!.id,
              { onDate: day, kind: s.activity, attendees: s.attendees, summary: s.summary },
              null,
              'zh-CN',
            ));
          case 'move':
            return void (await deals.move(
              actor,
              ids.get(d)!.id,
              {
                to: s.to,
                version: await versionOf(d),
                ...(s.reason ? { reason: s.reason } : {}),
                ...(s.to === 'signed' ? { signedOn: day, signedAmountWan: wan(s.signedAmountYuan!) } : {}),
              },
              null,
              'zh-CN',
            ));
          case 'convert': {
            const done = await deals.convert(
              actor,
              ids.get(d)!.id,
              { version: await versionOf(d), industryCode: s.industryCode, nature: 'new', kind: 'industry' },
              null,
              'zh-CN',
            );
            converted++;
            return void (ids.get(d)!.projectId = done.project!.id);
          }
          case 'funds':
            return void (await deals.addFund(
              actor,
              ids.get(d)!.id,
              { onDate: day, amountWan: wan(s.amountYuan) },
              null,
              'zh-CN',
            ));
          case 'start': {
            // 桩基进场: the project starts, and the deal lands that day.
            await projects.transition(
              actor,
              ids.get(d)!.projectId!,
              { to: 'construction', actualStartDate: day },
              null,
            );
            return void (await deals.move(
              actor,
              ids.get(d)!.id,
              { to: 'landed', landedOn: day, version: await versionOf(d) },
              null,
              'zh-CN',
            ));
          }
        }
      },
    })),
  );
  return { steps: [teamsStep, ...steps], played: () => played, converted: () => converted };
}
