import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, standardErrors } from '../../../contract/common.ts';
import {
  userCreateBody,
  userListQuery,
  userListResponse,
  userSchema,
  userUpdateBody,
} from '../../../contract/users.ts';
import type { Api } from '../../http/types.ts';
import type { UserService } from './users.service.ts';

export function registerUserRoutes(app: Api, { users }: { users: UserService }) {
  const tags = ['users'];
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '用户列表 Users the caller may see',
        querystring: userListQuery,
        response: { 200: userListResponse, ...standardErrors },
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
        body: userCreateBody,
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
        body: userUpdateBody,
        response: { 200: userSchema, ...standardErrors },
      },
    },
    (request) => users.update(requireActor(request), request.params.id, request.body, clientIp(request)),
  );
}
