/**
 * 开工: a project in 储备 or 前期 that has not started after its planned start month.
 * Lateness counts calendar months from the planned start month to today's month, whatever the days:
 * planned 2026-08-15 is 1 month late on 2026-09-01 (August has ended) and 3 months late on 2026-11-01.
 */
import type { Stage } from '../../projects/lifecycle.ts';
import { monthsBetween } from '../calendar.ts';
import { finding, plural } from '../finding.ts';
import type { StartRules } from '../rules.ts';
import type { Dimension, EvaluationContext, Finding, ProjectFacts } from '../types.ts';

const STAGES: readonly Stage[] = ['reserve', 'preparing'];

export function appliesStart(facts: ProjectFacts): boolean {
  return STAGES.includes(facts.stage) && !!facts.plannedStartDate;
}

export function assessStart(facts: ProjectFacts, rules: StartRules, ctx: EvaluationContext): Finding[] {
  if (!appliesStart(facts) || facts.actualStartDate) return [];
  const plannedStart = facts.plannedStartDate!;
  const months = monthsBetween(plannedStart, ctx.today);
  const colour = months >= rules.redFromMonths ? 'red' : months >= rules.yellowFromMonths ? 'yellow' : null;
  if (!colour) return [];
  return [
    finding(
      'start',
      colour,
      'START_OVERDUE',
      { months, plannedStart },
      `计划开工已逾期 ${months} 个月`,
      `Planned start overdue by ${plural(months, 'month')}`,
    ),
  ];
}

export const start: Dimension<'start'> = { applies: appliesStart, assess: assessStart };
