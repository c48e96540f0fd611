import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The signed-in person as every request sees it: the user joined with their unit. */
export interface SessionUserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  unit_id: number;
  unit_name: string;
  unit_path: string;
  enterprise_id: number | null;
  is_active: number;
  locale: string | null;
}

export function createSessionRepository(db: Kysely<DB>) {
  const userWithUnit = () =>
    db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.unit_id',
        'units.name as unit_name',
        'units.path as unit_path',
        'users.enterprise_id',
        'users.is_active',
        'users.locale',
      ]);

  return {
    findUserForLogin: (username: string) =>
      db
        .selectFrom('users')
        .select(['id', 'password_hash', 'is_active'])
        .where('username', '=', username)
        .executeTakeFirst(),

    findUserById: (id: number): Promise<SessionUserRow | undefined> =>
      userWithUnit().where('users.id', '=', id).executeTakeFirst(),

    findSession: (tokenHash: string) =>
      db
        .selectFrom('sessions')
        .select(['token_hash', 'user_id', 'csrf_token', 'created_at', 'expires_at', 'last_seen_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst(),

    insertSession: (row: DB['sessions']) => db.insertInto('sessions').values(row).execute(),

    touchSession: (tokenHash: string, lastSeenAt: string, expiresAt: string) =>
      db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('token_hash', '=', tokenHash)
        .execute(),

    deleteSession: (tokenHash: string) => db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute(),

    deleteExpiredSessions: (now: string) => db.deleteFrom('sessions').where('expires_at', '<', now).execute(),

    deleteSessionsOfUser: (userId: number, ex: Kysely<DB> = db) =>
      ex.deleteFrom('sessions').where('user_id', '=', userId).execute(),

    /** A token in force: not revoked and not expired at `now`. */
    findApiToken: (tokenHash: string, now: string) =>
      db
        .selectFrom('api_tokens')
        .select(['id', 'user_id', 'last_used_at', 'write_scope'])
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst(),

    /** Ends a person's tokens: their password was reset or changed, their role or unit changed, or they left. */
    revokeApiTokensOfUser: (userId: number, at: string, ex: Kysely<DB> = db) =>
      ex
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute(),

    markApiTokenUsed: (id: number, at: string) =>
      db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute(),

    /**
     * Writes a sign-in attempt before its password is checked. Counted with `countAttempts` after its own
     * insert has committed, every attempt sees itself and all that committed before it, so of N concurrent
     * attempts at most the limit's number find themselves within it.
     */
    reserveAttempt: (username: string, ip: string, at: string) =>
      db.insertInto('login_failures').values({ username, ip, at }).execute(),

    /** Attempts since `since` of this (username, address) pair, and of the address for any username. */
    async countAttempts(username: string, ip: string, since: string) {
      const [byPair, byIp] = await Promise.all([
        db
          .selectFrom('login_failures')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('username', '=', username)
          .where('ip', '=', ip)
          .where('at', '>=', since)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('login_failures')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('ip', '=', ip)
          .where('at', '>=', since)
          .executeTakeFirstOrThrow(),
      ]);
      return { byPair: Number(byPair.n), byIp: Number(byIp.n) };
    },

    pruneAttempts: (before: string) => db.deleteFrom('login_failures').where('at', '<', before).execute(),

    /** A successful sign-in forgets its pair's attempts; other addresses' attempts at the username stay. */
    clearAttempts: (username: string, ip: string) =>
      db.deleteFrom('login_failures').where('username', '=', username).where('ip', '=', ip).execute(),
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
