/**
 * 签约→开工: a signed project that has not started within the days it promised (default 90).
 * Days count from the signing day (day 0) to today; yellow once elapsed ≥ the share of the promise
 * (75% of 90 = 67.5, so day 68), red once elapsed > the promise (day 91).
 */
import type { Stage } from '../../projects/lifecycle.ts';
import { daysBetween } from '../calendar.ts';
import { finding, plural } from '../finding.ts';
import type { SignToStartRules } from '../rules.ts';
import type { Dimension, EvaluationContext, Finding, ProjectFacts } from '../types.ts';

/** Stages before construction: once started, the promise is no longer open. */
const STAGES: readonly Stage[] = ['planning', 'reserve', 'preparing'];

export function appliesSignToStart(facts: ProjectFacts): boolean {
  return STAGES.includes(facts.stage) && !!facts.signedDate && !facts.actualStartDate;
}

export function assessSignToStart(facts: ProjectFacts, rules: SignToStartRules, ctx: EvaluationContext): Finding[] {
  if (!appliesSignToStart(facts)) return [];
  const signedDate = facts.signedDate!;
  const promiseDays =
    facts.promisedStartDays && facts.promisedStartDays > 0 ? facts.promisedStartDays : rules.defaultPromiseDays;
  const elapsedDays = daysBetween(signedDate, ctx.today);
  if (elapsedDays > promiseDays) {
    const overdueDays = elapsedDays - promiseDays;
    return [
      finding(
        'signToStart',
        'red',
        'SIGN_TO_START_EXCEEDED',
        { signedDate, elapsedDays, promiseDays, overdueDays },
        `签约已 ${elapsedDays} 天仍未开工，超过承诺开工期限（${promiseDays} 天）${overdueDays} 天`,
        `Signed ${plural(elapsedDays, 'day')} ago and not started: ${plural(overdueDays, 'day')} past the promised ${promiseDays}`,
      ),
    ];
  }
  // Compared in whole numbers (days × 100 against percent × days) so 75% of 90 is exactly 67.5.
  if (elapsedDays * 100 >= rules.yellowFromPercent * promiseDays) {
    return [
      finding(
        'signToStart',
        'yellow',
        'SIGN_TO_START_NEAR',
        { signedDate, elapsedDays, promiseDays, daysLeft: promiseDays - elapsedDays },
        `签约已 ${elapsedDays} 天仍未开工（承诺 ${promiseDays} 天内开工）`,
        `Signed ${plural(elapsedDays, 'day')} ago and not started (start promised within ${promiseDays})`,
      ),
    ];
  }
  return [];
}

export const signToStart: Dimension<'signToStart'> = { applies: appliesSignToStart, assess: assessSignToStart };
