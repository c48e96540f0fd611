import type { AuditFilterQuery, AuditQuery } from '../../../contract/audit.ts';
import { SIGN_IN_OBJECT_TYPE } from '../../../domain/audit/audit-labels.ts';
import { AUDIT_EXPORT_MAX_ROWS } from '../../../domain/audit/audit-limits.ts';
import type { Scope } from '../../../domain/access/scope.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { auditPolicy } from '../../policies/audit.policy.ts';
import type { ActorContext } from '../session/actor.ts';
import type { AuditFilters, AuditLog } from './audit.repository.ts';

/**
 * The filters as the repository takes them. Sign-ins are left out unless asked for: by the switch, or
 * by naming their action or object type. A bare date as the upper bound means "through that day".
 */
function filtersOf(q: AuditFilterQuery): AuditFilters {
  const to = q.to && q.to.length === 10 ? `${q.to}T23:59:59.999Z` : q.to;
  const includeSignIns = q.includeSignIns === true || q.action !== undefined || q.objectType === SIGN_IN_OBJECT_TYPE;
  return {
    objectType: q.objectType,
    objectId: q.objectId,
    action: q.action,
    userId: q.userId,
    from: q.from,
    to,
    includeSignIns,
  };
}

/** Reading the audit trail, scoped by the reader's reach; events are written by each change's own service. */
export function createAuditService({
  audit,
  batchSize = 1000,
}: {
  audit: Pick<AuditLog, 'list' | 'count'>;
  /** Events read per query while exporting: memory holds one batch. */
  batchSize?: number;
}) {
  const scopeOf = (actor: ActorContext): Scope => {
    const scope = auditPolicy.readScope(actor);
    if (scope.kind === 'none') throw forbidden();
    return scope;
  };

  return {
    /**
     * A page of events, newest first, and how many match: by `page` (offset, `pageSize` each) or by
     * `cursor` (keyset, `limit` each; `nextCursor` null on the last page).
     */
    async read(actor: ActorContext, q: AuditQuery) {
      const scope = scopeOf(actor);
      if (q.page !== undefined && q.cursor !== undefined) throw invalid('AUDIT_PAGE_AND_CURSOR', {}, 'page');
      const filters = filtersOf(q);
      const page =
        q.page !== undefined
          ? { offset: (q.page - 1) * q.pageSize, limit: q.pageSize }
          : { cursor: q.cursor, limit: q.limit };
      const [rows, total] = await Promise.all([audit.list(scope, filters, page), audit.count(scope, filters)]);
      const more = q.page !== undefined ? q.page * q.pageSize < total : rows.length === page.limit;
      return {
        rows,
        total,
        page: q.page ?? null,
        nextCursor: more && rows.length > 0 ? String(rows.at(-1)!.id) : null,
      };
    },

    /**
     * Every event the same filters show, newest first, in batches for the Excel export; more than
     * AUDIT_EXPORT_MAX_ROWS is refused with the count before anything is sent.
     */
    async forExport(actor: ActorContext, q: AuditFilterQuery) {
      const scope = scopeOf(actor);
      const filters = filtersOf(q);
      const total = await audit.count(scope, filters);
      if (total > AUDIT_EXPORT_MAX_ROWS)
        throw invalid('AUDIT_EXPORT_TOO_MANY', { count: total, max: AUDIT_EXPORT_MAX_ROWS }, 'from');
      async function* batches() {
        let cursor: number | undefined;
        for (let read = 0; read < AUDIT_EXPORT_MAX_ROWS;) {
          const rows = await audit.list(scope, filters, { cursor, limit: batchSize });
          if (rows.length) yield rows;
          if (rows.length < batchSize) return;
          read += rows.length;
          cursor = rows.at(-1)!.id;
        }
      }
      return { total, batches: batches() };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
