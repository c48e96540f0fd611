import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Ledger imports (台账导入): the record of each import (who, when, file, mapping, counts, status), the
 * uploaded file itself in chunks, the problems its last check found, and each unit's saved column
 * mapping. The file lives in the database, not on one server's disk, so any server behind a load
 * balancer can run the next step of an import and a backup holds it; it is deleted once committed.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const pathType = pg ? sql`varchar(400) collate "C"` : sql`varchar(400)`;
  const table = db.schema.createTable('imports');
  await (
    pg
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // The unit's path when the import was made: imports are read with the same subtree scope as projects.
    .addColumn('unit_path', pathType, (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('file_kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('sheet', 'varchar(100)')
    // The detected header (rows, columns, unit note, sheets) and the mapping in force, as JSON.
    .addColumn('header_json', 'text')
    .addColumn('mapping_json', 'text')
    // Rows read, to create, to update, unchanged, skipped, with errors — of the last check or the commit.
    .addColumn('counts_json', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'varchar(500)')
    .addColumn('progress_json', 'text')
    .addColumn('created_by_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('committed_at', 'varchar(30)')
    // Refreshed while a step runs: a running step whose heartbeat stops was interrupted (a restart).
    .addColumn('heartbeat_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('imports_unit').on('imports').columns(['unit_path', 'id']).execute();

  await db.schema
    .createTable('import_files')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_files_pk', ['import_id', 'seq'])
    .execute();

  await db.schema
    .createTable('import_errors')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('cell', 'varchar(12)', (c) => c.notNull())
    .addColumn('column_header', 'varchar(200)', (c) => c.notNull())
    .addColumn('message', 'varchar(500)', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_errors_pk', ['import_id', 'seq'])
    .execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('units.id').onDelete('cascade'))
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // Rows without a project code match an existing project of the same lead unit by name.
  await db.schema.createIndex('projects_lead_name').on('projects').columns(['lead_unit_id', 'name']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('projects_lead_name').execute();
  for (const t of ['import_mappings', 'import_errors', 'import_files', 'imports'])
    await db.schema.dropTable(t).execute();
}
