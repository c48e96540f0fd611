import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Typed queries the demo needs besides the services it replays through. */
export function createDemoRepository(db: Kysely<DB>) {
  return {
    /** A person and their unit, to act as them in the replay. */
    findUserWithUnit: (username: string, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('users')
        .innerJoin('units', 'units.id', 'users.unit_id')
        .select([
          'users.id',
          'users.role',
          'users.display_name',
          'users.enterprise_id',
          'units.path',
          'units.name',
          'units.id as unit_id',
        ])
        .where('users.username', '=', username)
        .executeTakeFirstOrThrow(),
    /** A ticket's version, as the person taking its next step sees it (a cutoff may have escalated it meanwhile). */
    ticketVersion: async (id: number) =>
      (await db.selectFrom('tickets').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    /**
     * Fresh planner statistics after the year's load: a new database has none, and PostgreSQL then plans the
     * as-of reads of the history tables (anti-joins on light_history, project_versions) as nested loops
     * over everything, 100 times slower than with statistics (77 ms against 0.7 ms for one month's lights).
     */
    refreshStatistics: async () => void (await sql`ANALYZE`.execute(db)),
  };
}

export type DemoRepository = ReturnType<typeof createDemoRepository>;
