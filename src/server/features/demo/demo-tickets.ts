import type { DemoTicket, DemoTicketParty, DemoTicketPlan } from '../../../domain/tickets/demo-tickets.ts';
import type { TicketStep } from '../../../domain/tickets/ticket-flow.ts';
import type { ActorContext } from '../session/actor.ts';
import type { TicketService } from '../tickets/tickets.service.ts';
import type { TimedStep } from './demo-replay.ts';

export interface TicketActors {
  coordinator: ActorContext;
  /** The demo's `enterprise` account: it comes with the registry, before the first ticket. */
  enterpriseAccount: () => ActorContext;
  /** A township's editor; none for a department. */
  editorOf: (unitName: string) => ActorContext | undefined;
  unitIdOf: (name: string) => number;
  enterpriseIdOf: (creditCode: string) => number;
}

/**
 * The planned tickets as steps of the replay, each through the tickets service as the person would take
 * it: raised by the enterprise's account, its township's editor or the office; accepted, assigned and
 * decided by the coordinator; replied to and answered by the handling township's editor (by the office for
 * a department, which has no editor in the demo); rated or reopened by whoever raised it. Each step reads
 * the ticket's version first, as its page would show it: a cutoff in between may have escalated it.
 */
export function demoTicketSteps(
  deps: { tickets: TicketService; versionOf: (id: number) => Promise<number> },
  actors: TicketActors,
  plan: DemoTicketPlan,
): { steps: TimedStep[]; played: () => number } {
  const { tickets, versionOf } = deps;
  const ids = new Map<DemoTicket, number>();
  let played = 0;
  const editor = (unitName: string) => actors.editorOf(unitName) ?? actors.coordinator;

  const actorOf = (t: DemoTicket, by: DemoTicketParty): ActorContext => {
    if (by === 'office') return actors.coordinator;
    if (by === 'handler') return editor(t.handlingUnitName ?? t.townshipName);
    if (t.raiser === 'enterprise') return actors.enterpriseAccount();
    return t.raiser === 'office' ? actors.coordinator : editor(t.townshipName);
  };

  const steps = plan.tickets.flatMap((t) =>
    t.steps.map((s): TimedStep => ({
      at: s.at,
      run: async (projectIdOf) => {
        played++;
        const actor = actorOf(t, s.by);
        if (s.step === 'raise') {
          const raised = await tickets.raise(
            actor,
            {
              enterpriseId: actors.enterpriseIdOf(t.creditCode),
              projectId: t.projectIndex === null ? null : projectIdOf(t.projectIndex),
              category: t.category,
              title: t.title,
              description: t.description,
              complexity: t.complexity,
            },
            null,
            'zh-CN',
          );
          return void ids.set(t, raised.id);
        }
        const id = ids.get(t)!;
        const assigning = s.step === 'assign';
        await tickets.step(
          actor,
          id,
          {
            step: s.step as TicketStep,
            ...(s.text ? { text: s.text } : {}),
            ...(assigning
              ? {
                  handlingUnitId: actors.unitIdOf(t.handlingUnitName!),
                  coUnitIds: t.coUnitNames.map(actors.unitIdOf),
                }
              : {}),
            ...(s.rating ? { rating: s.rating } : {}),
            ...(s.approve !== undefined ? { approve: s.approve } : {}),
            version: await versionOf(id),
          },
          null,
          'zh-CN',
        );
      },
    })),
  );
  return { steps, played: () => played };
}
