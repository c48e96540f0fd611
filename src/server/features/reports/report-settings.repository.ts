import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Typed queries over the locked months; who may lock one is decided in the service. */
export function createMonthLockRepository(db: Kysely<DB>) {
  return {
    find: (year: number, month: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('report_month_locks')
        .select('year')
        .where('year', '=', year)
        .where('month', '=', month)
        .executeTakeFirst(),

    /** Newest month first. */
    list: (ex: Kysely<DB> = db) =>
      ex.selectFrom('report_month_locks').selectAll().orderBy('year', 'desc').orderBy('month', 'desc').execute(),

    insert: (ex: Kysely<DB>, row: DB['report_month_locks']) =>
      ex.insertInto('report_month_locks').values(row).execute(),
  };
}

export type MonthLockRepository = ReturnType<typeof createMonthLockRepository>;
