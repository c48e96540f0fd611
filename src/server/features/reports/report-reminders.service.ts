import type { Kysely } from 'kysely';
import type { ReportReminderBody } from '../../../contract/notices.ts';
import { isFutureMonth } from '../../../domain/reports/report-rules.ts';
import { outstandingOf, reminderRefusal } from '../../../domain/reports/reminders.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid } from '../../http/errors.ts';
import { reportPolicy } from '../../policies/report.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { NoticeService } from '../notices/notices.service.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { ReportRepository } from './reports.repository.ts';
import type { ReportSettings } from './report-settings.service.ts';
import { createReportMonths } from './report-months.service.ts';
import { submitDeadline } from '../../../domain/reports/report-rules.ts';

export type ReminderResult = { unitId: number } & (
  { ok: true; notified: number; outstanding: number } | { ok: false; error: AppError }
);

/**
 * 催报: the project office reminds units of the month's reports they have not filed. Each unit is reminded
 * in its own transaction — its editors' notices and its audit event together — and a unit that has filed
 * everything, has nothing due or has no editor is refused with the reason while the others go ahead.
 */
export function createReportReminders(deps: {
  db: Kysely<DB>;
  reports: ReportRepository;
  units: Pick<UnitRepository, 'listAll'>;
  settings: ReportSettings;
  notices: Pick<NoticeService, 'notify' | 'editorsWithin'>;
  audit: AuditLog;
  clock: Clock;
  today: Today;
}) {
  const { db, units, settings, notices, audit, today } = deps;
  const months = createReportMonths(deps);

  return {
    async remind(actor: ActorContext, input: ReportReminderBody, ip: string | null): Promise<ReminderResult[]> {
      if (!reportPolicy.mayReviewSome(actor)) throw forbidden();
      const { year, month, unitIds } = input;
      if (new Set(unitIds).size !== unitIds.length) throw invalid('REPORT_REMINDER_DUPLICATE', {}, 'unitIds');
      if (isFutureMonth(year, month, today())) throw invalid('REPORT_FUTURE', { year, month }, 'month');
      // What the reviewer's status table shows: the same counts decide who may be reminded.
      const status = new Map((await months.status(actor, year, month)).units.map((u) => [u.unitId, u]));
      const byId = new Map((await units.listAll()).map((u) => [Number(u.id), u]));
      const deadline = submitDeadline(year, month, await settings.calendar());
      const results: ReminderResult[] = [];
      for (const unitId of unitIds) {
        try {
          const counts = status.get(unitId);
          const unit = byId.get(unitId);
          const refusal = reminderRefusal(counts);
          if (!unit || refusal === 'nothing_due') throw conflict('REPORT_REMINDER_NOTHING_DUE', { year, month });
          if (refusal === 'all_filed') throw conflict('REPORT_REMINDER_ALL_FILED', { unit: unit.name, year, month });
          const outstanding = outstandingOf(counts!);
          const notified = await db.transaction().execute(async (trx) => {
            const editors = await notices.editorsWithin(unit.path, trx);
            if (!editors.length) throw conflict('REPORT_REMINDER_NO_EDITOR', { unit: unit.name });
            await notices.notify(
              trx,
              editors,
              'report_reminder',
              { year, month, unitName: unit.name, outstanding, deadline },
              actor,
            );
            await audit.record(
              {
                actor,
                action: 'report.remind',
                objectType: 'unit',
                objectId: String(unitId),
                unitPath: unit.path,
                summary: `催报 ${unit.name} ${year}年${month}月月报：${outstanding} 个项目未报送，已通知 ${editors.length} 名填报员`,
                after: { year, month, outstanding, notified: editors.length },
                ip,
              },
              trx,
            );
            return editors.length;
          });
          results.push({ unitId, ok: true, notified, outstanding });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({ unitId, ok: false, error: e });
        }
      }
      return results;
    },
  };
}

export type ReportReminders = ReturnType<typeof createReportReminders>;
