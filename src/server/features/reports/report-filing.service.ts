import type { FilingItemInput, ReportFilingInput } from '../../../contract/reports.ts';
import { timeProgress } from '../../../domain/progress/time-progress.ts';
import { checkReportText } from '../../../domain/reports/report-fields.ts';
import { reviewDeadline, submitDeadline, type ReportState } from '../../../domain/reports/report-rules.ts';
import type { Stage } from '../../../domain/projects/lifecycle.ts';
import type { Today } from '../../clock.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { reportPolicy } from '../../policies/report.policy.ts';
import type { ActorContext } from '../session/actor.ts';
import type { ReportFilingRepository } from './report-filing.repository.ts';
import { mayOn } from './report-months.service.ts';
import type { ReportSettings } from './report-settings.service.ts';
import { todoAbilities } from './reports.presenter.ts';
import type { ReportRepository } from './reports.repository.ts';
import type { ReportService } from './reports.service.ts';

export type FilingOutcome = { projectId: number } & (
  { ok: true; reportId: number; state: ReportState } | { ok: false; error: AppError }
);

const nullableNumber = (v: string | number | bigint | null) => (v === null ? null : Number(v));

/**
 * 本月填报: every project the actor must report for a month in one grid, and the grid saved row by row.
 * Each row goes through the report service's own create / update / submit (each its own transaction with
 * its own audit event, exactly as a single filing), so a refused row never stops the others.
 */
export function createReportFiling({
  filing,
  reports,
  service,
  settings,
  today,
}: {
  filing: ReportFilingRepository;
  reports: Pick<ReportRepository, 'revisionsOf'>;
  service: Pick<ReportService, 'create' | 'update' | 'submit'>;
  settings: Pick<ReportSettings, 'calendar'>;
  today: Today;
}) {
  /** A text too long refuses its row, naming the cell, before anything of the row is written. */
  function checkTexts(item: FilingItemInput) {
    for (const field of ['progressText', 'problems'] as const) {
      if (checkReportText(field, item[field]) === 'TOO_LONG')
        throw invalid('V_TOO_LONG', { field: `@${field}`, n: 2000 }, field);
    }
  }

  async function fileOne(actor: ActorContext, period: ReportFilingInput, item: FilingItemInput, ip: string | null) {
    checkTexts(item);
    const texts = { progressText: item.progressText, problems: item.problems };
    const revisions = await reports.revisionsOf(item.projectId, period.year, period.month);
    const current = revisions.find((r) => r.is_current === 1);
    // The report service checks the project's scope, the month, the amount and the report's state.
    const saved = current
      ? await service.update(actor, Number(current.id), { amountWan: item.amountWan, ...texts }, ip)
      : await service.create(
          actor,
          item.projectId,
          { year: period.year, month: period.month, amountWan: item.amountWan, ...texts },
          ip,
        );
    const done = period.submit ? await service.submit(actor, saved.id, ip) : saved;
    return { reportId: done.id, state: done.state };
  }

  return {
    async filingGrid(actor: ActorContext, year: number, month: number) {
      const rows = await filing.rows(reportPolicy.fileScope(actor), year, month);
      const calendar = await settings.calendar();
      return {
        year,
        month,
        today: today(),
        deadline: submitDeadline(year, month, calendar),
        reviewDeadline: reviewDeadline(year, month, calendar),
        timeProgressPct: timeProgress(month),
        items: rows.map((r) => ({
          projectId: r.project_id,
          projectName: r.name,
          projectCode: r.code,
          unitName: r.unit_name,
          stage: r.stage as Stage,
          totalInvestmentYuan: Number(r.total_investment),
          planYuan: nullableNumber(r.plan_amount),
          yearToDateYuan: Number(r.year_to_date ?? 0),
          lastMonth:
            r.last_id === null ? null : { progressText: r.last_progress_text ?? '', problems: r.last_problems ?? '' },
          report:
            r.report_id === null
              ? null
              : {
                  id: Number(r.report_id),
                  state: r.state as ReportState,
                  amountYuan: Number(r.amount),
                  progressText: r.progress_text ?? '',
                  problems: r.problems ?? '',
                  returnReason: r.return_reason,
                  isLate: r.is_late === 1,
                  photoCount: Number(r.photo_count ?? 0),
                },
          can: todoAbilities(r.state as ReportState | null, mayOn(actor, r)),
        })),
      };
    },

    /** Saves (and submits) each row on its own, in the order given; a refused row says why, naming its cell. */
    async fileMany(actor: ActorContext, body: ReportFilingInput, ip: string | null): Promise<FilingOutcome[]> {
      reportPolicy.fileScope(actor);
      if (new Set(body.items.map((i) => i.projectId)).size !== body.items.length)
        throw invalid('REPORT_FILING_DUPLICATE', {}, 'items');
      const results: FilingOutcome[] = [];
      for (const item of body.items) {
        try {
          results.push({ projectId: item.projectId, ok: true, ...(await fileOne(actor, body, item, ip)) });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({ projectId: item.projectId, ok: false, error: e });
        }
      }
      return results;
    },
  };
}

export type ReportFiling = ReturnType<typeof createReportFiling>;
