import type { Kysely } from 'kysely';
import {
  canDo,
  isFutureMonth,
  isLate,
  nextState,
  type ReportAction,
  type ReportState,
} from '../../../domain/reports/report-rules.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { reportPolicy } from '../../policies/report.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ProjectRepository } from '../projects/projects.repository.ts';
import { yuanFrom } from '../projects/projects.input.ts';
import type { ActorContext } from '../session/actor.ts';
import type { ReportRepository, ReportRow } from './reports.repository.ts';
import type { ReportSettings } from './report-settings.service.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import type { ReportPhotoService } from '../report-photos/report-photos.service.ts';
import { withCumulative } from './reports.presenter.ts';
import type { ReportView } from '../../../contract/reports.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createReportMonths, mayOn } from './report-months.service.ts';
import type { NoticeService } from '../notices/notices.service.ts';

export interface NewReport {
  year: number;
  month: number;
  amountWan: string | number;
  progressText?: string;
  problems?: string;
}

export interface ReportServiceDeps {
  db: Kysely<DB>;
  reports: ReportRepository;
  projects: ProjectRepository;
  /** The unit tree, for the per-unit status of a month. */
  units: Pick<UnitRepository, 'listAll'>;
  audit: AuditLog;
  clock: Clock;
  /** The county's date. */
  today: Today;
  /** Called after a commit that may change a project's light (approve, correction approved). */
  /** After an approval: the project's light, and those of the months since the report's month that have none. */
  onReportApproved?: (projectId: number, month: { year: number; month: number }) => Promise<void>;
  settings: ReportSettings;
  /** Keeps the units' monthly sums current inside the approving transaction. */
  stats: Pick<UnitStats, 'track'>;
  photos: Pick<ReportPhotoService, 'copyPhotos'>;
  /** A returned report is told to the editors who file it. */
  notices: Pick<NoticeService, 'notify' | 'editorsCovering'>;
}

const view = (r: ReportRow) => ({
  year: r.year,
  month: r.month,
  revision: r.revision,
  amount: Number(r.amount),
  state: r.state,
  isLate: r.is_late === 1,
  isCurrent: r.is_current === 1,
});

