import { clientIp, requireActor } from '../../http/auth.ts';
import { appErrorMessage } from '../../http/error-handler.ts';
import { localeOf, type Locale } from '../../http/i18n.ts';
import { standardErrors } from '../../../contract/common.ts';
import { reportReminderBody, reportReminderResponse } from '../../../contract/notices.ts';
import type { Api } from '../../http/types.ts';
import type { ReportReminders } from './report-reminders.service.ts';

export function registerReportReminderRoutes(
  app: Api,
  { reminders, defaultLocale }: { reminders: ReportReminders; defaultLocale: Locale },
) {
  app.post(
    '/api/v1/reports/reminders',
    {
      schema: {
        tags: ['reports'],
        summary: '催报 Remind units of the month’s reports they have not filed',
        description:
          "Each unit's editors (those of the unit and of the units below it) get a notice, in one transaction per unit with its audit event. A unit that has filed everything due, has nothing due that month or has no editor is refused with the reason; the others are reminded.",
        body: reportReminderBody,
        response: { 200: reportReminderResponse, ...standardErrors },
      },
    },
    async (request) => {
      const locale = localeOf(request.headers['accept-language'], defaultLocale);
      const results = await reminders.remind(requireActor(request), request.body, clientIp(request));
      const items = results.map((r) =>
        r.ok
          ? r
          : {
              unitId: r.unitId,
              ok: false as const,
              error: { code: r.error.code, message: appErrorMessage(r.error, locale) },
            },
      );
      return { reminded: items.filter((i) => i.ok).length, items };
    },
  );
}
