/**
 * 月报: the assessed month's report. Missing months count backwards from the assessed month while the
 * state is 'missing' (a month without an entry owed no report and breaks the run; runs do not reach
 * into the previous year). Red from 2 consecutive missing months, yellow from 1; otherwise yellow when
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
  let missing = 0;
  while (ctx.month - missing >= 1 && stateOf(ctx.month - missing)?.state === 'missing') missing++;

  const colour = missing >= rules.redFromMissingMonths ? 'red' : missing >= rules.yellowFromMissingMonths ? 'yellow' : null;
  if (colour) {
    const fromMonth = ctx.month - missing + 1;
    const params = { months: missing, fromMonth, toMonth: ctx.month };
    return missing === 1
      ? [finding('report', colour, 'REPORT_MISSING', params, `${ctx.month} 月月报未报送`, `The report for month ${ctx.month} is missing`)]
      : [
          finding(
            'report',
            colour,
            'REPORT_MISSING',
            params,
            `已连续 ${missing} 个月未报送月报（${fromMonth}—${ctx.month} 月）`,
            `Reports missing for ${plural(missing, 'consecutive month')} (months ${fromMonth}–${ctx.month})`,
          ),
        ];
  }
  if (rules.lateIsYellow && stateOf(ctx.month)?.late) {
    return [
      finding('report', 'yellow', 'REPORT_LATE', { month: ctx.month }, `${ctx.month} 月月报未按时报送`, `The report for month ${ctx.month} was not filed on time`),
    ];
  }
  return [];
}

export const report: Dimension<'report'> = { applies: appliesReport, assess: assessReport };
