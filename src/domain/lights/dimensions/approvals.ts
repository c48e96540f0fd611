/**
 * 审批: each open approval item (no actual date) past its planned date, one finding per item.
 * Days past count from the planned date (day 0) to today: yellow from 1 day, red above 15.
 * Items done late are history, not a light. No items: nothing to assess.
 */
import { daysBetween } from '../calendar.ts';
import { finding, plural } from '../finding.ts';
import type { ApprovalRules } from '../rules.ts';
import type { Dimension, EvaluationContext, Finding, ProjectFacts } from '../types.ts';

export function appliesApprovals(facts: ProjectFacts): boolean {
  return facts.stage !== 'dropped' && facts.approvals.length > 0;
}

export function assessApprovals(facts: ProjectFacts, rules: ApprovalRules, ctx: EvaluationContext): Finding[] {
  if (!appliesApprovals(facts)) return [];
  const out: Finding[] = [];
  for (const item of facts.approvals) {
    if (item.actualDate) continue;
    const days = daysBetween(item.plannedDate, ctx.today);
    const colour = days > rules.redAboveDays ? 'red' : days >= rules.yellowFromDays ? 'yellow' : null;
    if (!colour) continue;
    out.push(
      finding(
        'approvals',
        colour,
        'APPROVAL_OVERDUE',
        { name: item.name, plannedDate: item.plannedDate, days },
        `「${item.name}」超过计划办结日期 ${days} 天`,
        `“${item.name}” is ${plural(days, 'day')} past its planned date`,
      ),
    );
  }
  return out;
}

export const approvals: Dimension<'approvals'> = { applies: appliesApprovals, assess: assessApprovals };
