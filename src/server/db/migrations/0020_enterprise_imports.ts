import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Enterprise ledgers (企业名录) beside project and report ledgers: the kind of ledger an import reads,
 * and a saved mapping's, was sized for 'projects' and 'reports' (ten characters); 'enterprises' needs
 * eleven. SQLite does not enforce a varchar's length, so only PostgreSQL widens the columns.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`ALTER TABLE imports ALTER COLUMN ledger TYPE varchar(20)`.execute(db);
  await sql`ALTER TABLE import_mappings ALTER COLUMN ledger TYPE varchar(20)`.execute(db);
}

export async function down(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`DELETE FROM import_mappings WHERE ledger = 'enterprises'`.execute(db);
  await sql`ALTER TABLE import_mappings ALTER COLUMN ledger TYPE varchar(10)`.execute(db);
  await sql`UPDATE imports SET ledger = 'projects' WHERE ledger = 'enterprises'`.execute(db);
  await sql`ALTER TABLE imports ALTER COLUMN ledger TYPE varchar(10)`.execute(db);
}
