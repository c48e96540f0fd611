/**
 * The project lifecycle (DESIGN §2): planning → reserve → preparing → construction → completed →
 * production → capacity, with the side exits suspended and dropped. Transitions are data; one function
 * checks a proposed change against them and the preconditions a project office would insist on.
 */
export const STAGES = [
  'planning',
  'reserve',
  'preparing',
  'construction',
  'completed',
  'production',
  'capacity',
  'suspended',
  'dropped',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, { 'zh-CN': string; en: string }> = {
  planning: { 'zh-CN': '谋划', en: 'Planning' },
  reserve: { 'zh-CN': '储备', en: 'Reserve' },
  preparing: { 'zh-CN': '前期', en: 'Preparing' },
  construction: { 'zh-CN': '在建', en: 'Under construction' },
  completed: { 'zh-CN': '竣工', en: 'Completed' },
  production: { 'zh-CN': '投产', en: 'In production' },
  capacity: { 'zh-CN': '达产', en: 'At capacity' },
  suspended: { 'zh-CN': '停缓建', en: 'Suspended' },
  dropped: { 'zh-CN': '退库', en: 'Dropped' },
};

/** The main line, in order. */
export const MAIN_LINE: readonly Stage[] = [
  'planning',
  'reserve',
  'preparing',
  'construction',
  'completed',
  'production',
  'capacity',
];

export type Requirement =
  'actualStartDate' | 'actualCompletionDate' | 'actualProductionDate' | 'actualCapacityDate' | 'reason';

interface TransitionRule {
  from: Stage;
  to: Stage;
  /** What the project or the request must carry for the move to be allowed. */
  requires: Requirement[];
}

const forward = (from: Stage, to: Stage, requires: Requirement[] = []): TransitionRule => ({ from, to, requires });

/** Every allowed move. Anything not listed is forbidden. */
export const TRANSITIONS: readonly TransitionRule[] = [
  forward('planning', 'reserve'),
  forward('reserve', 'preparing'),
  forward('preparing', 'construction', ['actualStartDate']),
  forward('construction', 'completed', ['actualCompletionDate']),
  forward('completed', 'production', ['actualProductionDate']),
  // A factory may start producing before the final acceptance: 在建 → 投产 directly.
  forward('construction', 'production', ['actualProductionDate']),
  forward('production', 'capacity', ['actualCapacityDate']),
  // Going back one stage on the main line needs a reason.
  forward('reserve', 'planning', ['reason']),
  forward('preparing', 'reserve', ['reason']),
  forward('construction', 'preparing', ['reason']),
  // Suspending and dropping need a reason; a suspended project resumes where it can, with a reason.
  ...(['preparing', 'construction'] as Stage[]).map((s) => forward(s, 'suspended', ['reason'])),
  ...(['planning', 'reserve', 'preparing', 'construction', 'suspended'] as Stage[]).map((s) =>
    forward(s, 'dropped', ['reason']),
  ),
  forward('suspended', 'preparing', ['reason']),
  forward('suspended', 'construction', ['reason', 'actualStartDate']),
];

export interface TransitionFacts {
  from: Stage;
  to: Stage;
  reason?: string | null;
  actualStartDate?: string | null;
  actualCompletionDate?: string | null;
  actualProductionDate?: string | null;
  actualCapacityDate?: string | null;
  /** Today, YYYY-MM-DD: an actual date may not lie in the future. */
  today: string;
}

export type TransitionError =
  | { code: 'SAME_STAGE' }
  | { code: 'FORBIDDEN_TRANSITION'; allowed: Stage[] }
  | { code: 'MISSING'; field: Requirement }
  | { code: 'FUTURE_DATE'; field: Requirement };

/** The stages a project may move to, in lifecycle order. */
export function allowedNextStages(from: Stage): Stage[] {
  return STAGES.filter((to) => TRANSITIONS.some((t) => t.from === from && t.to === to));
}

/** Checks a proposed stage change; returns null when it may happen, or the first thing wrong. */
export function checkTransition(facts: TransitionFacts): TransitionError | null {
  if (facts.from === facts.to) return { code: 'SAME_STAGE' };
  const rule = TRANSITIONS.find((t) => t.from === facts.from && t.to === facts.to);
  if (!rule) return { code: 'FORBIDDEN_TRANSITION', allowed: allowedNextStages(facts.from) };
  for (const field of rule.requires) {
    const value = facts[field];
    if (typeof value !== 'string' || value.trim() === '') return { code: 'MISSING', field };
    if (field !== 'reason' && value > facts.today) return { code: 'FUTURE_DATE', field };
  }
  return null;
}

/** A stage of the main line before 开工 (谋划, 储备, 前期): the project has not started building. */
export function isBeforeConstruction(stage: Stage): boolean {
  const at = MAIN_LINE.indexOf(stage);
  return at >= 0 && at < MAIN_LINE.indexOf('construction');
}

/** Whether a move goes backwards on the main line (shown in the history as a step back). */
export function isStepBack(from: Stage, to: Stage): boolean {
  const a = MAIN_LINE.indexOf(from);
  const b = MAIN_LINE.indexOf(to);
  return a >= 0 && b >= 0 && b < a;
}
