/** Plain facts for the lights' tests: a project that nothing applies to, to be patched per case. */
import type { EvaluationContext, ProjectFacts } from './types.ts';

export function factsWith(patch: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    stage: 'planning',
    plannedStartDate: null,
    actualStartDate: null,
    signedDate: null,
    annualPlanYuan: null,
    cumulativeApprovedYuan: 0,
    reports: [],
    approvals: [],
    tickets: [],
    exemptions: [],
    ...patch,
  };
}

/** The context on `today`, assessing `month` of today's year (default: today's month). */
export function contextOn(today: string, month = Number(today.slice(5, 7))): EvaluationContext {
  return { today, year: Number(today.slice(0, 4)), month };
}
