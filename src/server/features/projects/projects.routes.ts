import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../domain/industry/gbt4754.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, standardErrors } from '../../../contract/common.ts';
import {
  duplicatesQuery,
  duplicatesResponse,
  fourListsQuery,
  fourListsResponse,
  industriesResponse,
  projectCreateBody,
  projectDetail,
  projectListQuery,
  projectListResponse,
  projectPatchBody,
  transitionBody,
} from '../../../contract/projects.ts';
import type { Api } from '../../http/types.ts';
import type { ProjectQueries } from './project-queries.service.ts';
import type { ProjectService } from './projects.service.ts';

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
        summary: '项目库列表 Projects, filtered, paged by keyset cursor or page number, with the total',
        querystring: projectListQuery,
        response: { 200: projectListResponse, ...standardErrors },
      },
    },
    (request) => queries.list(requireActor(request), request.query),
  );

  app.get(
    '/api/v1/projects/duplicates',
    {
      schema: {
        tags,
        summary: '重复项目检查 Projects a new one would repeat: same name in the unit, or same code',
        querystring: duplicatesQuery,
        response: { 200: duplicatesResponse, ...standardErrors },
      },
    },
    (request) => queries.duplicates(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: '新建项目 Create a project',
        body: projectCreateBody,
        response: { 201: projectDetail, ...standardErrors },
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
        response: { 200: projectDetail, ...standardErrors },
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
        response: { 200: projectDetail, ...standardErrors },
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
        response: { 200: projectDetail, ...standardErrors },
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
        querystring: fourListsQuery,
        response: { 200: fourListsResponse, ...standardErrors },
      },
    },
    (request) => queries.fourLists(requireActor(request), request.query.year, request.query.unitId),
  );

  app.get(
    '/api/v1/industries',
    {
      config: { public: true },
      schema: { tags, summary: '国民经济行业分类 GB/T 4754-2017', response: { 200: industriesResponse } },
    },
    () => ({ sections: [...INDUSTRY_SECTIONS], divisions: [...INDUSTRY_DIVISIONS] }),
  );
}
