import type { Writable } from 'node:stream';
import { requireActor } from '../../http/auth.ts';
import { auditExportQuery, auditQuery, auditResponse } from '../../../contract/audit.ts';
import { fileResponse, standardErrors } from '../../../contract/common.ts';
import { AUDIT_EXPORT_MAX_ROWS } from '../../../domain/audit/audit-limits.ts';
import { localeOf, type Locale } from '../../http/i18n.ts';
import type { Api } from '../../http/types.ts';
import { attachment, streamingWorkbook, XLSX_TYPE } from '../exports/xlsx.ts';
import type { AuditService } from './audit.service.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import { writeAuditSheet } from './audit-export.sheet.ts';

/** Lets the writer run on while the reply streams; a failure half-way ends the download with an error. */
function inBackground(output: Writable, work: Promise<unknown>): void {
  work.catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
}

export function registerAuditRoutes(
  app: Api,
  {
    audit,
    defaultLocale,
    timeZone,
    today,
  }: { audit: AuditService; defaultLocale: Locale; timeZone: string; today: () => string },
) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          '审计日志 Audit events, newest first; sign-ins only when asked; paged by page/pageSize (with total) or by cursor',
        querystring: auditQuery,
        response: { 200: auditResponse, ...standardErrors },
      },
    },
    async (request) => {
      const { rows, nextCursor, total, page } = await audit.read(requireActor(request), request.query);
      return { items: rows.map(presentAuditEvent), nextCursor, total, page };
    },
  );

  app.get(
    '/api/v1/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: `导出审计日志 The filtered audit list as .xlsx in the reader's language, at most ${AUDIT_EXPORT_MAX_ROWS} events`,
        querystring: auditExportQuery,
        response: { 200: fileResponse('The audit list', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { batches } = await audit.forExport(requireActor(request), request.query);
      const locale = localeOf(request.headers['accept-language'], defaultLocale);
      const { workbook, output } = streamingWorkbook();
      inBackground(output, writeAuditSheet(workbook, output, batches, { locale, timeZone }));
      const day = today();
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`审计日志-${day}.xlsx`, `audit-${day}.xlsx`))
        .header('cache-control', 'no-store')
        .send(output);
    },
  );
}
