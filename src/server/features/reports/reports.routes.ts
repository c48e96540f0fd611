import { clientIp, requireActor } from '../../http/auth.ts';
import { appErrorMessage } from '../../http/error-handler.ts';
import { localeOf, type Locale } from '../../http/i18n.ts';
import { idParams, standardErrors } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import {
  monthReportsResponse,
  projectReportsResponse,
  reportBatchApprovalBody,
  reportBatchApprovalResponse,
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

export function registerReportRoutes(
  app: Api,
  { reports, defaultLocale }: { reports: ReportService; defaultLocale: Locale },
) {
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
    '/api/v1/reports/approvals',
    {
      schema: {
        tags,
        summary: '批量审核通过 Approve many reports, each on its own',
        description:
          "Each report is approved in its own transaction with its own audit event, as one approval would be. A report filed again after the submission time given, already approved, or not the reviewer's is refused with its reason; the others proceed.",
        body: reportBatchApprovalBody,
        response: { 200: reportBatchApprovalResponse, ...standardErrors },
      },
    },
    async (request) => {
      const locale = localeOf(request.headers['accept-language'], defaultLocale);
      const results = await reports.approveMany(requireActor(request), request.body.items, clientIp(request));
      const items = results.map((r) =>
        r.ok
          ? r
          : { id: r.id, ok: false as const, error: { code: r.error.code, message: appErrorMessage(r.error, locale) } },
      );
      const approved = items.filter((i) => i.ok).length;
      return { approved, refused: items.length - approved, items };
    },
  );

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
