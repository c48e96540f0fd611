import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The settings table: one JSON value per key (setup, the reporting calendar, the demo's accounts). */
export function createSettingsRepository(db: Kysely<DB>) {
  return {
    /** The stored JSON text of a key, or undefined when it was never written. */
    async find(key: string, ex: Kysely<DB> = db) {
      const row = await ex.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },

    /** Writes a key once; the primary key makes a second write fail (setup relies on it). */
    insert: (ex: Kysely<DB>, key: string, value: string, at: string) =>
      ex.insertInto('settings').values({ key, value, updated_at: at }).execute(),

    /** Writes a key, replacing what it held. */
    put: (ex: Kysely<DB>, key: string, value: string, at: string) =>
      ex
        .insertInto('settings')
        .values({ key, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
        .execute(),
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
