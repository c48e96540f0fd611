import type { Kysely } from 'kysely';

/**
 * A check's problems in English beside the Chinese, for readers who ask for English (Accept-Language):
 * the deal ledger's checks word every problem in both languages; older kinds' problems have none, and a
 * reader asking for English gets their Chinese.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_errors').addColumn('message_en', 'varchar(500)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_errors').dropColumn('message_en').execute();
}
