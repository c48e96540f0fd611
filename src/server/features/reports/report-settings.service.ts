import type { Kysely } from 'kysely';
import { checkCalendar, DEFAULT_CALENDAR, type ReportingCalendar } from '../../../domain/reports/report-rules.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { MonthLockRepository } from './report-settings.repository.ts';

const CALENDAR_KEY = 'reportCalendar';

/** The county's reporting calendar and the months its coordinator has locked. */
export function createReportSettings({
  db,
  settings,
  monthLocks,
  audit,
  clock,
}: {
  db: Kysely<DB>;
  settings: SettingsRepository;
  monthLocks: MonthLockRepository;
  audit: AuditLog;
  clock: Clock;
}) {
  const assertReviewer = (actor: ActorContext) => {
    if (scopeFor(actor, 'reportReview', 'update').kind === 'none') throw forbidden();
  };

  return {
    async calendar(ex: Kysely<DB> = db): Promise<ReportingCalendar> {
      const value = await settings.find(CALENDAR_KEY, ex);
      return value ? (JSON.parse(value) as ReportingCalendar) : DEFAULT_CALENDAR;
    },

    async setCalendar(actor: ActorContext, calendar: ReportingCalendar, ip: string | null) {
      assertReviewer(actor);
      const error = checkCalendar(calendar);
      if (error) throw invalid(`CALENDAR_${error}`, {}, error === 'SUBMIT_DAY' ? 'submitByDay' : 'reviewByDay');
      const before = await this.calendar();
      const at = clock().toISOString();
      await db.transaction().execute(async (trx) => {
        await settings.put(trx, CALENDAR_KEY, JSON.stringify(calendar), at);
        await audit.record(
          {
            actor,
            action: 'reportCalendar.update',
            objectType: 'settings',
            objectId: CALENDAR_KEY,
            unitPath: null,
            summary: `月报报送时间：次月 ${calendar.submitByDay} 日前报送、${calendar.reviewByDay} 日前审核`,
            before,
            after: calendar,
            ip,
          },
          trx,
        );
      });
      return calendar;
    },

    isLocked: async (year: number, month: number, ex: Kysely<DB> = db) => !!(await monthLocks.find(year, month, ex)),

    locks: () => monthLocks.list(),

    /** Locks a month: from now on only corrections (with a reason, reviewed) change it. */
    async lockMonth(actor: ActorContext, year: number, month: number, ip: string | null) {
      assertReviewer(actor);
      const at = clock().toISOString();
      try {
        await db.transaction().execute(async (trx) => {
          await monthLocks.insert(trx, { year, month, locked_by: actor.displayName, locked_at: at });
          await audit.record(
            {
              actor,
              action: 'reportMonth.lock',
              objectType: 'settings',
              objectId: `${year}-${month}`,
              unitPath: null,
              summary: `锁定 ${year}年${month}月月报`,
              ip,
            },
            trx,
          );
        });
      } catch (e) {
        if (await this.isLocked(year, month))
          throw new AppError(409, 'CONFLICT', 'MONTH_ALREADY_LOCKED', { year, month });
        throw e;
      }
      return { year, month, lockedBy: actor.displayName, lockedAt: at };
    },
  };
}

export type ReportSettings = ReturnType<typeof createReportSettings>;
