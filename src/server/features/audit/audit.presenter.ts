import type { Selectable } from 'kysely';
import type { AuditEvent } from '../../../contract/audit.ts';
import type { AuditEventTable } from '../../db/schema.ts';

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

export function presentAuditEvent(e: Selectable<AuditEventTable>): AuditEvent {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actor_id,
    actorName: e.actor_name,
    action: e.action,
    objectType: e.object_type,
    objectId: e.object_id,
    summary: e.summary,
    before: parse(e.before_json),
    after: parse(e.after_json),
  };
}
