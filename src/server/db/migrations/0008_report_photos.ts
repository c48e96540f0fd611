import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Site photos of monthly reports (现场照片). The pictures live in the database, not on a disk, so that
 * several servers over one PostgreSQL share them and a backup of the database holds everything.
 * Each row belongs to one report revision; a correction starts with copies of its predecessor's rows.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const table = db.schema.createTable('report_photos');
  await (
    pg
      ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('report_id', 'integer', (c) => c.notNull().references('monthly_reports.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('caption', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    // The photo: upright, without metadata, at most 2048 px on the long side, JPEG.
    .addColumn('photo', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    // The thumbnail: at most 320 px on the long side, JPEG.
    .addColumn('thumb', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('thumb_width', 'integer', (c) => c.notNull())
    .addColumn('thumb_height', 'integer', (c) => c.notNull())
    .addColumn('thumb_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_by_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_photos_report').on('report_photos').columns(['report_id', 'id']).execute();
}
