import { requireActor } from '../../http/auth.ts';
import { idParams, noContent, standardErrors } from '../../../contract/common.ts';
import { noticesResponse } from '../../../contract/notices.ts';
import type { Api } from '../../http/types.ts';
import type { NoticeService } from './notices.service.ts';

export function registerNoticeRoutes(app: Api, { notices }: { notices: NoticeService }) {
  const tags = ['notices'];
  app.get(
    '/api/v1/notices',
    {
      schema: {
        tags,
        summary: '我的通知 Your unread notices (催报, returned reports)',
        response: { 200: noticesResponse, ...standardErrors },
      },
    },
    async (request) => notices.unread(requireActor(request)),
  );

  app.post(
    '/api/v1/notices/:id/read',
    {
      schema: {
        tags,
        summary: '标记已读 Mark a notice read',
        params: idParams,
        response: { 204: noContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      await notices.markRead(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/notices/read',
    {
      schema: {
        tags,
        summary: '全部已读 Mark all your notices read',
        response: { 204: noContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      await notices.markAllRead(requireActor(request));
      return reply.status(204).send(null);
    },
  );
}
