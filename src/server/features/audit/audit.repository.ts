import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';
import type { Clock } from '../../clock.ts';

export interface AuditEventInput {
  actor: { id: number; username: string; displayName?: string } | null;
  action: string;
  objectType: string;
  objectId: string;
  /** The unit the object belongs to, so audit reads are scoped like the object itself. */
  unitPath: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface AuditFilters {
  objectType?: string;
  objectId?: string;
  userId?: number;
  from?: string;
  to?: string;
  /** Id of the last event already seen: the list continues below it (newest first). */
  cursor?: number;
  limit: number;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * The audit trail. `record` takes the transaction of the change it describes, so that a change and
 * its audit event are committed together or not at all.
 */
export function createAuditLog(db: Kysely<DB>, clock: Clock) {
  return {
    async record(event: AuditEventInput, executor: Kysely<DB> = db): Promise<void> {
      await executor
        .insertInto('audit_events')
        .values({
          at: clock().toISOString(),
          actor_id: event.actor?.id ?? null,
          actor_name: event.actor ? (event.actor.displayName ?? event.actor.username) : 'system',
          action: event.action,
          object_type: event.objectType,
          object_id: event.objectId,
          unit_path: event.unitPath,
          summary: event.summary.slice(0, 400),
          before_json: json(event.before),
          after_json: json(event.after),
          ip: event.ip ?? null,
        })
        .execute();
    },

    list(scope: Scope, f: AuditFilters) {
      return db
        .selectFrom('audit_events')
        .selectAll()
        .$call((q) => {
          if (scope.kind === 'subtree')
            return q
              .where('unit_path', '>=', subtreeRange(scope.path)[0])
              .where('unit_path', '<', subtreeRange(scope.path)[1]);
          if (scope.kind === 'self') return q.where('actor_id', '=', scope.userId);
          if (scope.kind === 'none') return q.where((eb) => eb.lit(false));
          return q;
        })
        .$if(!!f.objectType, (q) => q.where('object_type', '=', f.objectType!))
        .$if(!!f.objectId, (q) => q.where('object_id', '=', f.objectId!))
        .$if(f.userId !== undefined, (q) => q.where('actor_id', '=', f.userId!))
        .$if(!!f.from, (q) => q.where('at', '>=', f.from!))
        .$if(!!f.to, (q) => q.where('at', '<=', f.to!))
        .$if(f.cursor !== undefined, (q) => q.where('id', '<', f.cursor!))
        .orderBy('id', 'desc')
        .limit(f.limit)
        .execute();
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
