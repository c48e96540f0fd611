// The units tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  kind: string;
  region_code: string | null;
  /** Materialised path of ids, e.g. "/1/4/": a subtree is `path LIKE '/1/4/%'`. */
  path: string;
  depth: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** The tables this feature adds to the database. */
export interface UnitTables {
  units: UnitTable;
}
