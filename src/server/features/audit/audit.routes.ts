import { requireActor } from '../../http/auth.ts';
import { auditQuery, auditResponse } from '../../../contract/audit.ts';
import { standardErrors } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import type { AuditService } from './audit.service.ts';
import { presentAuditEvent } from './audit.presenter.ts';

export function registerAuditRoutes(app: Api, { audit }: { audit: AuditService }) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit events, newest first',
        querystring: auditQuery,
        response: { 200: auditResponse, ...standardErrors },
      },
    },
    async (request) => {
      const { rows, nextCursor } = await audit.read(requireActor(request), request.query);
      return { items: rows.map(presentAuditEvent), nextCursor };
    },
  );
}
