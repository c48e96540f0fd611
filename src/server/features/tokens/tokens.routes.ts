import { z } from 'zod';
import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, noContent, standardErrors } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import type { TokenService } from './tokens.service.ts';

const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export function registerTokenRoutes(app: Api, { tokens }: { tokens: TokenService }) {
  const tags = ['tokens'];
  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: '我的 API 令牌 Your API tokens',
        response: { 200: z.object({ items: z.array(tokenSchema) }), ...standardErrors },
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
        body: z.strictObject({ name: z.string().trim().min(1).max(60) }),
        response: {
          201: z.object({ id: z.number(), name: z.string(), token: z.string(), createdAt: z.string() }),
          ...standardErrors,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tokens.create(requireActor(request), request.body.name, clientIp(request))),
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
