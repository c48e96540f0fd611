import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, standardErrors } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import {
  monthReportsResponse,
  projectReportsResponse,
  reportCorrectionBody,
  reportCreateBody,
  reportPatchBody,
  reportPeriodQuery,
  reportReturnBody,
  reportStatusResponse,
  reportTodoResponse,
  reportView,
} from '../../../contract/reports.ts';
import type { ReportService } from './reports.service.ts';

export function registerReportRoutes(app: Api, { reports }: { reports: ReportService }) {
  const tags = ['reports'];
  app.get(
    '/api/v1/projects/:id/reports',
    {
      schema: {
        tags,
        summary: '项目月报（含各版本） Reports of a project',
        params: idParams,
        response: { 200: projectReportsResponse, ...standardErrors },
      },
    },
    (request) => reports.listForProject(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/projects/:id/reports',
    {
      schema: {
        tags,
        summary: '新建月报草稿 Start a monthly report',
        params: idParams,
        body: reportCreateBody,
        response: { 201: reportView, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reports.create(requireActor(request), request.params.id, request.body, clientIp(request))),
  );

  app.get(
    '/api/v1/reports/:id',
    { schema: { tags, summary: '月报 A report', params: idParams, response: { 200: reportView, ...standardErrors } } },
    (request) => reports.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/reports/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或退回的月报 Edit a draft or returned report',
        params: idParams,
        body: reportPatchBody,
        response: { 200: reportView, ...standardErrors },
      },
    },
    (request) => reports.update(requireActor(request), request.params.id, request.body, clientIp(request)),
  );

  for (const action of ['submit', 'approve'] as const) {
    app.post(
      `/api/v1/reports/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'submit' ? '报送 Submit' : '审核通过 Approve',
          params: idParams,
          response: { 200: reportView, ...standardErrors },
        },
      },
      (request) => reports[action](requireActor(request), request.params.id, clientIp(request)),
    );
  }

  app.post(
    '/api/v1/reports/:id/return',
    {
      schema: {
        tags,
        summary: '退回 Return with a reason',
        params: idParams,
        body: reportReturnBody,
        response: { 200: reportView, ...standardErrors },
      },
    },
    (request) => reports.return(requireActor(request), request.params.id, request.body.reason, clientIp(request)),
  );

  app.post(
    '/api/v1/reports/:id/corrections',
    {
      schema: {
        tags,
        summary: '更正已审核月报 Correct an approved report (new revision)',
        params: idParams,
        body: reportCorrectionBody,
        response: { 201: reportView, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reports.correct(requireActor(request), request.params.id, request.body, clientIp(request))),
  );

  app.get(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: '某月全部月报（含更正） All revisions of a month, within the caller’s scope',
        querystring: reportPeriodQuery,
        response: { 200: monthReportsResponse, ...standardErrors },
      },
    },
    (request) => reports.ofMonth(requireActor(request), request.query.year, request.query.month),
  );

  app.get(
    '/api/v1/reports/todo',
    {
      schema: {
        tags,
        summary: '本月待报 What the caller must file for a month',
        querystring: reportPeriodQuery,
        response: { 200: reportTodoResponse, ...standardErrors },
      },
    },
    (request) => reports.toFile(requireActor(request), request.query.year, request.query.month),
  );

  app.get(
    '/api/v1/reports/status',
    {
      schema: {
        tags,
        summary: '各单位报送情况 Filed, late, missing per unit',
        querystring: reportPeriodQuery,
        response: { 200: reportStatusResponse, ...standardErrors },
      },
    },
    (request) => reports.status(requireActor(request), request.query.year, request.query.month),
  );
}
