import type { CreateTableBuilder, Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/** Monthly investment reports with revisions, and the settings they follow. */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const withId = (t: CreateTableBuilder<string, never>) =>
    pg
      ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const money = pg ? 'bigint' : 'integer';

  await withId(db.schema.createTable('monthly_reports'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    // 1 on the revision that counts: the first one until a correction is approved, then that one.
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('progress_text', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
    .addColumn('problems', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('is_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('correction_reason', 'varchar(500)')
    .addColumn('return_reason', 'varchar(500)')
    .addColumn('submitted_at', 'varchar(30)')
    .addColumn('reviewed_at', 'varchar(30)')
    .addColumn('reviewed_by', 'varchar(60)')
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('monthly_reports_revision', ['project_id', 'year', 'month', 'revision'])
    .execute();
  await db.schema
    .createIndex('monthly_reports_period')
    .on('monthly_reports')
    .columns(['year', 'month', 'project_id'])
    .execute();
}
