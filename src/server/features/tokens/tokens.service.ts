import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { parseTokenWrites } from '../../../domain/access/token-scope.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { tokenPolicy } from '../../policies/token.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { TokenRepository } from './tokens.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { ApiToken, CreatedToken, TokenCreateBody } from '../../../contract/tokens.ts';
import { newToken, sha256 } from '../session/session.service.ts';

/**
 * API tokens for integrations: each acts as the person who made it, within its own scope (read-only
 * unless it names what it may write) and until it expires; revoked by hand, or when its owner's
 * password, role or unit changes (users.service.ts).
 */
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
  /** Tokens are managed by a signed-in person only: a token can neither list, mint nor revoke tokens. */
  function assertSignedIn(actor: ActorContext) {
    if (actor.via === 'token') throw new AppError(403, 'FORBIDDEN', 'TOKEN_MANAGES_NO_TOKENS');
    if (!tokenPolicy.mayUse(actor)) throw forbidden();
  }

  return {
    async list(actor: ActorContext): Promise<ApiToken[]> {
      assertSignedIn(actor);
      const rows = await tokens.listLive(actor.id);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        expiresAt: r.expires_at ?? r.created_at,
        writes: parseTokenWrites(r.write_scope),
      }));
    },

    async create(actor: ActorContext, body: TokenCreateBody, ip: string | null): Promise<CreatedToken> {
      assertSignedIn(actor);
      const { name, expiresInDays } = body;
      const writes = [...new Set(body.writes)];
      const token = `lnt_${newToken()}`;
      const now = clock();
      const at = now.toISOString();
      const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000).toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await tokens.insert(trx, {
          userId: actor.id,
          name,
          tokenHash: sha256(token),
          at,
          expiresAt,
          writes,
        });
        await audit.record(
          {
            actor,
            action: 'token.create',
            objectType: 'token',
            objectId: String(id),
            unitPath: actor.unitPath,
            summary: `新建 API 令牌“${name}”`,
            after: { name, expiresAt, writes },
            ip,
          },
          trx,
        );
        return id;
      });
      return { id, name, token, createdAt: at, expiresAt, writes };
    },

    async revoke(actor: ActorContext, id: number, ip: string | null) {
      assertSignedIn(actor);
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
