import { clientIp, requireActor } from '../../http/auth.ts';
import { standardErrors } from '../../../contract/common.ts';
import {
  reportCalendar,
  reportCalendarBody,
  reportLock,
  reportLockBody,
  reportLocksResponse,
} from '../../../contract/reports.ts';
import type { Api } from '../../http/types.ts';
import type { ReportSettings } from './report-settings.service.ts';

export function registerReportSettingsRoutes(app: Api, { settings }: { settings: ReportSettings }) {
  const tags = ['reports'];
  app.get(
    '/api/v1/report-calendar',
    {
      schema: {
        tags,
        summary: '月报报送时间 The reporting calendar',
        response: { 200: reportCalendar, ...standardErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return settings.calendar();
    },
  );

  app.put(
    '/api/v1/report-calendar',
    {
      schema: {
        tags,
        summary: '修改报送时间 Change the reporting calendar',
        body: reportCalendarBody,
        response: { 200: reportCalendar, ...standardErrors },
      },
    },
    (request) => settings.setCalendar(requireActor(request), request.body, clientIp(request)),
  );

  app.get(
    '/api/v1/report-locks',
    {
      schema: {
        tags,
        summary: '已锁定的月份 Locked months',
        response: { 200: reportLocksResponse, ...standardErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return {
        items: (await settings.locks()).map((l) => ({
          year: l.year,
          month: l.month,
          lockedBy: l.locked_by,
          lockedAt: l.locked_at,
        })),
      };
    },
  );

  app.post(
    '/api/v1/report-locks',
    {
      schema: {
        tags,
        summary: '锁定月份 Lock a month: only corrections afterwards',
        body: reportLockBody,
        response: { 201: reportLock, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await settings.lockMonth(requireActor(request), request.body.year, request.body.month, clientIp(request)),
        ),
  );
}
