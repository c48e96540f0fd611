import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import { setSessionCookies } from '../../http/auth.ts';
import { displayNameSchema, errorBody, passwordSchema, usernameSchema } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import type { SessionService } from '../session/session.service.ts';
import { searchCounties } from './divisions.ts';
import type { SetupService } from './setup.service.ts';
import { DEMO_PASSWORD, type DemoService } from '../demo/demo.service.ts';

export function registerSetupRoutes(
  app: Api,
  {
    setup,
    demo,
    sessions,
    config,
  }: { setup: SetupService; demo: DemoService; sessions: SessionService; config: Config },
) {
  app.get(
    '/api/v1/setup',
    {
      schema: {
        tags: ['setup'],
        summary: '是否已完成首次设置 Setup status (and, on a demo instance, its accounts)',
        response: {
          200: z.object({
            done: z.boolean(),
            regionCode: z.string().optional(),
            regionName: z.string().optional(),
            demo: z
              .object({
                password: z.string(),
                accounts: z.array(
                  z.object({ username: z.string(), role: z.string(), unitName: z.string(), displayName: z.string() }),
                ),
              })
              .optional(),
          }),
        },
      },
    },
    async () => {
      const accounts = await demo.accounts();
      return { ...(await setup.status()), ...(accounts ? { demo: { password: DEMO_PASSWORD, accounts } } : {}) };
    },
  );

  app.post(
    '/api/v1/setup/demo',
    {
      config: { csrf: false },
      schema: {
        tags: ['setup'],
        summary: '载入演示县 Fill an empty Lantern with the demo county (兰溪市)',
        body: z.strictObject({}).optional(),
        response: {
          201: z.object({
            units: z.number(),
            users: z.number(),
            projects: z.number(),
            reports: z.number(),
            approvals: z.number(),
            bulletins: z.number(),
          }),
          409: errorBody,
        },
      },
    },
    async (_request, reply) => reply.status(201).send(await demo.load()),
  );

  app.get(
    '/api/v1/regions',
    {
      schema: {
        tags: ['setup'],
        summary: '县级行政区划 County-level divisions',
        querystring: z.object({ q: z.string().max(40).default('') }),
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.string(), name: z.string(), city: z.string(), province: z.string() })),
          }),
        },
      },
    },
    (request) => ({ items: searchCounties(request.query.q) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { csrf: false },
      schema: {
        tags: ['setup'],
        summary: '首次设置 First-run setup',
        body: z.strictObject({
          regionCode: z.string().regex(/^\d{6}$/, 'six digits'),
          username: usernameSchema,
          password: passwordSchema,
          displayName: displayNameSchema.optional(),
        }),
        response: {
          201: z.object({ user: z.object({ id: z.number(), username: z.string() }), unitCount: z.number() }),
          400: errorBody,
          409: errorBody,
        },
      },
    },
    async (request, reply) => {
      const result = await setup.run(request.body);
      const { token, csrfToken } = await sessions.openSession(
        result.userId,
        request.ip,
        request.headers['user-agent'] ?? null,
      );
      setSessionCookies(reply, config, token, csrfToken);
      return reply
        .status(201)
        .send({ user: { id: result.userId, username: request.body.username }, unitCount: result.unitCount });
    },
  );
}
