import {
  isReviewOverdue,
  reviewDeadline,
  submitDeadline,
  type ReportState,
} from '../../../domain/reports/report-rules.ts';
import type { Stage } from '../../../domain/projects/lifecycle.ts';
import type { Today } from '../../clock.ts';
import { reportPolicy } from '../../policies/report.policy.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { ReportRepository } from './reports.repository.ts';
import type { ReportSettings } from './report-settings.service.ts';
import { abilitiesOf, presentReport, todoAbilities, type ReportMay } from './reports.presenter.ts';
import { listScope } from '../../policies/list-scope.ts';

export const scopeForReports = (actor: ActorContext) => listScope(actor, 'report');

/** What the report policy lets the actor do with a project's reports (the states decide the rest). */
export const mayOn = (actor: ActorContext, p: { unit_path: string }): ReportMay => ({
  file: reportPolicy.canFile(actor, p),
  review: reportPolicy.canReview(actor, p),
});

/**
 * A month's reports seen across projects: every revision in the reader's scope, the to-do of what to
 * file, and per unit below the county how many are due, filed, late and missing.
 */
export function createReportMonths({
  reports,
  units,
  settings,
  today,
}: {
  reports: ReportRepository;
  units: Pick<UnitRepository, 'listAll'>;
  settings: Pick<ReportSettings, 'calendar'>;
  today: Today;
}) {
  /** Each project's lead unit rolls up to the unit directly below the county. */
  async function unitBelowCounty() {
    const all = await units.listAll();
    const root = all.find((u) => u.parent_id === null)!;
    const byPath = new Map(all.map((u) => [u.path, u]));
    return (path: string): { id: number; name: string } | undefined =>
      path === root.path ? root : byPath.get(`${root.path}${path.slice(root.path.length).split('/')[0]}/`);
  }

  return {
    /** Every revision of the month's reports in the actor's scope: current ones, returned ones, pending corrections. */
    async ofMonth(actor: ActorContext, year: number, month: number) {
      const rows = await reports.ofMonth(scopeForReports(actor), year, month);
      const present = (r: (typeof rows)[number]) =>
        presentReport(r, abilitiesOf(r, rows, mayOn(actor, { unit_path: r.project_unit_path })));
      return { year, month, items: rows.map(present) };
    },

    /** The month's obligations in the actor's scope: what to file, and where each stands. */
    async toFile(actor: ActorContext, year: number, month: number) {
      const [rows, calendar, unitsByPath] = await Promise.all([
        reports.obligations(scopeForReports(actor), year, month),
        settings.calendar(),
        unitBelowCounty(),
      ]);
      return {
        year,
        month,
        // The server's date, so that "N days past the deadline" does not depend on the reader's clock.
        today: today(),
        deadline: submitDeadline(year, month, calendar),
        reviewDeadline: reviewDeadline(year, month, calendar),
        items: rows.map((r) => ({
          projectId: r.project_id,
          projectName: r.name,
          stage: r.stage as Stage,
          unitName: r.unit_name,
          statusUnitId: unitsByPath(r.unit_path)?.id ?? null,
          reportId: r.report_id === null ? null : Number(r.report_id),
          state: (r.state ?? 'missing') as ReportState | 'missing',
          isLate: r.is_late === 1,
          amountYuan: r.amount === null ? null : Number(r.amount),
          planYuan: r.plan_amount === null ? null : Number(r.plan_amount),
          lastMonthYuan: r.last_state === 'approved' && r.last_amount !== null ? Number(r.last_amount) : null,
          can: todoAbilities(r.state as ReportState | null, mayOn(actor, r)),
        })),
      };
    },

    /** Per unit below the county: how many reports are due, filed, late and missing. */
    async status(actor: ActorContext, year: number, month: number) {
      const unitsByPath = await unitBelowCounty();
      const rows = await reports.obligationCounts(scopeForReports(actor), year, month);
      const calendar = await settings.calendar();
      const day = today();
      const byUnit = new Map<
        number,
        {
          unitId: number;
          unitName: string;
          due: number;
          filed: number;
          late: number;
          missing: number;
          awaitingReview: number;
          reviewOverdue: number;
        }
      >();
      for (const r of rows) {
        const unit = unitsByPath(r.unit_path);
        if (!unit) continue;
        const e = byUnit.get(unit.id) ?? {
          unitId: unit.id,
          unitName: unit.name,
          due: 0,
          filed: 0,
          late: 0,
          missing: 0,
          awaitingReview: 0,
          reviewOverdue: 0,
        };
        // The department's step: submitted reports wait for review, overdue after the calendar's review day.
        const n = Number(r.n);
        if (r.state === 'submitted') e.awaitingReview += n;
        if (r.state && isReviewOverdue(day, year, month, r.state, calendar)) e.reviewOverdue += n;
        e.due += n;
        if (r.state === 'submitted' || r.state === 'approved') e.filed += n;
        else e.missing += n;
        if (r.is_late === 1) e.late += n;
        byUnit.set(unit.id, e);
      }
      return {
        year,
        month,
        today: day,
        deadline: submitDeadline(year, month, calendar),
        reviewDeadline: reviewDeadline(year, month, calendar),
        units: [...byUnit.values()],
      };
    },
  };
}
