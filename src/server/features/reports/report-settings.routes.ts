import { z } from 'zod';
import { clientIp, requireActor } from '../../http/auth.ts';
import { standardErrors } from '../../http/schemas.ts';
import type { Api } from '../../http/types.ts';
import type { ReportSettings } from './report-settings.service.ts';

const calendar = z.object({ submitByDay: z.number().int(), reviewByDay: z.number().int() });

export function registerReportSettingsRoutes(app: Api, { settings }: { settings: ReportSettings }) {
  const tags = ['reports'];
  app.get(
    '/api/v1/report-calendar',
    {
      schema: { tags, summary: '月报报送时间 The reporting calendar', response: { 200: calendar, ...standardErrors } },
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
        body: z.strictObject(calendar.shape),
        response: { 200: calendar, ...standardErrors },
      },
    },
    (request) => settings.setCalendar(requireActor(request), request.body, clientIp(request)),
  );

  app.get('/api/v1/report-locks', { schema: { tags, summary: '已锁定的月份 Locked months' } }, async (request) => {
    requireActor(request);
    return {
      items: (await settings.locks()).map((l) => ({
        year: l.year,
        month: l.month,
        lockedBy: l.locked_by,
        lockedAt: l.locked_at,
      })),
    };
  });

  app.post(
    '/api/v1/report-locks',
    {
      schema: {
        tags,
        summary: '锁定月份 Lock a month: only corrections afterwards',
        body: z.strictObject({ year: z.number().int().min(2000).max(2100), month: z.number().int().min(1).max(12) }),
        response: { 201: z.unknown(), ...standardErrors },
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
