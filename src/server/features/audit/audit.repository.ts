import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import { chunks, perStatement } from '../../db/bulk-insert.ts';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';
import type { Clock } from '../../clock.ts';
import { SIGN_IN_OBJECT_TYPE, type AuditAction, type AuditObjectType } from '../../../domain/audit/audit-labels.ts';

export interface AuditEventInput {
  actor: { id: number; username: string; displayName?: string } | null;
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string;
  /** The unit the object belongs to, so audit reads are scoped like the object itself. */
  unitPath: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** What the trail is filtered by; sign-ins are left out unless `includeSignIns`. */
export interface AuditFilters {
  objectType?: AuditObjectType;
  objectId?: string;
  action?: AuditAction;
  userId?: number;
  from?: string;
  to?: string;
  includeSignIns?: boolean;
}

/** A page: below the event id `cursor` (keyset), or `offset` events in (offset), newest first. */
export interface AuditPage {
  cursor?: number;
  offset?: number;
  limit: number;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * The audit trail. `record` takes the transaction of the change it describes, so that a change and
 * its audit event are committed together or not at all.
 */
export function createAuditLog(db: Kysely<DB>, clock: Clock) {
  /** The events a scope reaches (the object's unit in the subtree, or one's own acts) and the filters keep. */
  const matching = (scope: Scope, f: AuditFilters) =>
    db
      .selectFrom('audit_events')
      .$call((q) => {
        if (scope.kind === 'subtree')
          return q
            .where('audit_events.unit_path', '>=', subtreeRange(scope.path)[0])
            .where('audit_events.unit_path', '<', subtreeRange(scope.path)[1]);
        if (scope.kind === 'self') return q.where('audit_events.actor_id', '=', scope.userId);
        if (scope.kind === 'none') return q.where((eb) => eb.lit(false));
        return q;
      })
      .$if(!!f.objectType, (q) => q.where('audit_events.object_type', '=', f.objectType!))
      .$if(!!f.objectId, (q) => q.where('audit_events.object_id', '=', f.objectId!))
      .$if(!!f.action, (q) => q.where('audit_events.action', '=', f.action!))
      .$if(f.userId !== undefined, (q) => q.where('audit_events.actor_id', '=', f.userId!))
      .$if(!!f.from, (q) => q.where('audit_events.at', '>=', f.from!))
      .$if(!!f.to, (q) => q.where('audit_events.at', '<=', f.to!))
      .$if(!f.includeSignIns, (q) => q.where('audit_events.object_type', '<>', SIGN_IN_OBJECT_TYPE));

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

    /**
     * Many events at once, in the order given, in the caller's transaction: each row as `record` writes it,
     * all at the one instant of the call, in multi-row INSERTs (the daily cutoff escalates tens of
     * thousands of tickets; one INSERT each was a round trip each).
     */
    async recordMany(events: readonly AuditEventInput[], executor: Kysely<DB> = db): Promise<void> {
      if (!events.length) return;
      const at = clock().toISOString();
      const rows = events.map((event) => ({
        at,
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
      }));
      for (const part of chunks(rows, perStatement(rows)))
        await executor.insertInto('audit_events').values(part).execute();
    },

    /** The events matching the filters within the scope, newest first, with their unit's name. */
    list(scope: Scope, f: AuditFilters, page: AuditPage) {
      return matching(scope, f)
        .leftJoin('units', 'units.path', 'audit_events.unit_path')
        .selectAll('audit_events')
        .select('units.name as unit_name')
        .$if(page.cursor !== undefined, (q) => q.where('audit_events.id', '<', page.cursor!))
        .orderBy('audit_events.id', 'desc')
        .limit(page.limit)
        .$if(!!page.offset, (q) => q.offset(page.offset!))
        .execute();
    },

    /** How many events match the filters within the scope. */
    async count(scope: Scope, f: AuditFilters): Promise<number> {
      const row = await matching(scope, f)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
