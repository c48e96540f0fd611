import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Immutable history, so that every published figure can be computed again "as of" the moment it was
 * published (DESIGN §3.12a): the race-relevant facts of each project, annual plans, targets, entered
 * statistics and race definitions, each as a row per version with the time it took effect; and each
 * project's light per assessed month, one row per change. Approved report revisions already carry
 * their approval time (monthly_reports.reviewed_at) and rule sets their version.
 *
 * The versions of the mutable tables are written by triggers, not by the services: every write path
 * (forms, bulk imports, the demo, SQL by hand) then leaves history, and none can forget to. A version
 * takes effect at the row's own updated_at (set from the injected clock); a deletion, which leaves no
 * row to carry a time, at the owning project's updated_at or else the database's clock.
 * History tables have no foreign keys: a deleted project's past stays countable.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const withId = (t: CreateTableBuilder<string, never>) =>
    pg
      ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const money = pg ? 'bigint' : 'integer';
  const amount = pg ? 'double precision' : 'real';
  const at = (c: string) => (b: CreateTableBuilder<string, never>) =>
    b.addColumn(c, 'varchar(30)', (col) => col.notNull());

  await at('valid_from')(withId(db.schema.createTable('project_versions')))
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(200)', (c) => c.notNull())
    .addColumn('stage', 'varchar(20)', (c) => c.notNull())
    .addColumn('total_investment', money, (c) => c.notNull())
    .addColumn('planned_start_date', 'varchar(10)')
    .addColumn('actual_start_date', 'varchar(10)')
    .execute();
  await db.schema
    .createIndex('project_versions_at')
    .on('project_versions')
    .columns(['project_id', 'valid_from'])
    .execute();

  await at('valid_from')(withId(db.schema.createTable('plan_versions')))
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // null: the plan was removed
    .addColumn('amount', money)
    .execute();
  await db.schema
    .createIndex('plan_versions_at')
    .on('plan_versions')
    .columns(['year', 'project_id', 'valid_from'])
    .execute();

  await at('valid_from')(withId(db.schema.createTable('target_versions')))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', amount)
    .execute();
  await db.schema
    .createIndex('target_versions_at')
    .on('target_versions')
    .columns(['year', 'indicator', 'unit_id', 'valid_from'])
    .execute();

  await at('valid_from')(withId(db.schema.createTable('indicator_value_versions')))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'varchar(40)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('value', amount)
    .execute();
  await db.schema
    .createIndex('indicator_value_versions_at')
    .on('indicator_value_versions')
    .columns(['indicator', 'year', 'month', 'unit_id', 'valid_from'])
    .execute();

  await at('valid_from')(withId(db.schema.createTable('race_versions')))
    .addColumn('race_id', 'integer', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('race_versions_at').on('race_versions').columns(['race_id', 'valid_from']).execute();

  // One row each time a project's light for an assessed month changes (colour, reasons or rule set).
  await at('at')(withId(db.schema.createTable('light_history')))
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('colour', 'varchar(8)', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('rule_set_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('light_history_month')
    .on('light_history')
    .columns(['year', 'month', 'project_id', 'at'])
    .execute();

  for (const statement of pg ? postgresTriggers() : sqliteTriggers()) await sql.raw(statement).execute(db);

  // What is stored today becomes the first version of everything.
  await sql`INSERT INTO project_versions (project_id, valid_from, lead_unit_id, unit_path, stage, total_investment, planned_start_date, actual_start_date)
    SELECT id, created_at, lead_unit_id, unit_path, stage, total_investment, planned_start_date, actual_start_date FROM projects`.execute(
    db,
  );
  await sql`INSERT INTO plan_versions (project_id, year, amount, valid_from) SELECT a.project_id, a.year, a.amount, p.created_at FROM project_annual_plans a JOIN projects p ON p.id = a.project_id`.execute(
    db,
  );
  await sql`INSERT INTO target_versions (unit_id, year, indicator, value, valid_from) SELECT unit_id, year, indicator, value, updated_at FROM targets`.execute(
    db,
  );
  await sql`INSERT INTO indicator_value_versions (unit_id, indicator, year, month, value, valid_from) SELECT unit_id, indicator, year, month, value, updated_at FROM indicator_values`.execute(
    db,
  );
  await sql`INSERT INTO race_versions (race_id, definition_json, valid_from) SELECT id, definition_json, created_at FROM races`.execute(
    db,
  );
  await sql`INSERT INTO light_history (project_id, year, month, colour, findings_json, rule_set_version, at)
    SELECT project_id, year, month, colour, findings_json, rule_set_version, computed_at FROM project_light_months`.execute(
    db,
  );
  await sql`INSERT INTO light_history (project_id, year, month, colour, findings_json, rule_set_version, at)
    SELECT l.project_id, l.year, l.month, l.colour, l.findings_json, l.rule_set_version, l.computed_at FROM project_lights l
    WHERE NOT EXISTS (SELECT 1 FROM project_light_months m WHERE m.project_id = l.project_id AND m.year = l.year AND m.month = l.month)`.execute(
    db,
  );
  // project_light_months now holds the latest light of every assessed month, not only the cutoff's.
  await sql`INSERT INTO project_light_months (project_id, year, month, colour, findings_json, rule_set_version, computed_at)
    SELECT l.project_id, l.year, l.month, l.colour, l.findings_json, l.rule_set_version, l.computed_at FROM project_lights l
    WHERE NOT EXISTS (SELECT 1 FROM project_light_months m WHERE m.project_id = l.project_id AND m.year = l.year AND m.month = l.month)`.execute(
    db,
  );
}

const PROJECT_COLS = 'lead_unit_id, unit_path, stage, total_investment, planned_start_date, actual_start_date';
const newCols = (prefix: string) =>
  PROJECT_COLS.split(', ')
    .map((c) => `${prefix}.${c}`)
    .join(', ');
const changed = PROJECT_COLS.split(', ')
  .map((c) => `OLD.${c} IS NOT NEW.${c}`)
  .join(' OR ');
const SQLITE_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

function sqliteTriggers(): string[] {
  const projectAt = (row: string) =>
    `coalesce((SELECT updated_at FROM projects WHERE id = ${row}.project_id), ${SQLITE_NOW})`;
  return [
    `CREATE TRIGGER project_versions_insert AFTER INSERT ON projects BEGIN
       INSERT INTO project_versions (project_id, valid_from, ${PROJECT_COLS}) VALUES (NEW.id, NEW.created_at, ${newCols('NEW')}); END`,
    `CREATE TRIGGER project_versions_update AFTER UPDATE ON projects WHEN ${changed} BEGIN
       INSERT INTO project_versions (project_id, valid_from, ${PROJECT_COLS}) VALUES (NEW.id, NEW.updated_at, ${newCols('NEW')}); END`,
    `CREATE TRIGGER plan_versions_insert AFTER INSERT ON project_annual_plans BEGIN
       INSERT INTO plan_versions (project_id, year, amount, valid_from) VALUES (NEW.project_id, NEW.year, NEW.amount, ${projectAt('NEW')}); END`,
    `CREATE TRIGGER plan_versions_update AFTER UPDATE ON project_annual_plans WHEN OLD.amount IS NOT NEW.amount BEGIN
       INSERT INTO plan_versions (project_id, year, amount, valid_from) VALUES (NEW.project_id, NEW.year, NEW.amount, ${projectAt('NEW')}); END`,
    `CREATE TRIGGER plan_versions_delete AFTER DELETE ON project_annual_plans BEGIN
       INSERT INTO plan_versions (project_id, year, amount, valid_from) VALUES (OLD.project_id, OLD.year, NULL, ${projectAt('OLD')}); END`,
    `CREATE TRIGGER target_versions_write AFTER INSERT ON targets BEGIN
       INSERT INTO target_versions (unit_id, year, indicator, value, valid_from) VALUES (NEW.unit_id, NEW.year, NEW.indicator, NEW.value, NEW.updated_at); END`,
    `CREATE TRIGGER target_versions_update AFTER UPDATE ON targets BEGIN
       INSERT INTO target_versions (unit_id, year, indicator, value, valid_from) VALUES (NEW.unit_id, NEW.year, NEW.indicator, NEW.value, NEW.updated_at); END`,
    `CREATE TRIGGER target_versions_delete AFTER DELETE ON targets BEGIN
       INSERT INTO target_versions (unit_id, year, indicator, value, valid_from) VALUES (OLD.unit_id, OLD.year, OLD.indicator, NULL, ${SQLITE_NOW}); END`,
    `CREATE TRIGGER indicator_value_versions_write AFTER INSERT ON indicator_values BEGIN
       INSERT INTO indicator_value_versions (unit_id, indicator, year, month, value, valid_from) VALUES (NEW.unit_id, NEW.indicator, NEW.year, NEW.month, NEW.value, NEW.updated_at); END`,
    `CREATE TRIGGER indicator_value_versions_update AFTER UPDATE ON indicator_values BEGIN
       INSERT INTO indicator_value_versions (unit_id, indicator, year, month, value, valid_from) VALUES (NEW.unit_id, NEW.indicator, NEW.year, NEW.month, NEW.value, NEW.updated_at); END`,
    `CREATE TRIGGER indicator_value_versions_delete AFTER DELETE ON indicator_values BEGIN
       INSERT INTO indicator_value_versions (unit_id, indicator, year, month, value, valid_from) VALUES (OLD.unit_id, OLD.indicator, OLD.year, OLD.month, NULL, ${SQLITE_NOW}); END`,
    `CREATE TRIGGER race_versions_insert AFTER INSERT ON races BEGIN
       INSERT INTO race_versions (race_id, definition_json, valid_from) VALUES (NEW.id, NEW.definition_json, NEW.created_at); END`,
    `CREATE TRIGGER race_versions_update AFTER UPDATE ON races WHEN OLD.definition_json IS NOT NEW.definition_json BEGIN
       INSERT INTO race_versions (race_id, definition_json, valid_from) VALUES (NEW.id, NEW.definition_json, NEW.updated_at); END`,
  ];
}

function postgresTriggers(): string[] {
  const PG_NOW = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const changedPg = PROJECT_COLS.split(', ')
    .map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`)
    .join(' OR ');
  const fn = (name: string, body: string) =>
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`;
  const trigger = (name: string, table: string, events: string, fnName: string) =>
    `CREATE TRIGGER ${name} AFTER ${events} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fnName}()`;
  const projectAt = (row: string) =>
    `coalesce((SELECT updated_at FROM projects WHERE id = ${row}.project_id), ${PG_NOW})`;
  return [
    fn(
      'lantern_project_version',
      `
      IF TG_OP = 'INSERT' THEN
        INSERT INTO project_versions (project_id, valid_from, ${PROJECT_COLS}) VALUES (NEW.id, NEW.created_at, ${newCols('NEW')});
      ELSIF ${changedPg} THEN
        INSERT INTO project_versions (project_id, valid_from, ${PROJECT_COLS}) VALUES (NEW.id, NEW.updated_at, ${newCols('NEW')});
      END IF;`,
    ),
    trigger('project_versions_write', 'projects', 'INSERT OR UPDATE', 'lantern_project_version'),
    fn(
      'lantern_plan_version',
      `
      IF TG_OP = 'DELETE' THEN
        INSERT INTO plan_versions (project_id, year, amount, valid_from) VALUES (OLD.project_id, OLD.year, NULL, ${projectAt('OLD')});
      ELSIF TG_OP = 'INSERT' OR OLD.amount IS DISTINCT FROM NEW.amount THEN
        INSERT INTO plan_versions (project_id, year, amount, valid_from) VALUES (NEW.project_id, NEW.year, NEW.amount, ${projectAt('NEW')});
      END IF;`,
    ),
    trigger('plan_versions_write', 'project_annual_plans', 'INSERT OR UPDATE OR DELETE', 'lantern_plan_version'),
    fn(
      'lantern_target_version',
      `
      IF TG_OP = 'DELETE' THEN
        INSERT INTO target_versions (unit_id, year, indicator, value, valid_from) VALUES (OLD.unit_id, OLD.year, OLD.indicator, NULL, ${PG_NOW});
      ELSE
        INSERT INTO target_versions (unit_id, year, indicator, value, valid_from) VALUES (NEW.unit_id, NEW.year, NEW.indicator, NEW.value, NEW.updated_at);
      END IF;`,
    ),
    trigger('target_versions_write', 'targets', 'INSERT OR UPDATE OR DELETE', 'lantern_target_version'),
    fn(
      'lantern_indicator_value_version',
      `
      IF TG_OP = 'DELETE' THEN
        INSERT INTO indicator_value_versions (unit_id, indicator, year, month, value, valid_from) VALUES (OLD.unit_id, OLD.indicator, OLD.year, OLD.month, NULL, ${PG_NOW});
      ELSE
        INSERT INTO indicator_value_versions (unit_id, indicator, year, month, value, valid_from) VALUES (NEW.unit_id, NEW.indicator, NEW.year, NEW.month, NEW.value, NEW.updated_at);
      END IF;`,
    ),
    trigger(
      'indicator_value_versions_write',
      'indicator_values',
      'INSERT OR UPDATE OR DELETE',
      'lantern_indicator_value_version',
    ),
    fn(
      'lantern_race_version',
      `
      IF TG_OP = 'INSERT' THEN
        INSERT INTO race_versions (race_id, definition_json, valid_from) VALUES (NEW.id, NEW.definition_json, NEW.created_at);
      ELSIF OLD.definition_json IS DISTINCT FROM NEW.definition_json THEN
        INSERT INTO race_versions (race_id, definition_json, valid_from) VALUES (NEW.id, NEW.definition_json, NEW.updated_at);
      END IF;`,
    ),
    trigger('race_versions_write', 'races', 'INSERT OR UPDATE', 'lantern_race_version'),
  ];
}
