import type { Kysely } from 'kysely';

/**
 * Sign-in attempts are limited per (address, username) pair: an attempt is written before its password
 * is checked and counted with the others of its pair, so concurrent attempts cannot all pass the check
 * (issue 13, finding 1). The rows of 0001's login_failures serve; this index is the pair's count.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('login_failures_pair').on('login_failures').columns(['username', 'ip', 'at']).execute();
}
