import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import type { Api } from '../../http/types.ts';
import type { DashboardService } from './dashboard.service.ts';

export function registerDashboardRoutes(app: Api, { dashboard }: { dashboard: DashboardService }) {
  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '领导驾驶舱 The year at a glance: totals, colours per unit, red list, monthly curve, four lists',
        querystring: z.object({
          unitId: z.coerce.number().int().positive().optional(),
          asOf: z.string().max(40).optional(),
        }),
      },
    },
    (request) => dashboard.overview(requireActor(request), request.query.unitId, request.query.asOf),
  );
}
