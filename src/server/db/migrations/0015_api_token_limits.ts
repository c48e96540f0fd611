import type { Kysely } from 'kysely';

/** The resources a token could write on the day tokens got scopes: the writable ones of that day's matrix. */
const ALL_WRITES_0015 = [
  'unit',
  'user',
  'project',
  'report',
  'reportReview',
  'lightRules',
  'target',
  'race',
  'bulletin',
];
const DAYS_0015 = 90;

/**
 * API tokens expire and are scoped (issue 13, finding 3): expires_at, and write_scope, the JSON list of
 * the resources the token may change ([] is read-only). Tokens made before this keep what they could do
 * (every writable resource) and expire 90 days after the upgrade rather than at once, so no integration
 * stops on the day of the upgrade without warning.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'varchar(30)').execute();
  await db.schema.alterTable('api_tokens').addColumn('write_scope', 'varchar(400)').execute();
  await db
    .updateTable('api_tokens')
    .set({
      expires_at: new Date(Date.now() + DAYS_0015 * 86_400_000).toISOString(),
      write_scope: JSON.stringify(ALL_WRITES_0015),
    })
    .execute();
}
