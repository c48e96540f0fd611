// The audit tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string;
  /** Path of the unit the object belongs to, so that audit reads can be scoped like the object. */
  unit_path: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

/** The tables this feature adds to the database. */
export interface AuditTables {
  audit_events: AuditEventTable;
}
