import type { Selectable } from 'kysely';
import type { AuditEvent } from '../../../contract/audit.ts';
import type { AuditEventTable } from '../../db/schema.ts';

/** An event as the list reads it: the row and the name of its unit. */
export type AuditRow = Selectable<AuditEventTable> & { unit_name: string | null };

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

export function presentAuditEvent(e: AuditRow): AuditEvent {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actor_id,
    actorName: e.actor_name,
    action: e.action,
    objectType: e.object_type,
    objectId: e.object_id,
    unitName: e.unit_name,
    summary: e.summary,
    before: parse(e.before_json),
    after: parse(e.after_json),
  };
}
