import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Tickets read at volume (100,000 open across 2,700 units): a township's lists and inbox filter on state,
 * deadline and raiser, so its index carries them and the rows are read from the index alone (PostgreSQL's
 * index-only scan, SQLite's covering index); the county's open tickets sort by deadline; the board's figures
 * (extensions asked, escalated, closed this month, rated) are each counted from an index; a raiser's own
 * tickets are found by the raiser.
 */
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.dropIndex('tickets_path').execute();
  await db.schema
    .createIndex('tickets_path')
    .on('tickets')
    .columns(['unit_path', 'state', 'next_due_at', 'raised_by', 'id'])
    .execute();
  await db.schema.dropIndex('tickets_state').execute();
  await db.schema.createIndex('tickets_state').on('tickets').columns(['state', 'next_due_at', 'id']).execute();
  await db.schema.createIndex('tickets_extension').on('tickets').columns(['extension_state', 'state']).execute();
  await db.schema.createIndex('tickets_escalated').on('tickets').columns(['state', 'escalated_at']).execute();
  await db.schema.createIndex('tickets_closed').on('tickets').columns(['state', 'closed_at']).execute();
  await db.schema.createIndex('tickets_rating').on('tickets').columns(['rating']).execute();
  // One's own tickets, wherever they went: the raiser follows them and rates the answer.
  await db.schema.createIndex('tickets_raiser').on('tickets').columns(['raised_by', 'state']).execute();
}

export async function down(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  for (const name of ['tickets_raiser', 'tickets_rating', 'tickets_closed', 'tickets_escalated', 'tickets_extension'])
    await db.schema.dropIndex(name).execute();
  await db.schema.dropIndex('tickets_state').execute();
  await db.schema.createIndex('tickets_state').on('tickets').columns(['state', 'id']).execute();
  await db.schema.dropIndex('tickets_path').execute();
  await db.schema.createIndex('tickets_path').on('tickets').columns(['unit_path', 'state', 'id']).execute();
}
