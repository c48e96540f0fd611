import { grantableRoles, permissionsOf } from '../../../domain/access/roles.ts';
import type { Config } from '../../config/config.ts';
import { clearSessionCookies, clientIp, requireActor, SESSION_COOKIE, setSessionCookies } from '../../http/auth.ts';
import { errorBody, noContent } from '../../../contract/common.ts';
import { meResponse, signedIn, signInBody } from '../../../contract/session.ts';
import { presentMe } from '../../http/schemas.ts';
import type { Api } from '../../http/types.ts';
import type { SessionService } from './session.service.ts';

export function registerSessionRoutes(
  app: Api,
  { sessions, config, today }: { sessions: SessionService; config: Config; today: () => string },
) {
  app.post(
    '/api/v1/session',
    {
      config: { csrf: false, public: true },
      schema: {
        tags: ['session'],
        summary: '登录 Sign in',
        body: signInBody,
        response: { 200: signedIn, 401: errorBody, 403: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { token, csrfToken, actor } = await sessions.signIn(
        request.body.username,
        request.body.password,
        clientIp(request) ?? 'unknown',
        request.headers['user-agent'] ?? null,
      );
      setSessionCookies(reply, config, token, csrfToken);
      return { user: presentMe(actor), csrfToken };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: '退出登录 Sign out', response: { 204: noContent } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await sessions.signOut(token);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['session'],
        summary: '当前用户 The signed-in person',
        response: {
          200: meResponse,
          401: errorBody,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return {
        user: presentMe(actor),
        csrfToken: actor.csrfToken ?? '',
        permissions: permissionsOf(actor.role),
        grantableRoles: [...grantableRoles(actor.role)],
        today: today(),
      };
    },
  );
}
