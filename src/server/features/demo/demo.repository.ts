import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Typed queries the demo needs besides the services it replays through. */
export function createDemoRepository(db: Kysely<DB>) {
  return {
    /** A person and their unit, to act as them in the replay. */
    findUserWithUnit: (username: string, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('users')
        .innerJoin('units', 'units.id', 'users.unit_id')
        .select(['users.id', 'users.role', 'users.display_name', 'units.path', 'units.name', 'units.id as unit_id'])
        .where('users.username', '=', username)
        .executeTakeFirstOrThrow(),
  };
}

export type DemoRepository = ReturnType<typeof createDemoRepository>;
