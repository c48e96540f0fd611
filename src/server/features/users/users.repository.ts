import { sql } from 'kysely';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { DB } from '../../db/schema.ts';
import { likeSafe, subtreeRange } from '../../db/fragments.ts';

type UserQuery = SelectQueryBuilder<DB, 'users' | 'units', object>;

/** Restricts a users query to what a scope reaches: the whole county, a unit subtree, or oneself. */
export function inUserScope<Q extends UserQuery>(q: Q, scope: Scope): Q {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'subtree':
      return q
        .where('units.path', '>=', subtreeRange(scope.path)[0])
        .where('units.path', '<', subtreeRange(scope.path)[1]) as Q;
    case 'self':
      return q.where('users.id', '=', scope.userId) as Q;
    case 'none':
      return q.where((eb) => eb.lit(false)) as Q;
  }
}

export function createUserRepository(db: Kysely<DB>) {
  const base = (ex: Kysely<DB>) =>
    ex
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.unit_id',
        'users.enterprise_id',
        'users.is_active',
        'users.created_at',
        'users.updated_at',
        'units.name as unit_name',
        'units.path as unit_path',
      ]);

  return {
    /** The enterprise an account is linked to: where it is registered, for the linking actor's scope. */
    findEnterprise: (id: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('enterprises').select(['id', 'unit_path']).where('id', '=', id).executeTakeFirst(),

    list: (scope: Scope, f: { unitId?: number; q?: string; limit: number }) =>
      inUserScope(base(db), scope)
        .$if(f.unitId !== undefined, (q) => q.where('users.unit_id', '=', f.unitId!))
        .$if(!!f.q, (q) =>
          q.where((eb) =>
            eb.or([
              eb('users.username', 'like', `%${likeSafe(f.q!)}%`),
              eb('users.display_name', 'like', `%${likeSafe(f.q!)}%`),
            ]),
          ),
        )
        .orderBy('units.path')
        .orderBy('users.id')
        .limit(f.limit)
        .execute(),

    findInScope: (scope: Scope, id: number, ex: Kysely<DB> = db) =>
      inUserScope(base(ex), scope).where('users.id', '=', id).executeTakeFirst(),

    findByUsername: (username: string, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('users')
        .select(['id'])
        // Case-insensitively, as the unique index users_username_lower holds them (usernames are ASCII).
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst(),

    insert: (ex: Kysely<DB>, row: Omit<DB['users'], 'id'>) =>
      ex.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow(),

    update: (ex: Kysely<DB>, id: number, patch: Partial<Omit<DB['users'], 'id' | 'username' | 'created_at'>>) =>
      ex.updateTable('users').set(patch).where('id', '=', id).execute(),
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
export type UserWithUnit = NonNullable<Awaited<ReturnType<UserRepository['findInScope']>>>;
