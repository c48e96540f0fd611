import type { CreateTableBuilder, Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Reminders and the channels they travel by (DESIGN §3.10): the key of every reminder written (a licence's
 * 30-day reminder, a ticket's deadline), so that a day's job writes each once however many servers run it;
 * each person's choice of events and channels with their e-mail address; and the log of every delivery
 * the administrator reads.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const withId = (t: CreateTableBuilder<string, never>) =>
    pg
      ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await db.schema
    .createTable('reminder_keys')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email', 'varchar(200)')
    // { "<event>": ["email", "webhook", …] }: the channels each event reaches the person by.
    .addColumn('events_json', 'varchar(2000)', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('notification_deliveries'))
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('event', 'varchar(40)', (c) => c.notNull())
    .addColumn('key', 'varchar(200)', (c) => c.notNull())
    .addColumn('recipient_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('error', 'varchar(500)')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_deliveries_at').on('notification_deliveries').columns(['id']).execute();
}
