import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

const PERIOD = ['race_id', 'year', 'period_kind', 'period_index'];

/**
 * 更正通报: a published bulletin is corrected by a new bulletin of the same race and period that
 * supersedes it. The correction names the bulletin it corrects (supersedes_id) and why
 * (correction_reason); the corrected one keeps its row, text and numbers, and gets superseded_by_id and
 * superseded_at.
 *
 * A period therefore holds a chain of bulletins, of which one is current. The unique key of 0009 over
 * (race, year, period kind, period index) becomes a unique index over the current bulletin only, so two
 * coordinators publishing the same period at once are still refused by the database. The index keys on
 * superseded_at, not superseded_by_id: a correction marks its predecessor superseded first, then inserts
 * itself, then records its id on the predecessor — all in one transaction, the id being known only after
 * the insert — so at no moment are two bulletins of a period current.
 *
 * SQLite cannot drop a table's unique constraint, so there the table is rebuilt (as 0011 rebuilt
 * import_mappings); PostgreSQL drops the constraint. Both end with the same partial unique index.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  if (dialect === 'postgres') {
    await db.schema
      .alterTable('bulletins')
      .addColumn('supersedes_id', 'integer', (c) => c.references('bulletins.id'))
      .addColumn('superseded_by_id', 'integer', (c) => c.references('bulletins.id'))
      .addColumn('correction_reason', 'varchar(500)')
      .addColumn('superseded_at', 'varchar(30)')
      .execute();
    await db.schema.alterTable('bulletins').dropConstraint('bulletins_period').execute();
  } else {
    await db.schema
      .createTable('bulletins_0013')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('race_id', 'integer', (c) => c.notNull().references('races.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('period_kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('period_index', 'integer', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('doc_number', 'varchar(100)', (c) => c.notNull())
      .addColumn('issuer', 'varchar(100)', (c) => c.notNull())
      .addColumn('commentary', 'text', (c) => c.notNull())
      .addColumn('snapshot_json', 'text', (c) => c.notNull())
      .addColumn('published_by', 'varchar(60)', (c) => c.notNull())
      .addColumn('published_at', 'varchar(30)', (c) => c.notNull())
      // After the rename below these refer to the rebuilt table itself.
      .addColumn('supersedes_id', 'integer', (c) => c.references('bulletins.id'))
      .addColumn('superseded_by_id', 'integer', (c) => c.references('bulletins.id'))
      .addColumn('correction_reason', 'varchar(500)')
      .addColumn('superseded_at', 'varchar(30)')
      .execute();
    const columns = [
      'id',
      ...PERIOD,
      'title',
      'doc_number',
      'issuer',
      'commentary',
      'snapshot_json',
      'published_by',
      'published_at',
    ];
    await db
      .insertInto('bulletins_0013')
      .columns(columns)
      .expression(db.selectFrom('bulletins').select(columns))
      .execute();
    await db.schema.dropTable('bulletins').execute();
    await db.schema.alterTable('bulletins_0013').renameTo('bulletins').execute();
  }
  await db.schema
    .createIndex('bulletins_current_period')
    .on('bulletins')
    .columns(PERIOD)
    .unique()
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
}
