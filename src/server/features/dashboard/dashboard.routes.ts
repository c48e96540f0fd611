import { standardErrors } from '../../../contract/common.ts';
import { dashboardQuery, dashboardResponse } from '../../../contract/dashboard.ts';
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
        querystring: dashboardQuery,
        response: { 200: dashboardResponse, ...standardErrors },
      },
    },
    (request) => dashboard.overview(requireActor(request), request.query.unitId, request.query.asOf),
  );
}
