import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { tokenPolicy } from '../../policies/token.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { newToken, sha256 } from '../session/session.service.ts';

/** API tokens for integrations: each acts as the person who made it, with the same scope. */
export function createTokenService({ db, audit, clock }: { db: Kysely<DB>; audit: AuditLog; clock: Clock }) {
  const own = (actor: ActorContext) => {
    if (!tokenPolicy.mayUse(actor)) throw forbidden();
    return db.selectFrom('api_tokens').where('user_id', '=', actor.id).where('revoked_at', 'is', null);
  };

  return {
    async list(actor: ActorContext) {
      const rows = await own(actor).select(['id', 'name', 'created_at', 'last_used_at']).orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
    },

    async create(actor: ActorContext, name: string, ip: string | null) {
      if (!tokenPolicy.mayUse(actor)) throw forbidden();
      const token = `lnt_${newToken()}`;
      const at = clock().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('api_tokens')
          .values({
            user_id: actor.id,
            name,
            token_hash: sha256(token),
            created_at: at,
            last_used_at: null,
            revoked_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(
          {
            actor,
            action: 'token.create',
            objectType: 'token',
            objectId: String(id),
            unitPath: actor.unitPath,
            summary: `新建 API 令牌“${name}”`,
            after: { name },
            ip,
          },
          trx,
        );
        return id;
      });
      return { id, name, token, createdAt: at };
    },

    async revoke(actor: ActorContext, id: number, ip: string | null) {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('api_tokens')
          .select(['id', 'name'])
          .where('id', '=', id)
          .where('user_id', '=', actor.id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (!row) throw notFound('token');
        await trx.updateTable('api_tokens').set({ revoked_at: clock().toISOString() }).where('id', '=', id).execute();
        await audit.record(
          {
            actor,
            action: 'token.revoke',
            objectType: 'token',
            objectId: String(id),
            unitPath: actor.unitPath,
            summary: `吊销 API 令牌“${row.name}”`,
            ip,
          },
          trx,
        );
      });
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