export function createReportService({
  db,
  reports,
  projects,
  units,
  audit,
  clock,
  today,
  onReportApproved,
  settings,
  stats,
  photos,
  notices,
}: ReportServiceDeps) {
  const months = createReportMonths({ reports, units, settings, today });

  /** A locked month takes no new filing, editing or submitting; corrections still go through review. */
  async function assertOpen(year: number, month: number, ex: Kysely<DB>) {
    if (await settings.isLocked(year, month, ex)) throw conflict('REPORT_MONTH_LOCKED', { year, month });
  }

  async function visibleProject(actor: ActorContext, projectId: number, ex: Kysely<DB> = db) {
    const p = await projects.findById(projectId, ex);
    if (!p || !reportPolicy.canRead(actor, p)) throw notFound('project');
    return p;
  }

  async function visibleReport(actor: ActorContext, id: number, ex: Kysely<DB> = db) {
    const r = await reports.findById(id, ex);
    if (!r) throw notFound('report');
    const p = await visibleProject(actor, r.project_id, ex).catch(() => {
      throw notFound('report');
    });
    return { r, p };
  }

  function amountWithin(amountWan: string | number, totalInvestment: number) {
    const amount = yuanFrom(amountWan, 'amountWan');
    if (amount > Number(totalInvestment)) throw invalid('REPORT_ABOVE_TOTAL', {}, 'amountWan');
    return amount;
  }

  function assertCan(action: ReportAction, state: string) {
    if (!canDo(action, state as ReportState)) {
      if (state === 'approved') throw conflict('REPORT_APPROVED');
      throw conflict('REPORT_WRONG_STATE', { state: `@reportState.${state}`, action: `@reportAction.${action}` });
    }
  }

  /** Moves a report through submit / approve / return in one transaction with its audit event. */
  async function move(
    actor: ActorContext,
    id: number,
    action: 'submit' | 'approve' | 'return',
    reason: string | undefined,
    ip: string | null,
    seen?: { submittedAt: string },
  ) {
    const moved = await db.transaction().execute(async (trx) => {
      const { r, p } = await visibleReport(actor, id, trx);
      const allowed = action === 'submit' ? reportPolicy.canFile(actor, p) : reportPolicy.canReview(actor, p);
      if (!allowed) throw forbidden();
      assertCan(action, r.state);
      // A batch review acts on the submissions the reviewer saw: one filed again since is not approved unseen.
      if (seen && r.submitted_at !== seen.submittedAt) throw conflict('REPORT_CHANGED_SINCE_SEEN');
      const at = clock().toISOString();
      const patch: Partial<ReportRow> = { state: nextState(action), updated_at: at };
      // Lateness belongs to the month's first filing; a correction is never late, however often it goes back and forth.
      if (action === 'submit' && r.revision === 1) await assertOpen(r.year, r.month, trx);
      const calendar = await settings.calendar(trx);
      if (action === 'submit')
        Object.assign(patch, {
          submitted_at: at,
          is_late: r.revision === 1 && isLate(today(), r.year, r.month, calendar) ? 1 : 0,
          return_reason: null,
        });
      else
        Object.assign(patch, {
          reviewed_at: at,
          reviewed_by: actor.displayName,
          return_reason: action === 'return' ? reason : null,
        });
      const store = async () => {
        if (!(await reports.moveFrom(trx, id, r.state, patch))) throw conflict('REPORT_MOVED_MEANWHILE');
        if (action === 'approve') await reports.makeCurrent(trx, r);
      };
      // Only an approval changes what counts as completed (the unit's monthly sums).
      await (action === 'approve' ? stats.track(trx, [r.project_id], store) : store());
      await audit.record(
        {
          actor,
          action: `report.${action}`,
          objectType: 'report',
          objectId: String(id),
          unitPath: p.unit_path,
          summary: `${p.name} ${r.year}年${r.month}月月报（第 ${r.revision} 版）：${action === 'submit' ? '报送' : action === 'approve' ? '审核通过' : `退回：${reason}`}`,
          before: view(r),
          after: view({ ...r, ...patch, is_current: action === 'approve' ? 1 : r.is_current }),
          ip,
        },
        trx,
      );
      if (action === 'return') {
        const editors = await notices.editorsCovering(p.unit_path, trx);
        const facts = {
          reportId: id,
          projectId: p.id,
          projectName: p.name,
          year: r.year,
          month: r.month,
          reason: reason!,
        };
        await notices.notify(trx, editors, 'report_returned', facts, actor);
      }
      return { projectId: r.project_id, year: r.year, month: r.month };
    });
    if (action === 'approve') await onReportApproved?.(moved.projectId, { year: moved.year, month: moved.month });
    return getReport(actor, id);
  }

  async function getReport(actor: ActorContext, id: number) {
    const { r, p } = await visibleReport(actor, id);
    const all = await reports.ofProject(r.project_id);
    return withCumulative(all, mayOn(actor, p)).find((x) => x.id === id)!;
  }

  return {
    get: getReport,

    /** Every report and revision of a project, newest first, with derived cumulative figures. */
    async listForProject(actor: ActorContext, projectId: number) {
      const p = await visibleProject(actor, projectId);
      return { projectId: p.id, items: withCumulative(await reports.ofProject(projectId), mayOn(actor, p)) };
    },

    async create(actor: ActorContext, projectId: number, input: NewReport, ip: string | null) {
      const id = await db.transaction().execute(async (trx) => {
        const p = await visibleProject(actor, projectId, trx);
        if (!reportPolicy.canFile(actor, p)) throw forbidden();
        if (isFutureMonth(input.year, input.month, today()))
          throw invalid('REPORT_FUTURE', { year: input.year, month: input.month }, 'month');
        await assertOpen(input.year, input.month, trx);
        if ((await reports.revisionsOf(projectId, input.year, input.month, trx)).length) {
          throw new AppError(409, 'DUPLICATE', 'REPORT_DUPLICATE', { year: input.year, month: input.month }, 'month');
        }
        const at = clock().toISOString();
        const { id } = await reports.insert(trx, {
          project_id: projectId,
          year: input.year,
          month: input.month,
          revision: 1,
          is_current: 1,
          amount: amountWithin(input.amountWan, p.total_investment),
          progress_text: input.progressText ?? '',
          problems: input.problems ?? '',
          state: 'draft',
          is_late: 0,
          correction_reason: null,
          return_reason: null,
          submitted_at: null,
          reviewed_at: null,
          reviewed_by: null,
          created_by: actor.displayName,
          created_at: at,
          updated_at: at,
        });
        await audit.record(
          {
            actor,
            action: 'report.create',
            objectType: 'report',
            objectId: String(id),
            unitPath: p.unit_path,
            summary: `${p.name} ${input.year}年${input.month}月月报（草稿）`,
            after: { year: input.year, month: input.month },
            ip,
          },
          trx,
        );
        return Number(id);
      });
      return getReport(actor, id);
    },

    async update(
      actor: ActorContext,
      id: number,
      input: Partial<Omit<NewReport, 'year' | 'month'>>,
      ip: string | null,
    ) {
      await db.transaction().execute(async (trx) => {
        const { r, p } = await visibleReport(actor, id, trx);
        if (!reportPolicy.canFile(actor, p)) throw forbidden();
        assertCan('edit', r.state);
        if (r.revision === 1) await assertOpen(r.year, r.month, trx);
        const patch: Partial<ReportRow> = { updated_at: clock().toISOString() };
        if (input.amountWan !== undefined) patch.amount = amountWithin(input.amountWan, p.total_investment);
        if (input.progressText !== undefined) patch.progress_text = input.progressText;
        if (input.problems !== undefined) patch.problems = input.problems;
        await reports.update(trx, id, patch);
        await audit.record(
          {
            actor,
            action: 'report.update',
            objectType: 'report',
            objectId: String(id),
            unitPath: p.unit_path,
            summary: `修改 ${p.name} ${r.year}年${r.month}月月报`,
            before: view(r),
            after: view({ ...r, ...patch }),
            ip,
          },
          trx,
        );
      });
      return getReport(actor, id);
    },

    submit: (actor: ActorContext, id: number, ip: string | null) => move(actor, id, 'submit', undefined, ip),
    approve: (actor: ActorContext, id: number, ip: string | null) => move(actor, id, 'approve', undefined, ip),

    /**
     * Approves many reports, each in its own transaction with its own audit event, exactly as one
     * approval would: a row that cannot be approved (changed since the reviewer saw it, already approved,
     * not the reviewer's) is refused with its reason and the others proceed. In the order given.
     */
    async approveMany(actor: ActorContext, items: { id: number; submittedAt: string }[], ip: string | null) {
      if (!reportPolicy.mayReviewSome(actor)) throw forbidden();
      const ids = new Set(items.map((i) => i.id));
      if (ids.size !== items.length) throw invalid('REPORT_BATCH_DUPLICATE', {}, 'items');
      const results: ({ id: number } & ({ ok: true; report: ReportView } | { ok: false; error: AppError }))[] = [];
      for (const item of items) {
        try {
          const report = await move(actor, item.id, 'approve', undefined, ip, { submittedAt: item.submittedAt });
          results.push({ id: item.id, ok: true, report });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({ id: item.id, ok: false, error: e });
        }
      }
      return results;
    },
    return: (actor: ActorContext, id: number, reason: string, ip: string | null) =>
      move(actor, id, 'return', reason, ip),

    /**
     * A correction of an approved report: a new revision, submitted for review with its reason.
     * The approved revision keeps counting until the correction is approved; both stay visible.
     */
    async correct(
      actor: ActorContext,
      id: number,
      input: { amountWan: string | number; reason: string; progressText?: string; problems?: string },
      ip: string | null,
    ) {
      const newId = await db.transaction().execute(async (trx) => {
        const { r, p } = await visibleReport(actor, id, trx);
        if (!reportPolicy.canFile(actor, p)) throw forbidden();
        const revisions = await reports.revisionsOf(r.project_id, r.year, r.month, trx);
        const current = revisions.find((x) => x.is_current === 1);
        if (!current || current.state !== 'approved') throw conflict('REPORT_NOT_APPROVED');
        if (revisions.some((x) => x.revision > current.revision && x.state !== 'approved'))
          throw conflict('REPORT_CORRECTION_PENDING');
        const at = clock().toISOString();
        const { id: created } = await reports.insert(trx, {
          project_id: r.project_id,
          year: r.year,
          month: r.month,
          revision: Math.max(...revisions.map((x) => x.revision)) + 1,
          is_current: 0,
          amount: amountWithin(input.amountWan, p.total_investment),
          progress_text: input.progressText ?? current.progress_text,
          problems: input.problems ?? current.problems,
          state: 'submitted',
          is_late: 0,
          correction_reason: input.reason,
          return_reason: null,
          submitted_at: at,
          reviewed_at: null,
          reviewed_by: null,
          created_by: actor.displayName,
          created_at: at,
          updated_at: at,
        });
        // The correction starts with the corrected revision's photos; that revision keeps its own.
        await photos.copyPhotos(current.id, Number(created), trx);
        await audit.record(
          {
            actor,
            action: 'report.correct',
            objectType: 'report',
            objectId: String(created),
            unitPath: p.unit_path,
            summary: `更正 ${p.name} ${r.year}年${r.month}月月报：${input.reason}`,
            before: view(current),
            after: { amount: amountWithin(input.amountWan, p.total_investment), reason: input.reason },
            ip,
          },
          trx,
        );
        return Number(created);
      });
      return getReport(actor, newId);
    },

    ...months,
  };
}

export type ReportService = ReturnType<typeof createReportService>;
