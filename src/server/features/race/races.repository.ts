import type { Kysely } from 'kysely';
import type { RacePeriod } from '../../../domain/race/period.ts';
import type { DB } from '../../db/schema.ts';

/** Typed queries over race definitions and the bulletins a ranking reads; decisions live in the service. */
export function createRaceRepository(db: Kysely<DB>) {
  return {
    /** When the county was set up: the root unit's creation. */
    async setupAt(ex: Kysely<DB> = db) {
      const root = await ex.selectFrom('units').select('created_at').where('parent_id', 'is', null).executeTakeFirst();
      return root?.created_at ?? null;
    },

    find: (id: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('races').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Newest first. */
    list: (ex: Kysely<DB> = db) => ex.selectFrom('races').selectAll().orderBy('id', 'desc').execute(),

    async insert(ex: Kysely<DB>, row: { name: string; definition_json: string; created_by: string; at: string }) {
      const { id } = await ex
        .insertInto('races')
        .values({
          name: row.name,
          definition_json: row.definition_json,
          created_by: row.created_by,
          created_at: row.at,
          updated_at: row.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(id);
    },

    update: (ex: Kysely<DB>, id: number, row: { name: string; definition_json: string; updated_at: string }) =>
      ex.updateTable('races').set(row).where('id', '=', id).execute(),

    remove: (ex: Kysely<DB>, id: number) => ex.deleteFrom('races').where('id', '=', id).execute(),

    async countBulletins(raceId: number, ex: Kysely<DB> = db) {
      const row = await ex
        .selectFrom('bulletins')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('race_id', '=', raceId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    findBulletin: (id: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('bulletins').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The bulletin in force for a period at an instant (or now): the newest published by then. */
    bulletinInForce(raceId: number, period: RacePeriod, asOf: string | null, ex: Kysely<DB> = db) {
      let q = ex
        .selectFrom('bulletins')
        .select(['id', 'title', 'doc_number', 'published_at', 'snapshot_json'])
        .where('race_id', '=', raceId)
        .where('year', '=', period.year)
        .where('period_kind', '=', period.kind)
        .where('period_index', '=', period.index);
      if (asOf !== null) q = q.where('published_at', '<=', asOf);
      return q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    },

    /** The bulletins of a race's year and period kind published by `asOf` (or now), by period then publication. */
    publishedInYear(raceId: number, period: RacePeriod, asOf: string | null, ex: Kysely<DB> = db) {
      let q = ex
        .selectFrom('bulletins')
        .select(['id', 'period_index', 'snapshot_json', 'published_at'])
        .where('race_id', '=', raceId)
        .where('year', '=', period.year)
        .where('period_kind', '=', period.kind);
      if (asOf) q = q.where('published_at', '<=', asOf);
      return q.orderBy('period_index').orderBy('published_at').orderBy('id').execute();
    },
  };
}

export type RaceRepository = ReturnType<typeof createRaceRepository>;
