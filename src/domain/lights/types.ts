/**
 * The vocabulary of the lights (亮灯, DESIGN §3.4): the facts the engine reads about one project, the
 * evaluation context, and the findings it returns. Everything is plain data: the server gathers it
 * (stages, reports, working-day counts) and the engine decides nothing about where it came from.
 */
import type { Yuan } from '../money/money.ts';
import type { Stage } from '../projects/lifecycle.ts';
import type { RuleSet } from './rules.ts';

export type Colour = 'green' | 'yellow' | 'red' | 'grey';

/** The dimensions, in the order findings are listed and the dispatch table is read. */
export const DIMENSION_KEYS = ['start', 'signToStart', 'progress', 'report', 'approvals', 'tickets'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

export interface LocalisedText {
  'zh-CN': string;
  en: string;
}

/** One firing rule: its colour, a stable code for clients, the numbers, and the reason in words. */
export interface Finding {
  dimension: DimensionKey;
  colour: 'yellow' | 'red';
  code: string;
  params: Record<string, number | string>;
  text: LocalisedText;
}

/** 'pending': owed, nothing filed, and its deadline not yet passed. */
export type ReportState = 'approved' | 'submitted' | 'draft' | 'returned' | 'missing' | 'pending';

/** One month's report of the assessed year. A month without an entry is one the project owed nothing for. */
export interface ReportStatus {
  month: number;
  state: ReportState;
  /** Filed (or still unfiled) after the cycle's deadline; decided by the caller from the cycle settings. */
  late: boolean;
}

export interface ApprovalItem {
  name: string;
  plannedDate: string;
  actualDate: string | null;
}

export interface Ticket {
  /** Shown in the reason when present. */
  title?: string;
  deadline: string;
  closedAt: string | null;
  escalated: boolean;
  /** Working days past the deadline, counted outside with the county's calendar; 0 when not past. */
  overdueWorkingDays: number;
}

/** 正当理由: a dimension's findings set aside until a date, with a reason and an approver. */
export interface Exemption {
  dimension: DimensionKey;
  /** Last day the exemption holds, 'YYYY-MM-DD', included. */
  until: string;
  reason: string;
  approver: string;
}

/** What the engine knows about one project, for the assessed year. Dates are 'YYYY-MM-DD'. */
export interface ProjectFacts {
  stage: Stage;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  signedDate: string | null;
  /** Days from signing to the promised start; the rule set's default (90) when absent. */
  promisedStartDays?: number | null;
  /** The annual investment plan for the assessed year, in 元; null or 0 when there is none. */
  annualPlanYuan: Yuan | null;
  /** Optional 12 cumulative percentages replacing month/12 as 序时进度 (see progress/time-progress). */
  monthlyCurve?: readonly number[] | null;
  /** Completed investment of the assessed year up to the assessed month, from approved reports, in 元. */
  cumulativeApprovedYuan: Yuan;
  reports: ReportStatus[];
  approvals: ApprovalItem[];
  tickets: Ticket[];
  exemptions: Exemption[];
}

export interface EvaluationContext {
  /** The day of the evaluation ('YYYY-MM-DD'), from the injected clock or the cutoff being recorded. */
  today: string;
  year: number;
  /** The cutoff month being assessed (1..12): its 序时进度 and its report. */
  month: number;
}

/**
 * One strategy of the engine. `applies` says whether the dimension has anything to say about the
 * project (when none applies the light is grey); `assess` returns its findings, [] when all is well.
 */
export interface Dimension<K extends DimensionKey> {
  applies(facts: ProjectFacts, ctx: EvaluationContext): boolean;
  assess(facts: ProjectFacts, rules: RuleSet[K], ctx: EvaluationContext): Finding[];
}
