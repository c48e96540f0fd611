import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Notices (通知): what Lantern tells one person — a 催报 reminder from the project office, a report returned
 * with its reason — shown on their pages until they mark it read. The inbox and the notification channel
 * of DESIGN §3.10 grow from this table: `kind` says what happened, `params_json` the facts of it, so that
 * each reader sees the text in their own language.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const table = db.schema.createTable('notices');
  await (
    pg
      ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('params_json', 'varchar(2000)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    .execute();
  // A person's unread notices, newest first.
  await db.schema.createIndex('notices_user').on('notices').columns(['user_id', 'read_at', 'id']).execute();
}
