import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Imports of monthly-report ledgers beside project ledgers: each import records which kind of
 * ledger it reads and its options (the state imported reports take), and a unit keeps one saved
 * column mapping per kind. Existing imports and mappings are of project ledgers.
 */
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .alterTable('imports')
    .addColumn('ledger', 'varchar(10)', (c) => c.notNull().defaultTo('projects'))
    .execute();
  await db.schema.alterTable('imports').addColumn('options_json', 'text').execute();

  await db.schema
    .createTable('import_mappings_by_kind')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('ledger', 'varchar(10)', (c) => c.notNull())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_by_kind_pk', ['unit_id', 'ledger'])
    .execute();
  await db
    .insertInto('import_mappings_by_kind')
    .columns(['unit_id', 'ledger', 'mapping_json', 'updated_by', 'updated_at'])
    .expression(
      db
        .selectFrom('import_mappings')
        .select(['unit_id', (eb) => eb.val('projects').as('ledger'), 'mapping_json', 'updated_by', 'updated_at']),
    )
    .execute();
  await db.schema.dropTable('import_mappings').execute();
  await db.schema.alterTable('import_mappings_by_kind').renameTo('import_mappings').execute();

  // Rows without a code find their project by name: a report ledger's under any unit of a subtree (name
  // first, so that it needs no list of units), a project ledger's by (lead unit, name) pairs.
  await db.schema.dropIndex('projects_lead_name').execute();
  await db.schema.createIndex('projects_name_lead').on('projects').columns(['name', 'lead_unit_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('projects_name_lead').execute();
  await db.schema.createIndex('projects_lead_name').on('projects').columns(['lead_unit_id', 'name']).execute();
  await db.schema.alterTable('imports').dropColumn('options_json').execute();
  await db.schema.alterTable('imports').dropColumn('ledger').execute();
}
