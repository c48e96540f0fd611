import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Enterprises and their problems (DESIGN §3.6): the registry of enterprises, their licences (证照), the
 * projects and accounts that belong to one, and the tickets (涉企问题) with every step kept as an event.
 * A ticket's deadlines are stored as instants, computed in working days when the step that starts them is
 * taken, so reading a list never consults the calendar.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const pg = dialect === 'postgres';
  const withId = (t: CreateTableBuilder<string, never>) =>
    pg
      ? t.addColumn('id', 'serial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const pathType = pg ? sql`varchar(400) collate "C"` : sql`varchar(400)`;
  const instant = 'varchar(30)';

  await withId(db.schema.createTable('enterprises'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    // The name as two spellings of it compare (brackets, spaces): the exact-name match of the owner link.
    .addColumn('name_key', 'varchar(120)', (c) => c.notNull())
    .addColumn('credit_code', 'varchar(18)', (c) => c.unique())
    .addColumn('industry_code', 'varchar(2)')
    .addColumn('scale', 'varchar(10)', (c) => c.notNull())
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // The township's path, kept in step with the unit tree like a project's: an editor's scope is one range.
    .addColumn('unit_path', pathType, (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('contacts_json', 'varchar(2000)', (c) => c.notNull().defaultTo('[]'))
    .addColumn('flags', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprises_path').on('enterprises').columns(['unit_path', 'id']).execute();
  await db.schema.createIndex('enterprises_name_key').on('enterprises').columns(['name_key']).execute();

  await withId(db.schema.createTable('licences'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('type', 'varchar(60)', (c) => c.notNull())
    .addColumn('number', 'varchar(60)', (c) => c.notNull())
    .addColumn('issuer', 'varchar(100)')
    .addColumn('valid_from', 'varchar(10)')
    .addColumn('valid_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // Those expiring soonest first, county-wide: the reminder job and the list read this.
  await db.schema.createIndex('licences_valid_to').on('licences').columns(['valid_to', 'id']).execute();
  await db.schema.createIndex('licences_enterprise').on('licences').columns(['enterprise_id']).execute();

  // The owner of a project and the enterprise of an account, when they are one.
  await db.schema
    .alterTable('projects')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .execute();
  await db.schema.createIndex('projects_enterprise').on('projects').columns(['enterprise_id']).execute();
  await db.schema
    .alterTable('users')
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .execute();

  await withId(db.schema.createTable('tickets'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'varchar(4000)', (c) => c.notNull())
    .addColumn('complexity', 'varchar(10)', (c) => c.notNull())
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('sla_profile', 'varchar(40)', (c) => c.notNull())
    .addColumn('raised_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('raised_at', instant, (c) => c.notNull())
    // Where the ticket lives for scoping: the handling unit once assigned, the enterprise's township before.
    .addColumn('unit_path', pathType, (c) => c.notNull())
    .addColumn('handling_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('accept_due_at', instant)
    .addColumn('interim_due_at', instant)
    .addColumn('close_due_at', instant)
    .addColumn('revisit_due_at', instant)
    // The earliest running deadline and its county-local date, and the ticket's colour as last computed
    // (at each step and at the daily cutoff): lists filter and sort on them without the calendar.
    .addColumn('next_due_at', instant)
    .addColumn('due_date', 'varchar(10)')
    .addColumn('light', 'varchar(10)', (c) => c.notNull().defaultTo('green'))
    .addColumn('extension_state', 'varchar(10)')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_at', instant)
    .addColumn('escalated_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('rating', 'varchar(20)')
    .addColumn('closed_at', instant)
    .addColumn('updated_at', instant, (c) => c.notNull())
    // Each step bumps it: two people taking a step at once, the second is told (409).
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('tickets_path').on('tickets').columns(['unit_path', 'state', 'id']).execute();
  await db.schema.createIndex('tickets_enterprise').on('tickets').columns(['enterprise_id', 'id']).execute();
  await db.schema.createIndex('tickets_project').on('tickets').columns(['project_id']).execute();
  await db.schema.createIndex('tickets_state').on('tickets').columns(['state', 'id']).execute();
  await db.schema.createIndex('tickets_next_due').on('tickets').columns(['next_due_at']).execute();

  await withId(db.schema.createTable('ticket_events'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('step', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('text', 'varchar(4000)', (c) => c.notNull().defaultTo(''))
    // An internal note: never shown to an enterprise account.
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data_json', 'varchar(2000)', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'id']).execute();

  // The co-units (协办单位) of a ticket: their editors handle it beside the handling unit's.
  await db.schema
    .createTable('ticket_co_units')
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('ticket_co_units_pk', ['ticket_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('ticket_co_units_unit').on('ticket_co_units').columns(['unit_id']).execute();

  // Images and PDFs attached when a problem is raised or a step taken, checked by their content.
  await withId(db.schema.createTable('ticket_attachments'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(60)', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_by_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_attachments_ticket').on('ticket_attachments').columns(['ticket_id']).execute();
}
