import { clientIp, requireActor } from '../../http/auth.ts';
import { localeOf, type Locale } from '../../http/i18n.ts';
import { idParams, standardErrors } from '../../../contract/common.ts';
import {
  ticketBody,
  ticketDetail,
  ticketSettings,
  ticketSettingsBody,
  ticketStepBody,
  ticketsQuery,
  ticketsResponse,
  ticketSummary,
} from '../../../contract/tickets.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import { forbidden } from '../../http/errors.ts';
import type { Api } from '../../http/types.ts';
import type { TicketSettings } from './ticket-settings.ts';
import type { TicketService } from './tickets.service.ts';

export function registerTicketRoutes(
  app: Api,
  { tickets, settings, defaultLocale }: { tickets: TicketService; settings: TicketSettings; defaultLocale: Locale },
) {
  const tags = ['tickets'];
  const locale = (request: { headers: Record<string, string | string[] | undefined> }) =>
    localeOf(request.headers['accept-language'] as string | undefined, defaultLocale);

  app.get(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: '涉企问题 Tickets in your scope, the most pressing deadline first',
        querystring: ticketsQuery,
        response: { 200: ticketsResponse, ...standardErrors },
      },
    },
    (request) => tickets.list(requireActor(request), request.query, locale(request)),
  );

  app.post(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: '提出问题 Raise a problem for an enterprise (an enterprise account: for itself)',
        body: ticketBody,
        response: { 201: ticketDetail, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await tickets.raise(requireActor(request), request.body, clientIp(request), locale(request))),
  );

  app.get(
    '/api/v1/tickets/summary',
    {
      schema: {
        tags,
        summary: '问题概况 Open, overdue, escalated, closed this month and satisfaction, in your scope',
        response: { 200: ticketSummary, ...standardErrors },
      },
    },
    (request) => tickets.summary(requireActor(request)),
  );

  app.get(
    '/api/v1/tickets/:id',
    {
      schema: {
        tags,
        summary: '问题详情 A ticket with its timeline, clocks and the steps you may take',
        params: idParams,
        response: { 200: ticketDetail, ...standardErrors },
      },
    },
    (request) => tickets.get(requireActor(request), request.params.id, locale(request)),
  );

  app.post(
    '/api/v1/tickets/:id/steps',
    {
      schema: {
        tags,
        summary: '办理 Take a step: accept, reject, assign, reply, answer, rate, reopen, note, extension',
        params: idParams,
        body: ticketStepBody,
        response: { 200: ticketDetail, ...standardErrors },
      },
    },
    (request) =>
      tickets.step(requireActor(request), request.params.id, request.body, clientIp(request), locale(request)),
  );

  app.get(
    '/api/v1/ticket-settings',
    {
      schema: {
        tags,
        summary: '办理时限 The county’s SLA profiles and the default',
        response: { 200: ticketSettings, ...standardErrors },
      },
    },
    (request) => {
      if (scopeFor(requireActor(request), 'ticketSettings', 'read').kind === 'none') throw forbidden();
      return settings.current();
    },
  );

  app.put(
    '/api/v1/ticket-settings',
    {
      schema: {
        tags,
        summary: '设置办理时限 Replace the SLA profiles (each checked; the field refused is named)',
        body: ticketSettingsBody,
        response: { 200: ticketSettings, ...standardErrors },
      },
    },
    (request) => settings.update(requireActor(request), request.body, clientIp(request)),
  );
}
