import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';
import type { ActorContext } from '../features/session/actor.ts';
import type { SessionService } from '../features/session/session.service.ts';
import { AppError, unauthenticated } from './errors.ts';
import type { Api } from './types.ts';

export const SESSION_COOKIE = 'lantern_session';
export const CSRF_COOKIE = 'lantern_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves who is acting on every API request and guards against cross-site requests:
 * a state-changing request made with the session cookie must echo the session's CSRF token
 * in the X-CSRF-Token header (the double-submit pattern, checked against the server-side session).
 * API tokens travel in a header a foreign page cannot set, so they need no CSRF token; an expired or
 * revoked one is unknown, and a read-only one is refused every state-changing request.
 */
export function installAuth(app: Api, sessions: SessionService): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await sessions.resolveApiToken(authorization.slice('Bearer '.length).trim());
      if (!request.actor) throw unauthenticated();
      // A read-only token changes nothing, whatever a route's own checks would say.
      if (UNSAFE_METHODS.has(request.method) && request.actor.tokenWrites?.length === 0) {
        throw new AppError(403, 'FORBIDDEN', 'TOKEN_READ_ONLY');
      }
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await sessions.resolveSession(token);
    // Authentication before validation: an anonymous caller learns nothing about a route's input.
    if (!request.actor && !isPublic(request)) throw unauthenticated();
    if (request.actor && UNSAFE_METHODS.has(request.method) && request.routeOptions.config?.csrf !== false) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.actor.csrfToken ?? '')) {
        throw new AppError(403, 'CSRF', 'CSRF');
      }
    }
  });
}

/** A route anyone may call (config.public), the API's documentation, or a path no route serves (→ 404). */
function isPublic(request: FastifyRequest): boolean {
  if (request.routeOptions.config?.public === true) return true;
  if (request.url === '/api/docs' || request.url.startsWith('/api/docs/')) return true;
  return request.routeOptions.url === undefined;
}

export function requireActor(request: FastifyRequest): ActorContext {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function setSessionCookies(reply: FastifyReply, config: Config, token: string, csrfToken: string): void {
  const common = { path: '/', secure: config.secureCookies, maxAge: config.sessionHours * 3600 };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true, sameSite: 'lax' });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false, sameSite: 'strict' });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export const clientIp = (request: FastifyRequest) => request.ip ?? null;
