/**
 * 进度: year completion against 序时进度 at the assessed month. The gap is judged on the figure people
 * read, rounded half up to one decimal, so the colour never disagrees with the reason: 30.04 points
 * behind reads "30.0" and is yellow, 30.05 reads "30.1" and is red.
 */
import { formatPoints, roundHalfUp, timeProgress, yearCompletion } from '../../progress/time-progress.ts';
import { finding } from '../finding.ts';
import type { ProgressRules } from '../rules.ts';
import type { Dimension, EvaluationContext, Finding, ProjectFacts } from '../types.ts';

export function appliesProgress(facts: ProjectFacts): boolean {
  return facts.stage !== 'dropped' && (facts.annualPlanYuan ?? 0) > 0;
}

/** Throws TimeProgressError when the project's monthly curve is invalid (it is checked when stored). */
export function assessProgress(facts: ProjectFacts, rules: ProgressRules, ctx: EvaluationContext): Finding[] {
  if (!appliesProgress(facts)) return [];
  const completion = yearCompletion(facts.cumulativeApprovedYuan, facts.annualPlanYuan)!;
  const time = timeProgress(ctx.month, facts.monthlyCurve);
  const pointsBehind = roundHalfUp(time - completion, 1);
  const colour = pointsBehind > rules.redAbovePoints ? 'red' : pointsBehind >= rules.yellowFromPoints ? 'yellow' : null;
  if (!colour) return [];
  const pct = formatPoints(completion);
  const behind = formatPoints(pointsBehind);
  return [
    finding(
      'progress',
      colour,
      'PROGRESS_BEHIND',
      { month: ctx.month, completionPct: roundHalfUp(completion, 1), timePct: roundHalfUp(time, 1), pointsBehind },
      `完成率 ${pct}%，落后序时进度 ${behind} 个百分点`,
      `${pct}% of the annual plan completed, ${behind} points behind the time schedule`,
    ),
  ];
}

export const progress: Dimension<'progress'> = { applies: appliesProgress, assess: assessProgress };
