import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { standardErrors } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import type { AuditService } from './audit.service.ts';
import { presentAuditEvent } from './audit.presenter.ts';

const eventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export function registerAuditRoutes(app: Api, { audit }: { audit: AuditService }) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit events, newest first',
        querystring: z.object({
          objectType: z.string().max(40).optional(),
          objectId: z.string().max(40).optional(),
          userId: z.coerce.number().int().positive().optional(),
          from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(eventSchema), nextCursor: z.string().nullable() }),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { rows, nextCursor } = await audit.read(requireActor(request), request.query);
      return { items: rows.map(presentAuditEvent), nextCursor };
    },
  );
}
