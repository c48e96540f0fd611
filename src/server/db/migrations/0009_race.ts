import type { CreateTableBuilder, Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';
import { rebuildUnitStatsAsOf0009 } from './frozen-unit-stats-0009.ts';

/**
 * Targets per unit, year and indicator; the statistics Lantern cannot compute, entered per unit and
 * month; race definitions; published bulletins with the ranking frozen as it stood.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const withId = (t: CreateTableBuilder<string, never>) =>
    pg
      ? t.addColumn('id', 'serial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  // Money targets reach 10^11 元 and beyond; percentages carry decimals: a double holds both exactly enough
  // for integers up to 2^53 and is what both dialects read back as a number.
  const amount = pg ? 'double precision' : 'real';

  await db.schema
    .createTable('targets')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', amount, (c) => c.notNull())
    .addColumn('updated_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('targets_pk', ['unit_id', 'year', 'indicator'])
    .execute();

  await db.schema
    .createTable('indicator_values')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('indicator', 'varchar(40)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('value', amount, (c) => c.notNull())
    .addColumn('source', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_values_pk', ['indicator', 'year', 'month', 'unit_id'])
    .execute();

  await withId(db.schema.createTable('races'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('bulletins'))
    .addColumn('race_id', 'integer', (c) => c.notNull().references('races.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period_kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_index', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('doc_number', 'varchar(100)', (c) => c.notNull())
    .addColumn('issuer', 'varchar(100)', (c) => c.notNull())
    .addColumn('commentary', 'text', (c) => c.notNull())
    // The ranking, indicators, red projects and totals exactly as published: a bulletin never changes.
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('published_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('bulletins_period', ['race_id', 'year', 'period_kind', 'period_index'])
    .execute();

  // A new figure (startDue) joined the per-unit statistics.
  await rebuildUnitStatsAsOf0009(db, dialect);
}
