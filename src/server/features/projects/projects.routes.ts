import { z } from 'zod';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../domain/industry/gbt4754.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, standardErrors } from '../../http/schemas.ts';
import type { Api } from '../../http/types.ts';
import type { ProjectQueries } from './project-queries.service.ts';
import { projectCreateBody, projectListQuery, projectPatchBody, transitionBody } from './projects.schemas.ts';
import type { ProjectService } from './projects.service.ts';

const nullableString = z.string().nullable();
const summary = z.object({
  id: z.number(),
  code: nullableString,
  name: z.string(),
  stage: z.string(),
  leadUnitId: z.number(),
  leadUnitName: z.string(),
  townshipUnitId: z.number().nullable(),
  townshipName: nullableString,
  industryCode: z.string(),
  industryName: nullableString,
  level: nullableString,
  isAboveYi: z.boolean(),
  totalInvestmentYuan: z.number(),
  plannedStartDate: nullableString,
  actualStartDate: nullableString,
  plannedProductionDate: nullableString,
  actualProductionDate: nullableString,
  tags: z.array(z.string()),
  updatedAt: z.string(),
  light: z.string(),
});
// The detail is documented in docs/API.md; its many fields are listed by the presenter.
const detail = z.record(z.string(), z.unknown());
const listTotals = z.object({
  count: z.number(),
  totalInvestmentYuan: z.number(),
  done: z.number(),
  pending: z.number(),
  byUnit: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      count: z.number(),
      totalInvestmentYuan: z.number(),
      done: z.number(),
      pending: z.number(),
    }),
  ),
});

export function registerProjectRoutes(
  app: Api,
  { projects, queries }: { projects: ProjectService; queries: ProjectQueries },
) {
  const tags = ['projects'];
  app.get(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: '项目库列表 Projects, filtered, keyset-paged',
        querystring: projectListQuery,
        response: {
          200: z.object({ items: z.array(summary), nextCursor: nullableString, total: z.number().optional() }),
          ...standardErrors,
        },
      },
    },
    (request) => queries.list(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: '新建项目 Create a project',
        body: projectCreateBody,
        response: { 201: detail, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await projects.create(requireActor(request), request.body, clientIp(request))),
  );

  app.get(
    '/api/v1/projects/:id',
    {
      schema: {
        tags,
        summary: '项目详情 A project with its plans and history',
        params: idParams,
        response: { 200: detail, ...standardErrors },
      },
    },
    (request) => projects.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/projects/:id',
    {
      schema: {
        tags,
        summary: '修改项目 Edit a project',
        params: idParams,
        body: projectPatchBody,
        response: { 200: detail, ...standardErrors },
      },
    },
    (request) => projects.update(requireActor(request), request.params.id, request.body, clientIp(request)),
  );

  app.post(
    '/api/v1/projects/:id/transitions',
    {
      schema: {
        tags,
        summary: '阶段变更 Move a project to another stage',
        params: idParams,
        body: transitionBody,
        response: { 200: detail, ...standardErrors },
      },
    },
    (request) => projects.transition(requireActor(request), request.params.id, request.body, clientIp(request)),
  );

  app.get(
    '/api/v1/project-lists',
    {
      schema: {
        tags,
        summary: '四张清单 The four lists of a year',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          unitId: z.coerce.number().int().positive().optional(),
        }),
        response: {
          200: z.object({
            year: z.number(),
            unitId: z.number(),
            lists: z.object({ planning: listTotals, reserve: listTotals, start: listTotals, production: listTotals }),
          }),
          ...standardErrors,
        },
      },
    },
    (request) => queries.fourLists(requireActor(request), request.query.year, request.query.unitId),
  );

  app.get('/api/v1/industries', { schema: { tags, summary: '国民经济行业分类 GB/T 4754-2017' } }, () => ({
    sections: INDUSTRY_SECTIONS,
    divisions: INDUSTRY_DIVISIONS,
  }));
}
