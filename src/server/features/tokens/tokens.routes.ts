import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, noContent, standardErrors } from '../../../contract/common.ts';
import { createdToken, tokenCreateBody, tokenListResponse } from '../../../contract/tokens.ts';
import type { Api } from '../../http/types.ts';
import type { TokenService } from './tokens.service.ts';

export function registerTokenRoutes(app: Api, { tokens }: { tokens: TokenService }) {
  const tags = ['tokens'];
  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: '我的 API 令牌 Your API tokens',
        response: { 200: tokenListResponse, ...standardErrors },
      },
    },
    async (request) => ({
      items: await tokens.list(requireActor(request)),
    }),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: '新建 API 令牌 Create an API token (shown once)',
        body: tokenCreateBody,
        response: { 201: createdToken, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tokens.create(requireActor(request), request.body, clientIp(request))),
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags,
        summary: '吊销 API 令牌 Revoke a token',
        params: idParams,
        response: { 204: noContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      await tokens.revoke(requireActor(request), request.params.id, clientIp(request));
      return reply.status(204).send(null);
    },
  );
}
