// The tokens tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Null only between 0015's columns and its backfill; every token has one. */
  expires_at: string | null;
  /** JSON list of the resources the token may change; [] is read-only. */
  write_scope: string | null;
}

/** The tables this feature adds to the database. */
export interface TokenTables {
  api_tokens: ApiTokenTable;
}
