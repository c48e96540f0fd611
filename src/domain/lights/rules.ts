/**
 * The lights' rule set as data (DESIGN §3.4): thresholds per dimension, with the published county
 * defaults. Field names carry their comparison: `…From…` fires at the value (≥), `…Above…` beyond it (>).
 * A stored rule set is parsed once with parseRuleSet; bad configuration fails with a RuleSetError.
 */
import { DIMENSION_KEYS, type DimensionKey } from './types.ts';

export interface StartRules {
  enabled: boolean;
  /** Yellow when not started this many calendar months after the planned start month (1: that month has ended). */
  yellowFromMonths: number;
  /** Red from this many calendar months after the planned start month. */
  redFromMonths: number;
}

export interface SignToStartRules {
  enabled: boolean;
  /** The promise when a project records none: start within this many days of signing. */
  defaultPromiseDays: number;
  /** Yellow once this percentage of the promised days has elapsed; red once the promise is exceeded. */
  yellowFromPercent: number;
}

export interface ProgressRules {
  enabled: boolean;
  /** Yellow from this many percentage points behind 序时进度 (judged on the one-decimal figure shown). */
  yellowFromPoints: number;
  /** Red when more than this many points behind. */
  redAbovePoints: number;
}

export interface ReportRules {
  enabled: boolean;
  /** Yellow when the assessed month's report is late. */
  lateIsYellow: boolean;
  /** Yellow from this many consecutive missing months ending at the assessed month. */
  yellowFromMissingMonths: number;
  /** Red from this many consecutive missing months ending at the assessed month. */
  redFromMissingMonths: number;
}

export interface ApprovalRules {
  enabled: boolean;
  /** Yellow when an open item is this many days past its planned date. */
  yellowFromDays: number;
  /** Red when more than this many days past. */
  redAboveDays: number;
}

export interface TicketRules {
  enabled: boolean;
  /** An open ticket past its deadline is yellow; red when more than this many working days past. */
  redAboveWorkingDays: number;
  /** An open escalated ticket is red whatever its deadline. */
  escalatedIsRed: boolean;
}

export interface RuleSet {
  /** Recorded with every computed light. */
  version: string;
  start: StartRules;
  signToStart: SignToStartRules;
  progress: ProgressRules;
  report: ReportRules;
  approvals: ApprovalRules;
  tickets: TicketRules;
}

export const DEFAULT_RULE_SET: RuleSet = {
  version: 'default',
  start: { enabled: true, yellowFromMonths: 1, redFromMonths: 3 },
  signToStart: { enabled: true, defaultPromiseDays: 90, yellowFromPercent: 75 },
  progress: { enabled: true, yellowFromPoints: 10, redAbovePoints: 30 },
  report: { enabled: true, lateIsYellow: true, yellowFromMissingMonths: 1, redFromMissingMonths: 2 },
  approvals: { enabled: true, yellowFromDays: 1, redAboveDays: 15 },
  tickets: { enabled: true, redAboveWorkingDays: 5, escalatedIsRed: true },
};

type FieldSpec = { kind: 'boolean' } | { kind: 'number'; integer: boolean; min: number; max?: number };
const bool: FieldSpec = { kind: 'boolean' };
const int = (min = 0, max?: number): FieldSpec => ({ kind: 'number', integer: true, min, max });
const num = (min = 0, max?: number): FieldSpec => ({ kind: 'number', integer: false, min, max });
// Every threshold has a ceiling a real rule never reaches: ten years of months or days, three of working days.
const MAX_MONTHS = 120;
const MAX_DAYS = 3650;
const MAX_WORKING_DAYS = 750;

