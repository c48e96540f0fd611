import { inboxResponse } from '../../../contract/inbox.ts';
import { standardErrors } from '../../../contract/common.ts';
import { requireActor } from '../../http/auth.ts';
import { localeOf } from '../../http/i18n.ts';
import type { EnterpriseService } from '../enterprises/enterprises.service.ts';
import { defineFeature } from '../feature.ts';
import type { ReportService } from '../reports/reports.service.ts';
import type { TicketService } from '../tickets/tickets.service.ts';
import { createInbox, type Inbox } from './inbox.service.ts';

/** 待办: each person's inbox across tickets, reports and licences; its count is the header's badge. */
export const inbox = defineFeature({
  name: 'inbox',
  wire: (ctx, d: { tickets: TicketService; reports: ReportService; enterprises: EnterpriseService }) => ({
    inbox: createInbox({ tickets: d.tickets, reports: d.reports, enterprises: d.enterprises, today: ctx.today }),
  }),
  routes: (app, s: { inbox: Inbox }, config) =>
    app.get(
      '/api/v1/inbox',
      {
        schema: {
          tags: ['inbox'],
          summary: '待办 What waits for you: tickets, reports to file, licences ending soon',
          response: { 200: inboxResponse, ...standardErrors },
        },
      },
      (request) => s.inbox.of(requireActor(request), localeOf(request.headers['accept-language'], config.locale)),
    ),
});
