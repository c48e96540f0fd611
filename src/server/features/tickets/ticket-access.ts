import type { Kysely } from 'kysely';
import { partiesOf } from '../../../domain/tickets/ticket-flow.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { enterpriseScopeAllows, enterpriseScopeFor } from '../../policies/enterprise.policy.ts';
import type { ActorContext } from '../session/actor.ts';
import type { TicketRepository, TicketRow } from './tickets.repository.ts';

type CoUnits = Awaited<ReturnType<TicketRepository['coUnits']>>;

/**
 * Who reaches a ticket and what they are to it. A ticket is read with its co-units once: the scope (a
 * co-unit's editors read it) and the parties (they handle it) both need them.
 */
export function createTicketAccess({ db, tickets }: { db: Kysely<DB>; tickets: TicketRepository }) {
  return {
    /** The ticket and its co-units when the actor may read it; a 404 otherwise, as for one that does not exist. */
    async visible(actor: ActorContext, id: number, ex: Kysely<DB> = db): Promise<{ t: TicketRow; coUnits: CoUnits }> {
      const t = await tickets.findById(id, ex);
      if (!t) throw notFound('ticket');
      const coUnits = await tickets.coUnits(t.id, ex);
      const scope = enterpriseScopeFor(actor, 'ticket', 'read');
      const target = (unitPath: string) => ({ unitPath, enterpriseId: t.enterprise_id });
      // The raiser follows their ticket wherever it went (an editor's, assigned to a county department).
      const reaches =
        (scope.kind !== 'none' && t.raised_by === actor.id) ||
        enterpriseScopeAllows(scope, target(t.unit_path)) ||
        (scope.kind === 'subtree' && coUnits.some((u) => enterpriseScopeAllows(scope, target(u.path))));
      if (!reaches) throw notFound('ticket');
      return { t, coUnits };
    },

    /** What the actor is to the ticket: the office, a handler (of the handling unit or a co-unit), the raiser. */
    partiesFor(actor: ActorContext, t: TicketRow, coUnits: CoUnits) {
      const handlerPaths = [...(t.handling_unit_path ? [t.handling_unit_path] : []), ...coUnits.map((u) => u.path)];
      return partiesOf(actor, { raisedBy: t.raised_by, enterpriseId: t.enterprise_id, handlerPaths });
    },
  };
}

export type TicketAccess = ReturnType<typeof createTicketAccess>;
