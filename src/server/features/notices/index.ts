import * as m0017 from '../../db/migrations/0017_notices.ts';
import { defineFeature } from '../feature.ts';
import { createNoticeRepository } from './notices.repository.ts';
import { registerNoticeRoutes } from './notices.routes.ts';
import { createNoticeService, type NoticeService } from './notices.service.ts';

/** Notices (通知): what Lantern tells one person — a 催报 reminder, a returned report — until they read it. */
export const notices = defineFeature({
  name: 'notices',
  migrations: { '0017_notices': m0017 },
  wire: (ctx) => ({
    notices: createNoticeService({ notices: createNoticeRepository(ctx.kysely), clock: ctx.clock }),
  }),
  routes: (app, s: { notices: NoticeService }) => registerNoticeRoutes(app, { notices: s.notices }),
});
