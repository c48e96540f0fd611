import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { tokenPolicy } from '../../policies/token.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { TokenRepository } from './tokens.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { ApiToken, CreatedToken } from '../../../contract/tokens.ts';
import { newToken, sha256 } from '../session/session.service.ts';

/** API tokens for integrations: each acts as the person who made it, with the same scope. */
export function createTokenService({
  db,
  tokens,
  audit,
  clock,
}: {
  db: Kysely<DB>;
  tokens: TokenRepository;
  audit: AuditLog;
  clock: Clock;
}) {
  return {
    async list(actor: ActorContext): Promise<ApiToken[]> {
      if (!tokenPolicy.mayUse(actor)) throw forbidden();
      const rows = await tokens.listLive(actor.id);
      return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
    },

    async create(actor: ActorContext, name: string, ip: string | null): Promise<CreatedToken> {
      if (!tokenPolicy.mayUse(actor)) throw forbidden();
      const token = `lnt_${newToken()}`;
      const at = clock().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await tokens.insert(trx, { userId: actor.id, name, tokenHash: sha256(token), at });
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
        const row = await tokens.findLive(actor.id, id, trx);
        if (!row) throw notFound('token');
        await tokens.revoke(trx, id, clock().toISOString());
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
