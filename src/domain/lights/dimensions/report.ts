/**
 * 月报: the assessed month's report. Missing months count backwards from the assessed month while the
 * state is 'missing' (a month without an entry owed no report and breaks the run; runs do not reach
 * into the previous year); while the assessed month is not yet due, they count back from the month before. Red from 2 consecutive missing months, yellow from 1; otherwise yellow when
 * the assessed month's report is late. A run that has ended no longer colours today's light: each
 * month's light is kept in the history.
 */
import { mustReport } from '../../reports/report-rules.ts';
import { finding, plural } from '../finding.ts';
import type { ReportRules } from '../rules.ts';
import type { Dimension, EvaluationContext, Finding, ProjectFacts } from '../types.ts';

/** Whoever must report (前期, 在建, or any project with an annual plan), a dropped project excepted. */
export function appliesReport(facts: ProjectFacts): boolean {
  return facts.stage !== 'dropped' && mustReport(facts.stage, (facts.annualPlanYuan ?? 0) > 0);
}

export function assessReport(facts: ProjectFacts, rules: ReportRules, ctx: EvaluationContext): Finding[] {
  if (!appliesReport(facts)) return [];
  const stateOf = (month: number) => facts.reports.find((r) => r.month === month);
  // Before the assessed month's deadline (nothing or only a draft filed yet) the run ends at the month
  // before: a project silent since January stays red on the 1st to the 3rd rather than turning green.
  const assessed = stateOf(ctx.month);
  const notYetDue =
    !!assessed &&
    (assessed.state === 'pending' || ((assessed.state === 'draft' || assessed.state === 'returned') && !assessed.late));
  const end = notYetDue ? ctx.month - 1 : ctx.month;
  let missing = 0;
  while (end - missing >= 1 && stateOf(end - missing)?.state === 'missing') missing++;

  const colour =
    missing >= rules.redFromMissingMonths ? 'red' : missing >= rules.yellowFromMissingMonths ? 'yellow' : null;
  if (colour) {
    const fromMonth = end - missing + 1;
    const params = { months: missing, fromMonth, toMonth: end };
    return missing === 1
      ? [
          finding(
            'report',
            colour,
            'REPORT_MISSING',
            params,
            `${end} 月月报未报送`,
            `The report for month ${end} is missing`,
          ),
        ]
      : [
          finding(
            'report',
            colour,
            'REPORT_MISSING',
            params,
            `已连续 ${missing} 个月未报送月报（${fromMonth}—${end} 月）`,
            `Reports missing for ${plural(missing, 'consecutive month')} (months ${fromMonth}–${end})`,
          ),
        ];
  }
  if (rules.lateIsYellow && stateOf(ctx.month)?.late) {
    return [
      finding(
        'report',
        'yellow',
        'REPORT_LATE',
        { month: ctx.month },
        `${ctx.month} 月月报未按时报送`,
        `The report for month ${ctx.month} was not filed on time`,
      ),
    ];
  }
  return [];
}

export const report: Dimension<'report'> = { applies: appliesReport, assess: assessReport };
