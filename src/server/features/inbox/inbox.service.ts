import { reachOf } from '../../../domain/access/roles.ts';
import { monthBefore } from '../../../domain/lights/period.ts';
import type { InboxResponse } from '../../../contract/inbox.ts';
import type { Today } from '../../clock.ts';
import type { EnterpriseService } from '../enterprises/enterprises.service.ts';
import type { ReportService } from '../reports/reports.service.ts';
import type { ActorContext } from '../session/actor.ts';
import type { TicketService } from '../tickets/tickets.service.ts';
import type { Locale } from '../tickets/tickets.presenter.ts';

/** Licences show in an inbox this many days before they end: the widest reminder window. */
export const INBOX_LICENCE_DAYS = 90;

/**
 * Each person's inbox, assembled from what the other features already scope: the tickets' next steps,
 * the reports of last month the person files, the licences of the enterprises they look after.
 */
export function createInbox(deps: {
  tickets: TicketService;
  reports: Pick<ReportService, 'toFile'>;
  enterprises: Pick<EnterpriseService, 'licences'>;
  today: Today;
}) {
  const { tickets, reports, enterprises, today } = deps;
  return {
    async of(actor: ActorContext, locale: Locale): Promise<InboxResponse> {
      const day = today();
      const period = monthBefore({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });
      // Those who file: a unit's editors (the office reviews; its to-do is the work list).
      const files = reachOf(actor.role, 'report', 'create') === 'subtree';
      const readsLicences = reachOf(actor.role, 'enterprise', 'read') !== 'none';
      const [waiting, toFile, licences] = await Promise.all([
        tickets.waitingFor(actor, locale),
        files ? reports.toFile(actor, period.year, period.month) : null,
        readsLicences ? enterprises.licences(actor, { withinDays: INBOX_LICENCE_DAYS, page: 1, pageSize: 10 }) : null,
      ]);
      const reportCount = toFile ? toFile.items.filter((i) => i.can.file || i.can.submit).length : 0;
      const licenceCount = licences?.total ?? 0;
      return {
        total: waiting.total + reportCount + licenceCount,
        tickets: { count: waiting.total, items: waiting.items },
        reports: { ...period, deadline: toFile?.deadline ?? '', count: reportCount },
        licences: {
          withinDays: INBOX_LICENCE_DAYS,
          count: licenceCount,
          expired: licences?.expired ?? 0,
          items: licences?.items ?? [],
        },
      };
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
