import { z } from 'zod';
import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, standardErrors } from '../../http/schemas.ts';
import type { Api } from '../../http/types.ts';
import { wan } from '../projects/projects.schemas.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { ReportService } from './reports.service.ts';

const report = z.object({
  id: z.number(),
  projectId: z.number(),
  year: z.number(),
  month: z.number(),
  revision: z.number(),
  isCurrent: z.boolean(),
  amountYuan: z.number(),
  progressText: z.string(),
  problems: z.string(),
  state: z.string(),
  isLate: z.boolean(),
  correctionReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  photoCount: z.number(),
  yearCumulativeYuan: z.number(),
  sinceStartYuan: z.number(),
});
const period = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
});
const text = z.string().max(2000);

export function registerReportRoutes(app: Api, { reports, units }: { reports: ReportService; units: UnitRepository }) {
  const tags = ['reports'];
  app.get(
    '/api/v1/projects/:id/reports',
    {
      schema: {
        tags,
        summary: '项目月报（含各版本） Reports of a project',
        params: idParams,
        response: { 200: z.object({ projectId: z.number(), items: z.array(report) }), ...standardErrors },
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
        body: z.strictObject({
          ...period.shape,
          year: z.number().int().min(2000).max(2100),
          month: z.number().int().min(1).max(12),
          amountWan: wan,
          progressText: text.optional(),
          problems: text.optional(),
        }),
        response: { 201: report, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reports.create(requireActor(request), request.params.id, request.body, clientIp(request))),
  );

  app.get(
    '/api/v1/reports/:id',
    { schema: { tags, summary: '月报 A report', params: idParams, response: { 200: report, ...standardErrors } } },
    (request) => reports.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/reports/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或退回的月报 Edit a draft or returned report',
        params: idParams,
        body: z.strictObject({ amountWan: wan.optional(), progressText: text.optional(), problems: text.optional() }),
        response: { 200: report, ...standardErrors },
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
          response: { 200: report, ...standardErrors },
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
        body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: report, ...standardErrors },
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
        body: z.strictObject({
          amountWan: wan,
          reason: z.string().trim().min(1).max(500),
          progressText: text.optional(),
          problems: text.optional(),
        }),
        response: { 201: report, ...standardErrors },
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
        querystring: period,
        response: {
          200: z.object({
            year: z.number(),
            month: z.number(),
            items: z.array(report.omit({ yearCumulativeYuan: true, sinceStartYuan: true })),
          }),
          ...standardErrors,
        },
      },
    },
    (request) => reports.ofMonth(requireActor(request), request.query.year, request.query.month),
  );

  app.get(
    '/api/v1/reports/todo',
    { schema: { tags, summary: '本月待报 What the caller must file for a month', querystring: period } },
    (request) => reports.toFile(requireActor(request), request.query.year, request.query.month),
  );

  app.get(
    '/api/v1/reports/status',
    { schema: { tags, summary: '各单位报送情况 Filed, late, missing per unit', querystring: period } },
    async (request) => {
      const all = await units.listAll();
      const root = all.find((u) => u.parent_id === null)!;
      const byPath = new Map(all.map((u) => [u.path, u]));
      // Each project's lead unit rolls up to the unit directly below the county.
      const rollUp = (path: string) =>
        path === root.path ? root : byPath.get(`${root.path}${path.slice(root.path.length).split('/')[0]}/`);
      return reports.status(requireActor(request), request.query.year, request.query.month, rollUp);
    },
  );
}
