import { forbidden } from '../../http/errors.ts';
import { auditPolicy } from '../../policies/audit.policy.ts';
import type { ActorContext } from '../session/actor.ts';
import type { AuditFilters, AuditLog } from './audit.repository.ts';

/** Reading the audit trail, scoped by the reader's reach; events are written by each change's own service. */
export function createAuditService({ audit }: { audit: Pick<AuditLog, 'list'> }) {
  return {
    /** A page of events, newest first, and the cursor of the next page (null on the last). */
    async read(actor: ActorContext, filters: AuditFilters) {
      const scope = auditPolicy.readScope(actor);
      if (scope.kind === 'none') throw forbidden();
      // A bare date as the upper bound means "through the end of that day".
      const to = filters.to && filters.to.length === 10 ? `${filters.to}T23:59:59.999Z` : filters.to;
      const rows = await audit.list(scope, { ...filters, to });
      return { rows, nextCursor: rows.length === filters.limit ? String(rows.at(-1)!.id) : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
