import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Typed queries over API tokens; who may use them is decided in the service. */
export function createTokenRepository(db: Kysely<DB>) {
  /** A person's tokens that are not revoked (expired ones are listed, with their expiry, until revoked). */
  const liveOf = (userId: number, ex: Kysely<DB>) =>
    ex.selectFrom('api_tokens').where('user_id', '=', userId).where('revoked_at', 'is', null);

  return {
    listLive: (userId: number, ex: Kysely<DB> = db) =>
      liveOf(userId, ex)
        .select(['id', 'name', 'created_at', 'last_used_at', 'expires_at', 'write_scope'])
        .orderBy('id')
        .execute(),

    findLive: (userId: number, id: number, ex: Kysely<DB> = db) =>
      liveOf(userId, ex).select(['id', 'name']).where('id', '=', id).executeTakeFirst(),

    /** Stores only the token's hash; the token itself is shown once. */
    async insert(
      ex: Kysely<DB>,
      row: { userId: number; name: string; tokenHash: string; at: string; expiresAt: string; writes: string[] },
    ) {
      const { id } = await ex
        .insertInto('api_tokens')
        .values({
          user_id: row.userId,
          name: row.name,
          token_hash: row.tokenHash,
          created_at: row.at,
          last_used_at: null,
          revoked_at: null,
          expires_at: row.expiresAt,
          write_scope: JSON.stringify(row.writes),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    revoke: (ex: Kysely<DB>, id: number, at: string) =>
      ex.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute(),
  };
}

export type TokenRepository = ReturnType<typeof createTokenRepository>;
