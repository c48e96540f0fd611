import { z } from 'zod';
import { clientIp, requireActor } from '../../http/auth.ts';
import {
  displayNameSchema,
  idParams,
  passwordSchema,
  roleSchema,
  standardErrors,
  usernameSchema,
} from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import type { UserService } from './users.service.ts';

const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
});

export function registerUserRoutes(app: Api, { users }: { users: UserService }) {
  const tags = ['users'];
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '用户列表 Users the caller may see',
        querystring: z.object({
          unitId: z.coerce.number().int().positive().optional(),
          q: z.string().trim().max(40).optional(),
        }),
        response: { 200: z.object({ items: z.array(userSchema) }), ...standardErrors },
      },
    },
    async (request) => ({ items: await users.list(requireActor(request), request.query) }),
  );

  app.get(
    '/api/v1/users/:id',
    { schema: { tags, summary: '用户 A user', params: idParams, response: { 200: userSchema, ...standardErrors } } },
    (request) => users.get(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '新建用户 Create a user',
        body: z.strictObject({
          username: usernameSchema,
          displayName: displayNameSchema,
          password: passwordSchema,
          role: roleSchema,
          unitId: z.number().int().positive(),
        }),
        response: { 201: userSchema, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.create(requireActor(request), request.body, clientIp(request))),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户 Edit a user',
        params: idParams,
        body: z.strictObject({
          displayName: displayNameSchema.optional(),
          role: roleSchema.optional(),
          unitId: z.number().int().positive().optional(),
          isActive: z.boolean().optional(),
          password: passwordSchema.optional(),
        }),
        response: { 200: userSchema, ...standardErrors },
      },
    },
    (request) => users.update(requireActor(request), request.params.id, request.body, clientIp(request)),
  );
}
