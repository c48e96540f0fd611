import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, noContent, standardErrors } from '../../../contract/common.ts';
import { unitCreateBody, unitListResponse, unitSchema, unitUpdateBody } from '../../../contract/units.ts';
import type { Api } from '../../http/types.ts';
import type { UnitService } from './units.service.ts';

export function registerUnitRoutes(app: Api, { units }: { units: UnitService }) {
  const tags = ['units'];
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: '单位树 The unit tree (flat)',
        response: { 200: unitListResponse, ...standardErrors },
      },
    },
    async (request) => ({
      items: await units.list(requireActor(request)),
    }),
  );

  app.get(
    '/api/v1/units/:id',
    { schema: { tags, summary: '单位 A unit', params: idParams, response: { 200: unitSchema, ...standardErrors } } },
    (request) => units.get(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: '新增单位 Add a unit',
        body: unitCreateBody,
        response: { 201: unitSchema, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await units.create(requireActor(request), request.body, clientIp(request))),
  );

  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: '修改或移动单位 Edit or move a unit',
        params: idParams,
        body: unitUpdateBody,
        response: { 200: unitSchema, ...standardErrors },
      },
    },
    (request) => units.update(requireActor(request), request.params.id, request.body, clientIp(request)),
  );

  app.delete(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: '删除单位 Delete a unit',
        params: idParams,
        response: { 204: noContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      await units.remove(requireActor(request), request.params.id, clientIp(request));
      return reply.status(204).send(null);
    },
  );
}
