import type { Config } from '../../config/config.ts';
import { setSessionCookies } from '../../http/auth.ts';
import { errorBody } from '../../../contract/common.ts';
import {
  demoBody,
  demoLoaded,
  regionQuery,
  regionsResponse,
  setupBody,
  setupDone,
  setupStatus,
} from '../../../contract/setup.ts';
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
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary: '是否已完成首次设置 Setup status (and, on a demo instance, its accounts)',
        response: { 200: setupStatus },
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
      config: { csrf: false, public: true },
      schema: {
        tags: ['setup'],
        summary: '载入演示县 Fill an empty Lantern with the demo county (兰溪市)',
        body: demoBody,
        response: {
          201: demoLoaded,
          409: errorBody,
        },
      },
    },
    async (_request, reply) => reply.status(201).send(await demo.load()),
  );

  app.get(
    '/api/v1/regions',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary: '县级行政区划 County-level divisions',
        querystring: regionQuery,
        response: { 200: regionsResponse },
      },
    },
    (request) => ({ items: searchCounties(request.query.q) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { csrf: false, public: true },
      schema: {
        tags: ['setup'],
        summary: '首次设置 First-run setup',
        body: setupBody,
        response: {
          201: setupDone,
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
