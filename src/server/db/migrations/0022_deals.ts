import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Investment attraction (招商, DESIGN §3.7): the teams (招商小分队) and their members, the deals from a lead to
 * a landed project with every move kept as an event, the teams' activity log (周日志), the funds in place
 * (到位资金) recorded against a deal, and the target enterprises (头部企业) per chain and link. The county's
 * chains, source regions, kinds, tiers and clocks are settings (one JSON value), not tables.
 *
 * A deal's dates are county-local dates ('YYYY-MM-DD'); instants (created_at, an event's at) are UTC ISO text.
 * A signed deal converts into a project once: deals.project_id is unique.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const withId = (t: CreateTableBuilder<string, never>) =>
    pg
      ? t.addColumn('id', 'serial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const pathType = pg ? sql`varchar(400) collate "C"` : sql`varchar(400)`;
  const money = pg ? 'bigint' : 'integer';
  const instant = 'varchar(30)';
  const date = 'varchar(10)';

  await withId(db.schema.createTable('deal_teams'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', pathType, (c) => c.notNull())
    .addColumn('leader_name', 'varchar(60)')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deal_team_members')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('deal_teams.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('deal_team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('deal_team_members_user').on('deal_team_members').columns(['user_id']).execute();

  await withId(db.schema.createTable('deal_targets'))
    .addColumn('chain_key', 'varchar(40)', (c) => c.notNull())
    .addColumn('link_key', 'varchar(40)')
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('credit_code', 'varchar(18)')
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('hq_region', 'varchar(60)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', pathType, (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deal_targets_chain')
    .on('deal_targets')
    .columns(['chain_key', 'link_key', 'id'])
    .execute();

  await withId(db.schema.createTable('deals'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('investor_name', 'varchar(120)')
    .addColumn('investor_credit_code', 'varchar(18)')
    .addColumn('investor_listing', 'varchar(20)', (c) => c.notNull().defaultTo('unlisted'))
    .addColumn('investor_hq_region', 'varchar(60)')
    .addColumn('source_region', 'varchar(40)', (c) => c.notNull())
    .addColumn('chain_key', 'varchar(40)')
    .addColumn('link_key', 'varchar(40)')
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('intended_investment', money, (c) => c.notNull())
    // The responsible unit (牵头单位) and its path, kept in step with the unit tree: a township's scope is one range.
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', pathType, (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.references('deal_teams.id'))
    .addColumn('patron_leader', 'varchar(60)')
    .addColumn('target_id', 'integer', (c) => c.references('deal_targets.id'))
    // Where it would land, for the map: a township, and coordinates when known.
    .addColumn('township_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('longitude', 'real')
    .addColumn('latitude', 'real')
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('stage_entered_on', date, (c) => c.notNull())
    .addColumn('shelved_from', 'varchar(20)')
    .addColumn('exit_reason', 'varchar(500)')
    .addColumn('signed_on', date)
    .addColumn('signed_amount', money)
    .addColumn('landed_on', date)
    .addColumn('terminated_on', date)
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').unique())
    // The activity log's first and latest dates, and the lead clock's colour and next due date as last
    // computed (at each change and at the daily cutoff): the kanban and lists read them without the calendar.
    .addColumn('first_activity_on', date)
    .addColumn('last_activity_on', date)
    .addColumn('next_due_on', date)
    .addColumn('light', 'varchar(10)', (c) => c.notNull().defaultTo('green'))
    .addColumn('funds_in_place', money, (c) => c.notNull().defaultTo(0))
    .addColumn('created_on', date, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    // Each change bumps it: two people moving one deal at once, the second is told (409).
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The kanban and the lists: a unit's deals by stage, newest first; a team's; the county's by stage.
  await db.schema.createIndex('deals_path').on('deals').columns(['unit_path', 'stage', 'id']).execute();
  await db.schema.createIndex('deals_team').on('deals').columns(['team_id', 'stage', 'id']).execute();
  await db.schema.createIndex('deals_stage').on('deals').columns(['stage', 'id']).execute();
  await db.schema.createIndex('deals_signed').on('deals').columns(['signed_on']).execute();
  await db.schema.createIndex('deals_target').on('deals').columns(['target_id']).execute();

  // Every move, edit, conversion and funds record of a deal: who, when, what it became (data_json.after).
  await withId(db.schema.createTable('deal_events'))
    .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('step', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_stage', 'varchar(20)')
    .addColumn('to_stage', 'varchar(20)')
    .addColumn('on_date', date, (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('text', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
    .addColumn('data_json', 'varchar(2000)', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('deal_events_deal').on('deal_events').columns(['deal_id', 'id']).execute();

  // 周日志: visits, calls, talks and receptions, each dated, with who attended.
  await withId(db.schema.createTable('deal_activities'))
    .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.references('deal_teams.id'))
    .addColumn('on_date', date, (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('attendees', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'varchar(2000)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_activities_deal').on('deal_activities').columns(['deal_id', 'on_date']).execute();
  await db.schema.createIndex('deal_activities_team').on('deal_activities').columns(['team_id', 'on_date']).execute();

  // 到位资金: money arrived for a deal, dated; the race sums it per period.
  await withId(db.schema.createTable('deal_funds'))
    .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('on_date', date, (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('note', 'varchar(300)')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_funds_deal').on('deal_funds').columns(['deal_id', 'on_date']).execute();
}

export async function down(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  for (const table of [
    'deal_funds',
    'deal_activities',
    'deal_events',
    'deals',
    'deal_targets',
    'deal_team_members',
    'deal_teams',
  ])
    await db.schema.dropTable(table).execute();
}
