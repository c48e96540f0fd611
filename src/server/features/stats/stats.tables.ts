// The stats tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.

/**
 * Per-unit figures kept current as projects, plans, approved reports and lights change (see
 * src/domain/stats/contribution.ts): the dashboard, the four lists and the race read these rows
 * instead of scanning every project. Year and month are 0 where a figure has none.
 */
export interface UnitStatTable {
  unit_id: number;
  year: number;
  month: number;
  metric: string;
  value: number;
}

/** The tables this feature adds to the database. */
export interface StatTables {
  unit_stats: UnitStatTable;
}
