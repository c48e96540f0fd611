import { idParams, standardErrors } from '../../../contract/common.ts';
import {
  dealActivityBody,
  dealBoard,
  dealBoardQuery,
  dealBody,
  dealBreakdown,
  dealConvertBody,
  dealDetail,
  dealFiguresQuery,
  dealFundBody,
  dealFunnel,
  dealMoveBody,
  dealPatch,
  dealSettingsBody,
  dealSettingsView,
  dealsQuery,
  dealsResponse,
  dealTeamBody,
  dealTeamsResponse,
  dealTeamView,
  signedNotStartedResponse,
  teamLog,
  teamLogQuery,
  dealTargetBody,
  dealTargetPatch,
  dealTargetsQuery,
  dealTargetsResponse,
  dealTargetView,
} from '../../../contract/deals.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { localeOf, type Locale } from '../../http/i18n.ts';
import type { Api } from '../../http/types.ts';
import type { DealReads } from './deal-reads.ts';
import type { DealSettingsService } from './deal-settings.ts';
import type { DealTargets } from './deal-targets.ts';
import type { DealService } from './deals.service.ts';

export function registerDealRoutes(
  app: Api,
  {
    deals,
    dealReads,
    dealSettings,
    dealTargets,
    defaultLocale,
  }: {
    deals: DealService;
    dealReads: DealReads;
    dealSettings: DealSettingsService;
    dealTargets: DealTargets;
    defaultLocale: Locale;
  },
) {
  const tags = ['deals'];
  const locale = (request: { headers: Record<string, string | string[] | undefined> }) =>
    localeOf(request.headers['accept-language'] as string | undefined, defaultLocale);

  app.get(
    '/api/v1/deals',
    {
      schema: {
        tags,
        summary: '招商项目 Deals in your scope, newest first',
        querystring: dealsQuery,
        response: { 200: dealsResponse, ...standardErrors },
      },
    },
    (request) => dealReads.list(requireActor(request), request.query, locale(request)),
  );

  app.post(
    '/api/v1/deals',
    {
      schema: {
        tags,
        summary: '登记线索 Enter a lead',
        body: dealBody,
        response: { 201: dealDetail, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await deals.create(requireActor(request), request.body, clientIp(request), locale(request))),
  );

  app.get(
    '/api/v1/deals/board',
    {
      schema: {
        tags,
        summary: '看板 The kanban: each stage with its count and first cards',
        querystring: dealBoardQuery,
        response: { 200: dealBoard, ...standardErrors },
      },
    },
    (request) => dealReads.board(requireActor(request), request.query, locale(request)),
  );

  app.get(
    '/api/v1/deals/funnel',
    {
      schema: {
        tags,
        summary: '漏斗 How many deals reached each stage, went on, and how long they stayed',
        querystring: dealFiguresQuery,
        response: { 200: dealFunnel, ...standardErrors },
      },
    },
    (request) => dealReads.funnel(requireActor(request), request.query, locale(request)),
  );

  app.get(
    '/api/v1/deals/breakdown',
    {
      schema: {
        tags,
        summary: '分布 Amounts and counts by source region, chain and team; signed deals per tier against targets',
        querystring: dealFiguresQuery,
        response: { 200: dealBreakdown, ...standardErrors },
      },
    },
    (request) => dealReads.breakdown(requireActor(request), request.query, locale(request)),
  );

  app.get(
    '/api/v1/deals/signed-not-started',
    {
      schema: {
        tags,
        summary: '签约未落地 Signed deals not landed, with their age against the sign → start promise',
        querystring: dealFiguresQuery.pick({ unitId: true, teamId: true }),
        response: { 200: signedNotStartedResponse, ...standardErrors },
      },
    },
    (request) => dealReads.signedNotStarted(requireActor(request), request.query, locale(request)),
  );

  app.get(
    '/api/v1/deals/:id',
    {
      schema: {
        tags,
        summary: 'A deal with its moves, activity log and funds',
        params: idParams,
        response: { 200: dealDetail, ...standardErrors },
      },
    },
    (request) => deals.get(requireActor(request), request.params.id, locale(request)),
  );

  app.patch(
    '/api/v1/deals/:id',
    {
      schema: {
        tags,
        summary: 'Edit a deal (the version you saw)',
        params: idParams,
        body: dealPatch,
        response: { 200: dealDetail, ...standardErrors },
      },
    },
    (request) =>
      deals.update(requireActor(request), request.params.id, request.body, clientIp(request), locale(request)),
  );

  app.post(
    '/api/v1/deals/:id/moves',
    {
      schema: {
        tags,
        summary: '推进 Move a deal to another stage, with what the move needs',
        params: idParams,
        body: dealMoveBody,
        response: { 200: dealDetail, ...standardErrors },
      },
    },
    (request) => deals.move(requireActor(request), request.params.id, request.body, clientIp(request), locale(request)),
  );

  app.post(
    '/api/v1/deals/:id/convert',
    {
      schema: {
        tags,
        summary: '转入项目库 Convert a signed deal into a project (or link one), once',
        params: idParams,
        body: dealConvertBody,
        response: { 200: dealDetail, ...standardErrors },
      },
    },
    (request) =>
      deals.convert(requireActor(request), request.params.id, request.body, clientIp(request), locale(request)),
  );

  app.post(
    '/api/v1/deals/:id/activities',
    {
      schema: {
        tags,
        summary: '周日志 Log a visit, call, talk or reception on a deal',
        params: idParams,
        body: dealActivityBody,
        response: { 201: dealDetail, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deals.addActivity(
            requireActor(request),
            request.params.id,
            request.body,
            clientIp(request),
            locale(request),
          ),
        ),
  );

  app.post(
    '/api/v1/deals/:id/funds',
    {
      schema: {
        tags,
        summary: '到位资金 Record funds in place for a signed deal',
        params: idParams,
        body: dealFundBody,
        response: { 201: dealDetail, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deals.addFund(
            requireActor(request),
            request.params.id,
            request.body,
            clientIp(request),
            locale(request),
          ),
        ),
  );

  app.get(
    '/api/v1/deal-settings',
    {
      schema: {
        tags,
        summary: "The county's source regions, kinds, tiers, chains and lead clocks",
        response: { 200: dealSettingsView, ...standardErrors },
      },
    },
    (request) => dealSettings.read(requireActor(request)),
  );

  app.put(
    '/api/v1/deal-settings',
    {
      schema: {
        tags,
        summary: "Replace the county's 招商 lists (the investment office)",
        body: dealSettingsBody,
        response: { 200: dealSettingsView, ...standardErrors },
      },
    },
    (request) => dealSettings.update(requireActor(request), request.body, clientIp(request)),
  );

  app.get(
    '/api/v1/deal-teams',
    {
      schema: {
        tags,
        summary: '招商小分队 The teams and their members',
        response: { 200: dealTeamsResponse, ...standardErrors },
      },
    },
    (request) => dealSettings.teams(requireActor(request)),
  );

  app.post(
    '/api/v1/deal-teams',
    {
      schema: {
        tags,
        summary: 'Add a team',
        body: dealTeamBody,
        response: { 201: dealTeamView, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await dealSettings.createTeam(requireActor(request), request.body, clientIp(request))),
  );

  app.put(
    '/api/v1/deal-teams/:id',
    {
      schema: {
        tags,
        summary: 'Replace a team: name, unit, leader and members',
        params: idParams,
        body: dealTeamBody,
        response: { 200: dealTeamView, ...standardErrors },
      },
    },
    (request) => dealSettings.updateTeam(requireActor(request), request.params.id, request.body, clientIp(request)),
  );

  app.get(
    '/api/v1/deal-teams/:id/log',
    {
      schema: {
        tags,
        summary: '周日志 / 月汇报 A team’s log between two dates',
        params: idParams,
        querystring: teamLogQuery,
        response: { 200: teamLog, ...standardErrors },
      },
    },
    (request) => dealReads.teamLog(requireActor(request), request.params.id, request.query, locale(request)),
  );
  app.get(
    '/api/v1/deal-targets',
    {
      schema: {
        tags,
        summary: '目标企业 Head companies to approach, per chain and link, with the deals that came from them',
        querystring: dealTargetsQuery,
        response: { 200: dealTargetsResponse, ...standardErrors },
      },
    },
    (request) => dealTargets.list(requireActor(request), request.query, locale(request)),
  );

  app.post(
    '/api/v1/deal-targets',
    {
      schema: {
        tags,
        summary: 'Add a target enterprise',
        body: dealTargetBody,
        response: { 201: dealTargetView, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await dealTargets.create(requireActor(request), request.body, clientIp(request), locale(request))),
  );

  app.patch(
    '/api/v1/deal-targets/:id',
    {
      schema: {
        tags,
        summary: 'Edit a target enterprise (its approach status, its note …)',
        params: idParams,
        body: dealTargetPatch,
        response: { 200: dealTargetView, ...standardErrors },
      },
    },
    (request) =>
      dealTargets.update(requireActor(request), request.params.id, request.body, clientIp(request), locale(request)),
  );
}
