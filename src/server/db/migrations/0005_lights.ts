import type { CreateTableBuilder, Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/** Versioned light rules, computed lights (current and each month's final), exemptions, job locks. */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const withId = (t: CreateTableBuilder<string, never>) =>
    pg
      ? t.addColumn('id', 'serial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await db.schema
    .createTable('light_rule_sets')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('project_lights')
    .addColumn('project_id', 'integer', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('colour', 'varchar(8)', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('exempted_json', 'text', (c) => c.notNull())
    .addColumn('rule_set_version', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_lights_colour').on('project_lights').columns(['colour', 'project_id']).execute();

  await db.schema
    .createTable('project_light_months')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('colour', 'varchar(8)', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('rule_set_version', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_light_months_pk', ['project_id', 'year', 'month'])
    .execute();

  await withId(db.schema.createTable('light_exemptions'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('dimension', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('approver', 'varchar(60)', (c) => c.notNull())
    .addColumn('until', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('light_exemptions_project').on('light_exemptions').column('project_id').execute();

  // A job runs once per key (e.g. "cutoff:2026-11-23"), however many servers try: the insert of its row is the lock.
  await db.schema
    .createTable('job_runs')
    .addColumn('run_key', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .addColumn('result', 'varchar(400)')
    .execute();
}
