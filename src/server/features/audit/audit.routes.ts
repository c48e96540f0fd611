import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { forbidden } from '../../http/errors.ts';
import { auditPolicy } from '../../policies/audit.policy.ts';
import { standardErrors } from '../../http/schemas.ts';
import type { Api } from '../../http/types.ts';
import type { AuditLog } from './audit.repository.ts';
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

export function registerAuditRoutes(app: Api, { audit }: { audit: AuditLog }) {
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
      const scope = auditPolicy.readScope(requireActor(request));
      if (scope.kind === 'none') throw forbidden();
      const q = request.query;
      // A bare date as the upper bound means "through the end of that day".
      const to = q.to && q.to.length === 10 ? `${q.to}T23:59:59.999Z` : q.to;
      const rows = await audit.list(scope, { ...q, to, limit: q.limit });
      return {
        items: rows.map(presentAuditEvent),
        nextCursor: rows.length === q.limit ? String(rows.at(-1)!.id) : null,
      };
    },
  );
}
