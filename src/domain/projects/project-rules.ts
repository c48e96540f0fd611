import { MILESTONES, type Milestone } from './project-fields.ts';
import { MAIN_LINE, type Stage } from './lifecycle.ts';

/** The facts the cross-field rules read: dates by milestone, money in 元, the stage. */
export interface ProjectFacts {
  stage: Stage;
  totalInvestment: number;
  fixedAssetInvestment: number | null;
  planned: Partial<Record<Milestone, string | null>>;
  actual: Partial<Record<Milestone, string | null>>;
  annualPlanSum: number;
}

export type RuleKey =
  'DATE_ORDER' | 'FUTURE_ACTUAL' | 'FIXED_ABOVE_TOTAL' | 'PLANS_ABOVE_TOTAL' | 'STAGE_NEEDS_DATE' | 'DATE_BEFORE_STAGE';

export interface RuleViolation {
  field: string;
  key: RuleKey;
  params: Record<string, string>;
}

const field = (kind: 'planned' | 'actual', m: Milestone) => `${kind}${m[0]!.toUpperCase()}${m.slice(1)}Date`;

/** What each stage at least implies has happened. */
const STAGE_NEEDS: Partial<Record<Stage, Milestone[]>> = {
  construction: ['start'],
  completed: ['start', 'completion'],
  production: ['start', 'production'],
  capacity: ['start', 'production', 'capacity'],
};

/**
 * Cross-field rules a project must satisfy whatever its source (form, import, API). Returns every
 * violation, each naming the field a person should fix.
 */
export function checkProjectRules(p: ProjectFacts, today: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const kind of ['planned', 'actual'] as const) {
    let prev: { m: Milestone; date: string } | null = null;
    // Signing may follow the start for government projects, so the order starts at the start.
    for (const m of MILESTONES.filter((x) => x !== 'sign')) {
      const date = p[kind][m];
      if (!date) continue;
      // A factory may produce before its formal completion: production is then only checked against the start.
      const skipsCompletion = kind === 'actual' && m === 'production' && prev?.m === 'completion';
      const against = skipsCompletion && p.actual.start ? { m: 'start' as Milestone, date: p.actual.start } : prev;
      if (against && date < against.date) {
        out.push({
          field: field(kind, m),
          key: 'DATE_ORDER',
          params: { earlier: field(kind, against.m), later: field(kind, m) },
        });
      }
      prev = { m, date };
    }
  }
  for (const m of MILESTONES) {
    const date = p.actual[m];
    if (date && date > today) out.push({ field: field('actual', m), key: 'FUTURE_ACTUAL', params: { date } });
  }
  for (const m of STAGE_NEEDS[p.stage] ?? []) {
    if (!p.actual[m]) out.push({ field: field('actual', m), key: 'STAGE_NEEDS_DATE', params: { stage: p.stage } });
  }
  // Before construction nothing can have started.
  const stageIndex = MAIN_LINE.indexOf(p.stage);
  if (stageIndex >= 0 && stageIndex < MAIN_LINE.indexOf('construction') && p.actual.start) {
    out.push({ field: 'actualStartDate', key: 'DATE_BEFORE_STAGE', params: { stage: p.stage } });
  }
  if (p.fixedAssetInvestment !== null && p.fixedAssetInvestment > p.totalInvestment) {
    out.push({ field: 'fixedAssetInvestmentWan', key: 'FIXED_ABOVE_TOTAL', params: {} });
  }
  if (p.annualPlanSum > p.totalInvestment) out.push({ field: 'annualPlans', key: 'PLANS_ABOVE_TOTAL', params: {} });
  return out;
}
