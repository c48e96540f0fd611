// The bulletins tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface BulletinTable {
  id: Generated<number>;
  race_id: number;
  year: number;
  period_kind: string;
  period_index: number;
  title: string;
  doc_number: string;
  issuer: string;
  commentary: string;
  snapshot_json: string;
  published_by: string;
  published_at: string;
  /** On a correction (更正通报): the bulletin it corrects, and why (migration 0013). */
  supersedes_id: number | null;
  correction_reason: string | null;
  /** On a corrected bulletin: the correction and when it was issued; null while the bulletin is current. */
  superseded_by_id: number | null;
  superseded_at: string | null;
}

/** The tables this feature adds to the database. */
export interface BulletinTables {
  bulletins: BulletinTable;
}
