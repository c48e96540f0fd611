import { z } from 'zod';
import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, noContent, standardErrors, unitKindSchema } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import type { UnitService } from './units.service.ts';

const unitSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  kind: z.string(),
  regionCode: z.string().nullable(),
  depth: z.number(),
  sortOrder: z.number(),
  childCount: z.number(),
  userCount: z.number(),
});
const unitName = z.string().trim().min(1).max(50);
const sortOrder = z.number().int().min(0).max(100000);

export function registerUnitRoutes(app: Api, { units }: { units: UnitService }) {
  const tags = ['units'];
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: '单位树 The unit tree (flat)',
        response: { 200: z.object({ items: z.array(unitSchema) }), ...standardErrors },
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
        body: z.strictObject({
          parentId: z.number().int().positive(),
          name: unitName,
          kind: unitKindSchema,
          regionCode: z
            .string()
            .regex(/^\d{6,12}$/)
            .nullish(),
          sortOrder: sortOrder.optional(),
        }),
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
        body: z.strictObject({
          name: unitName.optional(),
          kind: unitKindSchema.optional(),
          parentId: z.number().int().positive().optional(),
          sortOrder: sortOrder.optional(),
        }),
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
