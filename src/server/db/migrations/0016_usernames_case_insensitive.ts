import { sql, type Kysely } from 'kysely';

/**
 * Usernames are unique whatever their case: "ADMIN" cannot be created beside "admin" (issue 13,
 * finding 10). The index holds under concurrency where a check before the insert would not. An
 * existing database that already holds two such usernames stops here, naming them, for a person to
 * rename one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const clashes = await sql<{ name: string }>`
    SELECT lower(username) AS name FROM users GROUP BY lower(username) HAVING count(*) > 1`.execute(db);
  if (clashes.rows.length)
    throw new Error(
      `Usernames that differ only in case must be renamed first: ${clashes.rows.map((r) => r.name).join(', ')}`,
    );
  await sql`CREATE UNIQUE INDEX users_username_lower ON users (lower(username))`.execute(db);
}
