// The users tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: number;
  /** The enterprise an enterprise account belongs to (null for every other role). */
  enterprise_id: number | null;
  is_active: number;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

/** The tables this feature adds to the database. */
export interface UserTables {
  users: UserTable;
}
