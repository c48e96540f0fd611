import type { Kysely } from 'kysely';

/** Months a coordinator has locked: no new filing, editing or submitting there, only corrections. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_month_locks')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('locked_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_month_locks_pk', ['year', 'month'])
    .execute();
}
