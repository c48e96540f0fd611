import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * A daily job's run, claimed by its key (a primary key of job_runs): the first server to claim the day's key
 * does the work; every other one, or a second call, gets false and does nothing.
 */
export async function claimJobRun(db: Kysely<DB>, key: string, at: string): Promise<boolean> {
  const res = await db
    .insertInto('job_runs')
    .values({ run_key: key, started_at: at, finished_at: null, result: null })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Records that a claimed run finished, and what it did. */
export const finishJobRun = (db: Kysely<DB>, key: string, at: string, result: string) =>
  db.updateTable('job_runs').set({ finished_at: at, result }).where('run_key', '=', key).execute();
