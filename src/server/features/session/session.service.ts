import { createHash, randomBytes } from 'node:crypto';
import { parseTokenWrites } from '../../../domain/access/token-scope.ts';
import type { Clock } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { toActor, type ActorContext } from './actor.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password.ts';
import type { SessionRepository } from './session.repository.ts';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Only a session unused for this long is written back on a request; saves a write per request. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;
/** One address may try this many times more than one (address, username) pair before it is stopped too. */
const IP_FACTOR = 5;

const OUTCOME_TEXT = {
  rate_limited: '尝试过于频繁',
  wrong_password: '密码错误',
  unknown_user: '用户不存在',
  disabled: '账号已停用',
} as const;

export interface SessionServiceDeps {
  sessions: SessionRepository;
  audit: AuditLog;
  clock: Clock;
  sessionHours: number;
  /** A session's absolute lifetime, however often it is used. */
  sessionMaxHours?: number;
  login: { maxAttempts: number; windowSeconds: number };
}

export function createSessionService({
  sessions,
  audit,
  clock,
  sessionHours,
  sessionMaxHours = 24,
  login,
}: SessionServiceDeps) {
  const expiry = (now: Date) => new Date(now.getTime() + sessionHours * 3600_000).toISOString();

  async function openSession(userId: number, ip: string | null, userAgent: string | null) {
    const now = clock();
    const token = newToken();
    const csrfToken = newToken(24);
    await sessions.insertSession({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiry(now),
      last_seen_at: now.toISOString(),
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken };
  }

  return {
    openSession,

    /**
     * Signs a person in. Each attempt is written before its password is checked and counted with the
     * others of its (username, address) pair and of its address, in the database, so the limit holds
     * across several servers and under concurrency; past it even a right password waits. Limiting the
     * pair rather than the username means nobody can lock the owner out from another address (ASVS V2.2.1).
     * Every attempt, whatever its outcome, is in the audit trail with its address.
     */
    async signIn(username: string, password: string, clientIp: string, userAgent: string | null) {
      const ip = clientIp.slice(0, 64);
      const now = clock();
      const since = new Date(now.getTime() - login.windowSeconds * 1000).toISOString();
      await sessions.pruneAttempts(since);
      await sessions.reserveAttempt(username, ip, now.toISOString());
      const attempts = await sessions.countAttempts(username, ip, since);
      const user = await sessions.findUserForLogin(username);
      const known = user ? await sessions.findUserById(user.id) : undefined;
      const refuse = async (outcome: 'rate_limited' | 'wrong_password' | 'unknown_user' | 'disabled') => {
        await audit.record({
          actor: null,
          action: 'session.fail',
          objectType: 'session',
          objectId: String(user?.id ?? username.slice(0, 60)),
          unitPath: known?.unit_path ?? null,
          summary: `${username.slice(0, 60)} 登录失败（${OUTCOME_TEXT[outcome]}）`,
          after: { username: username.slice(0, 60), outcome, ip },
          ip,
        });
      };
      if (attempts.byPair > login.maxAttempts || attempts.byIp > login.maxAttempts * IP_FACTOR) {
        await refuse('rate_limited');
        throw new AppError(429, 'RATE_LIMITED', 'RATE_LIMITED', { minutes: Math.ceil(login.windowSeconds / 60) });
      }
      const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok) {
        await refuse(user ? 'wrong_password' : 'unknown_user');
        throw new AppError(401, 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS');
      }
      const actor = known && toActor(known, 'session');
      if (user.is_active !== 1 || !actor) {
        await refuse('disabled');
        throw new AppError(403, 'ACCOUNT_DISABLED', 'ACCOUNT_DISABLED');
      }
      await sessions.clearAttempts(username, ip);
      const opened = await openSession(user.id, ip, userAgent);
      await audit.record({
        actor,
        action: 'session.create',
        objectType: 'session',
        objectId: String(user.id),
        unitPath: actor.unitPath,
        summary: `${actor.username} 登录`,
        after: { outcome: 'success', ip },
        ip,
      });
      return { ...opened, actor: { ...actor, sessionHash: sha256(opened.token), csrfToken: opened.csrfToken } };
    },

    async signOut(token: string) {
      await sessions.deleteSession(sha256(token));
    },

    /** The person behind a session cookie, or null when the session is unknown, expired or the user disabled. */
    async resolveSession(token: string): Promise<ActorContext | null> {
      const hash = sha256(token);
      const session = await sessions.findSession(hash);
      const now = clock();
      if (!session || session.expires_at <= now.toISOString()) return null;
      if (now.getTime() - Date.parse(session.created_at) > sessionMaxHours * 3600_000) return null;
      const row = await sessions.findUserById(session.user_id);
      const actor = row && toActor(row, 'session');
      if (!actor) return null;
      if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_AFTER_MS) {
        await sessions.touchSession(hash, now.toISOString(), expiry(now));
      }
      return { ...actor, sessionHash: hash, csrfToken: session.csrf_token };
    },

    /** The person behind an API token (`Authorization: Bearer …`) in force, with the token's scope; or null. */
    async resolveApiToken(token: string): Promise<ActorContext | null> {
      const now = clock();
      const found = await sessions.findApiToken(sha256(token), now.toISOString());
      if (!found) return null;
      const row = await sessions.findUserById(found.user_id);
      const actor = row && toActor(row, 'token');
      if (!actor) return null;
      if (!found.last_used_at || now.getTime() - Date.parse(found.last_used_at) > TOUCH_AFTER_MS) {
        await sessions.markApiTokenUsed(found.id, now.toISOString());
      }
      return { ...actor, tokenWrites: parseTokenWrites(found.write_scope) };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