/** How each field is checked, and which (yellow, red) pairs must not be inverted. */
const SCHEMA: {
  [K in DimensionKey]: { fields: Record<keyof RuleSet[K], FieldSpec>; ordered: [keyof RuleSet[K], keyof RuleSet[K]][] };
} = {
  start: {
    fields: { enabled: bool, yellowFromMonths: int(0, MAX_MONTHS), redFromMonths: int(0, MAX_MONTHS) },
    ordered: [['yellowFromMonths', 'redFromMonths']],
  },
  signToStart: {
    fields: { enabled: bool, defaultPromiseDays: int(1, MAX_DAYS), yellowFromPercent: num(0, 100) },
    ordered: [],
  },
  progress: {
    fields: { enabled: bool, yellowFromPoints: num(0, 100), redAbovePoints: num(0, 100) },
    ordered: [['yellowFromPoints', 'redAbovePoints']],
  },
  report: {
    fields: {
      enabled: bool,
      lateIsYellow: bool,
      yellowFromMissingMonths: int(1, 12),
      redFromMissingMonths: int(1, 12),
    },
    ordered: [['yellowFromMissingMonths', 'redFromMissingMonths']],
  },
  approvals: {
    fields: { enabled: bool, yellowFromDays: int(0, MAX_DAYS), redAboveDays: int(0, MAX_DAYS) },
    ordered: [['yellowFromDays', 'redAboveDays']],
  },
  tickets: {
    fields: { enabled: bool, redAboveWorkingDays: int(0, MAX_WORKING_DAYS), escalatedIsRed: bool },
    ordered: [],
  },
};

export type RuleSetErrorCode =
  | 'NOT_AN_OBJECT'
  | 'BAD_VERSION'
  | 'UNKNOWN_DIMENSION'
  | 'UNKNOWN_FIELD'
  | 'NOT_A_BOOLEAN'
  | 'NOT_A_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'NEGATIVE'
  | 'OUT_OF_RANGE'
  | 'INVERTED';

/** Bad rule-set configuration: which dimension and field, and what is wrong (null where it is the whole set). */
export class RuleSetError extends Error {
  constructor(
    readonly dimension: string | null,
    readonly field: string | null,
    readonly code: RuleSetErrorCode,
  ) {
    super(`invalid rule set: ${code}${dimension ? ` at ${dimension}${field ? `.${field}` : ''}` : ''}`);
    this.name = 'RuleSetError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a stored rule set, e.g. `{ version: '2026-2', progress: { redAbovePoints: 25 } }`, and fills
 * whatever it leaves out from DEFAULT_RULE_SET. Throws RuleSetError on the first problem.
 */
export function parseRuleSet(input: unknown): RuleSet {
  if (!isObject(input)) throw new RuleSetError(null, null, 'NOT_AN_OBJECT');
  const { version = DEFAULT_RULE_SET.version, ...dimensions } = input;
  if (typeof version !== 'string' || version.trim() === '') throw new RuleSetError(null, 'version', 'BAD_VERSION');
  for (const key of Object.keys(dimensions)) {
    if (!(DIMENSION_KEYS as readonly string[]).includes(key)) throw new RuleSetError(key, null, 'UNKNOWN_DIMENSION');
  }
  const out = { version: version.trim() } as RuleSet;
  for (const key of DIMENSION_KEYS)
    (out as unknown as Record<string, unknown>)[key] = parseDimension(key, dimensions[key]);
  return out;
}

function parseDimension<K extends DimensionKey>(key: K, input: unknown): RuleSet[K] {
  if (input === undefined) return { ...DEFAULT_RULE_SET[key] };
  if (!isObject(input)) throw new RuleSetError(key, null, 'NOT_AN_OBJECT');
  const { fields, ordered } = SCHEMA[key] as { fields: Record<string, FieldSpec>; ordered: [string, string][] };
  const out: Record<string, unknown> = { ...DEFAULT_RULE_SET[key] };
  for (const [field, value] of Object.entries(input)) {
    const spec = fields[field];
    if (!spec) throw new RuleSetError(key, field, 'UNKNOWN_FIELD');
    out[field] = checkValue(key, field, spec, value);
  }
  for (const [yellow, red] of ordered) {
    if ((out[yellow] as number) > (out[red] as number)) throw new RuleSetError(key, yellow, 'INVERTED');
  }
  return out as unknown as RuleSet[K];
}

function checkValue(dimension: string, field: string, spec: FieldSpec, value: unknown): boolean | number {
  const fail = (code: RuleSetErrorCode) => new RuleSetError(dimension, field, code);
  if (spec.kind === 'boolean') {
    if (typeof value !== 'boolean') throw fail('NOT_A_BOOLEAN');
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('NOT_A_NUMBER');
  if (value < 0) throw fail('NEGATIVE');
  if (spec.integer && !Number.isInteger(value)) throw fail('NOT_AN_INTEGER');
  if (value < spec.min || (spec.max !== undefined && value > spec.max)) throw fail('OUT_OF_RANGE');
  return value;
}
