import { createHash, randomBytes } from 'node:crypto';
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
/** One address may fail this many times more than one username before it is stopped too. */
const IP_FACTOR = 5;

export interface SessionServiceDeps {
  sessions: SessionRepository;
  audit: AuditLog;
  clock: Clock;
  sessionHours: number;
  login: { maxAttempts: number; windowSeconds: number };
}

export function createSessionService({ sessions, audit, clock, sessionHours, login }: SessionServiceDeps) {
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
     * Signs a person in. Failed attempts are counted in the database per username and per address,
     * so the limit holds across several Lantern servers; past the limit even a right password waits.
     */
    async signIn(username: string, password: string, ip: string, userAgent: string | null) {
      const now = clock();
      const since = new Date(now.getTime() - login.windowSeconds * 1000).toISOString();
      const failures = await sessions.countRecentFailures(username, ip, since);
      if (failures.byUser >= login.maxAttempts || failures.byIp >= login.maxAttempts * IP_FACTOR) {
        throw new AppError(429, 'RATE_LIMITED', 'RATE_LIMITED', { minutes: Math.ceil(login.windowSeconds / 60) });
      }
      const user = await sessions.findUserForLogin(username);
      const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok) {
        await sessions.recordFailure(username, ip, now.toISOString(), since);
        throw new AppError(401, 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS');
      }
      if (user.is_active !== 1) throw new AppError(403, 'ACCOUNT_DISABLED', 'ACCOUNT_DISABLED');
      await sessions.clearFailures(username);
      const row = await sessions.findUserById(user.id);
      const actor = row && toActor(row, 'session');
      if (!actor) throw new AppError(403, 'ACCOUNT_DISABLED', 'ACCOUNT_DISABLED');
      const opened = await openSession(user.id, ip, userAgent);
      await audit.record({
        actor,
        action: 'session.create',
        objectType: 'session',
        objectId: String(user.id),
        unitPath: actor.unitPath,
        summary: `${actor.username} 登录`,
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
      const row = await sessions.findUserById(session.user_id);
      const actor = row && toActor(row, 'session');
      if (!actor) return null;
      if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_AFTER_MS) {
        await sessions.touchSession(hash, now.toISOString(), expiry(now));
      }
      return { ...actor, sessionHash: hash, csrfToken: session.csrf_token };
    },

    /** The person behind an API token (`Authorization: Bearer …`), or null. */
    async resolveApiToken(token: string): Promise<ActorContext | null> {
      const found = await sessions.findApiToken(sha256(token));
      if (!found) return null;
      const row = await sessions.findUserById(found.user_id);
      const actor = row && toActor(row, 'token');
      if (!actor) return null;
      const now = clock();
      if (!found.last_used_at || now.getTime() - Date.parse(found.last_used_at) > TOUCH_AFTER_MS) {
        await sessions.markApiTokenUsed(found.id, now.toISOString());
      }
      return actor;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
