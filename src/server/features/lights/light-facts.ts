import type { Kysely } from 'kysely';
import type { Stage } from '../../../domain/projects/lifecycle.ts';
import { mustReport, type ReportingCalendar } from '../../../domain/reports/report-rules.ts';
import { reportStatuses } from '../../../domain/lights/period.ts';
import type { DimensionKey, ProjectFacts } from '../../../domain/lights/types.ts';
import type { DB } from '../../db/schema.ts';
import { workingDaysBetween } from '../../../domain/calendar/working-days.ts';
import { OPEN_TICKET_STATES } from '../../../domain/tickets/ticket-flow.ts';

const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const map = new Map<K, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return map;
};

/**
 * Gathers the engine's facts for a batch of projects in five queries (projects, plans, current
 * reports of the year, exemptions, open tickets), so that recomputing a province stays a few queries per
 * thousand. A ticket's deadline is its earliest running one, as the tickets feature stores it (a local date).
 */
export async function loadFacts(
  db: Kysely<DB>,
  ids: number[],
  period: { year: number; month: number },
  today: string,
  calendar: ReportingCalendar,
): Promise<Map<number, ProjectFacts>> {
  if (!ids.length) return new Map();
  const [projects, plans, reports, exemptions, tickets] = await Promise.all([
    db
      .selectFrom('projects')
      .select(['id', 'stage', 'planned_start_date', 'actual_start_date', 'actual_sign_date', 'created_at'])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('project_annual_plans')
      .select(['project_id', 'amount', 'monthly_curve'])
      .where('project_id', 'in', ids)
      .where('year', '=', period.year)
      .execute(),
    db
      .selectFrom('monthly_reports')
      .select(['project_id', 'month', 'state', 'is_late', 'amount'])
      .where('project_id', 'in', ids)
      .where('year', '=', period.year)
      .where('month', '<=', period.month)
      .where('is_current', '=', 1)
      .execute(),
    db
      .selectFrom('light_exemptions')
      .select(['project_id', 'dimension', 'until', 'reason', 'approver'])
      .where('project_id', 'in', ids)
      .where('until', '>=', today)
      .execute(),
    db
      .selectFrom('tickets')
      .select(['project_id', 'title', 'due_date', 'escalated_at'])
      .where('project_id', 'in', ids)
      .where('state', 'in', OPEN_TICKET_STATES)
      .execute(),
  ]);
  const ticketsOf = groupBy(tickets, (t) => t.project_id);
  const planOf = new Map(plans.map((p) => [p.project_id, p]));
  const reportsOf = groupBy(reports, (r) => r.project_id);
  const exemptionsOf = groupBy(exemptions, (e) => e.project_id);
  const out = new Map<number, ProjectFacts>();
  for (const p of projects) {
    const plan = planOf.get(p.id);
    const own = reportsOf.get(p.id) ?? [];
    const stage = p.stage as Stage;
    // Reports are owed from January, or from the month the project started or entered the library this year.
    const since = [p.actual_start_date, p.created_at.slice(0, 10)]
      .filter((d): d is string => !!d && d.startsWith(`${period.year}-`))
      .sort()[0];
    const firstOwedMonth = mustReport(stage, !!plan) ? (since ? Number(since.slice(5, 7)) : 1) : null;
    out.set(p.id, {
      stage,
      plannedStartDate: p.planned_start_date,
      actualStartDate: p.actual_start_date,
      signedDate: p.actual_sign_date,
      annualPlanYuan: plan ? Number(plan.amount) : null,
      monthlyCurve: plan?.monthly_curve ? (JSON.parse(plan.monthly_curve) as number[]) : null,
      cumulativeApprovedYuan: own.filter((r) => r.state === 'approved').reduce((s, r) => s + Number(r.amount), 0),
      reports: reportStatuses(
        {
          year: period.year,
          upToMonth: period.month,
          firstOwedMonth,
          today,
          reports: own.map((r) => ({ month: r.month, state: r.state, isLate: r.is_late === 1 })),
        },
        calendar,
      ),
      approvals: [],
      tickets: (ticketsOf.get(p.id) ?? [])
        // A ticket whose clocks all stopped (answered and revisited) waits on no one: nothing to light.
        .filter((t) => t.due_date !== null || t.escalated_at !== null)
        .map((t) => ({
          title: t.title,
          deadline: t.due_date ?? today,
          closedAt: null,
          escalated: t.escalated_at !== null,
          overdueWorkingDays: t.due_date && t.due_date < today ? workingDaysBetween(t.due_date, today) : 0,
        })),
      exemptions: (exemptionsOf.get(p.id) ?? []).map((e) => ({
        dimension: e.dimension as DimensionKey,
        until: e.until,
        reason: e.reason,
        approver: e.approver,
      })),
    });
  }
  return out;
}
