import { clientIp, requireActor } from '../../http/auth.ts';
import { appErrorMessage } from '../../http/error-handler.ts';
import { localeOf, type Locale } from '../../http/i18n.ts';
import { standardErrors } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import {
  reportFilingBody,
  reportFilingResponse,
  reportFilingResponseBody,
  reportPeriodQuery,
} from '../../../contract/reports.ts';
import type { ReportFiling } from './report-filing.service.ts';

/** 本月填报: the month's filing grid, read and saved row by row. */
export function registerReportFilingRoutes(
  app: Api,
  { filing, defaultLocale }: { filing: ReportFiling; defaultLocale: Locale },
) {
  const tags = ['reports'];
  app.get(
    '/api/v1/reports/filing',
    {
      schema: {
        tags,
        summary: '本月填报表 Every project the caller must report for a month, with plan, year-to-date and last month',
        querystring: reportPeriodQuery,
        response: { 200: reportFilingResponse, ...standardErrors },
      },
    },
    (request) => filing.filingGrid(requireActor(request), request.query.year, request.query.month),
  );

  app.post(
    '/api/v1/reports/filing',
    {
      schema: {
        tags,
        summary: '批量填报 Save (and submit) many projects’ reports of a month, each row on its own',
        description:
          'Each row is saved as a draft (created, or the current draft or returned report edited) and, with `submit`, submitted, through the same steps and audit events as a single filing. A refused row (bad amount or text, a report already submitted or approved, a project the caller does not file) says why, naming the cell in `field`; the others proceed.',
        body: reportFilingBody,
        response: { 200: reportFilingResponseBody, ...standardErrors },
      },
    },
    async (request) => {
      const locale = localeOf(request.headers['accept-language'], defaultLocale);
      const results = await filing.fileMany(requireActor(request), request.body, clientIp(request));
      const items = results.map((r) =>
        r.ok
          ? r
          : {
              projectId: r.projectId,
              ok: false as const,
              error: { code: r.error.code, message: appErrorMessage(r.error, locale), field: r.error.field ?? null },
            },
      );
      const saved = items.filter((i) => i.ok).length;
      const submitted = items.filter((i) => i.ok && i.state === 'submitted').length;
      return { saved, submitted, refused: items.length - saved, items };
    },
  );
}
