import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/** The project library: projects, their tags, annual plans and stage history. */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const withId = (t: CreateTableBuilder<string, never>) =>
    pg
      ? t.addColumn('id', 'serial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const pathType = pg ? sql`varchar(400) collate "C"` : sql`varchar(400)`;
  // Money is integer 元: bigint on PostgreSQL; SQLite integers are 64-bit already.
  const money = pg ? 'bigint' : 'integer';
  const date = 'varchar(10)';

  let projects = withId(db.schema.createTable('projects'))
    .addColumn('code', 'varchar(24)', (c) => c.unique())
    .addColumn('internal_no', 'varchar(40)')
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('name_initials', 'varchar(120)', (c) => c.notNull())
    .addColumn('nature', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('industry_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('industry_section', 'varchar(1)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)')
    .addColumn('investment_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('approval_mode', 'varchar(20)', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // The lead unit's path, kept in step with the unit tree: scoping and subtree filters are one range.
    .addColumn('unit_path', pathType, (c) => c.notNull())
    .addColumn('township_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('owner_name', 'varchar(120)')
    .addColumn('owner_credit_code', 'varchar(18)')
    .addColumn('patron_leader', 'varchar(60)')
    .addColumn('contact', 'varchar(120)')
    .addColumn('address', 'varchar(200)')
    .addColumn('longitude', 'double precision')
    .addColumn('latitude', 'double precision')
    .addColumn('land_area_centimu', 'integer')
    .addColumn('total_investment', money, (c) => c.notNull())
    .addColumn('fixed_asset_investment', money)
    .addColumn('is_above_yi', 'integer', (c) => c.notNull())
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('stage_changed_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('tags', 'varchar(400)', (c) => c.notNull().defaultTo(''));
  for (const m of ['sign', 'start', 'completion', 'production', 'capacity']) {
    projects = projects.addColumn(`planned_${m}_date`, date).addColumn(`actual_${m}_date`, date);
  }
  // The years of the planned start and production, derived and stored: the start and production lists
  // are then an equality that an index (year, id) serves in keyset order.
  await projects
    .addColumn('planned_start_year', 'integer')
    .addColumn('planned_production_year', 'integer')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // Indexes for the list's common filters, each ending in id so keyset pages read in index order.
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('projects').columns(columns).execute();
  await index('projects_unit', ['unit_path', 'id']);
  await index('projects_stage', ['stage', 'id']);
  await index('projects_planned_start', ['planned_start_date', 'id']);
  await index('projects_planned_production', ['planned_production_date', 'id']);
  await index('projects_start_year', ['planned_start_year', 'id']);
  await index('projects_production_year', ['planned_production_year', 'id']);
  await index('projects_investment', ['total_investment', 'id']);
  await index('projects_industry', ['industry_code', 'id']);
  await index('projects_updated', ['updated_at', 'id']);

  await db.schema
    .createTable('project_tags')
    .addColumn('tag', 'varchar(30)', (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('project_tags_pk', ['tag', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_annual_plans')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('monthly_curve', 'text')
    .addPrimaryKeyConstraint('project_annual_plans_pk', ['project_id', 'year'])
    .execute();

  await withId(db.schema.createTable('project_stage_changes'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('from_stage', 'varchar(20)')
    .addColumn('to_stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_stage_changes_project')
    .on('project_stage_changes')
    .columns(['project_id', 'id'])
    .execute();
}
