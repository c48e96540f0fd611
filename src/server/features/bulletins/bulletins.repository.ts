import type { Insertable, Kysely } from 'kysely';
import type { RacePeriod } from '../../../domain/race/period.ts';
import type { BulletinTable, DB } from '../../db/schema.ts';
import { bulletinRows, currentOnly, newestPeriodFirst } from './bulletin-queries.ts';

/** Typed queries over bulletins and their chains of corrections; what may be published is decided in the service. */
export function createBulletinRepository(db: Kysely<DB>) {
  return {
    /** The county: the root unit, whose name heads every bulletin. */
    region: (ex: Kysely<DB> = db) =>
      ex.selectFrom('units').select(['name', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow(),

    /** How many bulletins a year has (corrections included), for the next 文号. */
    async countInYear(year: number, ex: Kysely<DB> = db) {
      const row = await ex
        .selectFrom('bulletins')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** A bulletin with its race's name and its neighbours in the chain. */
    findRow: (id: number, ex: Kysely<DB> = db) => bulletinRows(ex).where('bulletins.id', '=', id).executeTakeFirst(),

    /** Every bulletin (of a race), superseded ones too; newest period first, a correction above what it corrects. */
    listRows(raceId?: number, ex: Kysely<DB> = db) {
      let q = newestPeriodFirst(bulletinRows(ex));
      if (raceId) q = q.where('bulletins.race_id', '=', raceId);
      return q.execute();
    },

    /** The bulletin in force for a race's period, if it has one. */
    currentOfPeriod: (raceId: number, period: RacePeriod, ex: Kysely<DB> = db) =>
      currentOnly(
        ex
          .selectFrom('bulletins')
          .select('doc_number')
          .where('race_id', '=', raceId)
          .where('year', '=', period.year)
          .where('period_kind', '=', period.kind)
          .where('period_index', '=', period.index),
      ).executeTakeFirst(),

    /** The bulletin in force of the latest period (not the latest published). */
    latestCurrent: (ex: Kysely<DB> = db) =>
      newestPeriodFirst(currentOnly(ex.selectFrom('bulletins').select(['id', 'title', 'doc_number', 'published_at'])))
        .limit(1)
        .executeTakeFirst(),

    async insert(ex: Kysely<DB>, row: Insertable<BulletinTable>) {
      const { id } = await ex.insertInto('bulletins').values(row).returning('id').executeTakeFirstOrThrow();
      return Number(id);
    },

    /** Takes a current bulletin out of the current-period index; false when it was superseded meanwhile. */
    async markSuperseded(ex: Kysely<DB>, id: number, at: string) {
      const marked = await ex
        .updateTable('bulletins')
        .set({ superseded_at: at })
        .where('id', '=', id)
        .where('superseded_at', 'is', null)
        .executeTakeFirst();
      return Number(marked.numUpdatedRows) === 1;
    },

    linkCorrection: (ex: Kysely<DB>, id: number, correctionId: number) =>
      ex.updateTable('bulletins').set({ superseded_by_id: correctionId }).where('id', '=', id).execute(),
  };
}

export type BulletinRepository = ReturnType<typeof createBulletinRepository>;
