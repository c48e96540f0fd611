/**
 * The time limits of an enterprise's problem ticket (DESIGN §3.6) as a named SLA profile: accept (or
 * first respond) within, an interim reply within, close within by complexity, revisit (回访) within, and
 * the extension rule. Limits count Chinese working days or working hours (calendar/working-days.ts);
 * the clock that runs them is clock.ts. A stored profile is parsed once with parseSlaProfile; bad
 * configuration fails with an SlaProfileError naming the field, e.g. BAD_LIMIT at 'close.complex.amount'.
 */
import type { LocalisedText } from '../lights/types.ts';
import { textProblem } from '../text/text-rules.ts';

export const LIMIT_UNITS = ['workingDays', 'workingHours'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

/** A time limit: so many working days or working hours from the step that starts it. */
export interface Limit {
  amount: number;
  unit: LimitUnit;
}

/** The longest limit a profile may set, about a working year either way. */
export const MAX_LIMIT: Record<LimitUnit, number> = { workingDays: 250, workingHours: 2000 };

export const COMPLEXITIES = ['simple', 'general', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export const COMPLEXITY_LABELS: Record<Complexity, LocalisedText> = {
  simple: { 'zh-CN': '简单', en: 'Simple' },
  general: { 'zh-CN': '一般', en: 'General' },
  complex: { 'zh-CN': '复杂', en: 'Complex' },
};

/** One extension (延期) at most `maxTimes` times, asked before the deadline, approved by a coordinator. */
export interface ExtensionRule {
  allowed: boolean;
  maxTimes: number;
  approverRole: 'coordinator';
}

export interface SlaProfile {
  /** Stable key stored with each ticket: lowercase letters, digits and '-', e.g. '333'. */
  key: string;
  name: LocalisedText;
  /** Shipped as seen elsewhere and not yet confirmed by this county (待本县确认); shown beside the name. */
  toConfirm: boolean;
  /** Accept (受理), or first respond, within this of the ticket being raised. */
  accept: Limit;
  /** A first interim reply (阶段答复) within this of assignment; null when none is owed. */
  interim: Limit | null;
  /** Close (办结) within this of assignment, by the ticket's complexity. */
  close: Record<Complexity, Limit>;
  /** Revisit the enterprise (回访) within this of the answer. */
  revisit: Limit;
  extension: ExtensionRule;
}

const days = (amount: number): Limit => ({ amount, unit: 'workingDays' });
const hours = (amount: number): Limit => ({ amount, unit: 'workingHours' });
const ONE_EXTENSION: ExtensionRule = { allowed: true, maxTimes: 1, approverRole: 'coordinator' };

export const DEFAULT_SLA_PROFILE_KEY = '333';

/** The profiles Lantern ships: '333' as the county's default, awaiting its confirmation, and two seen in practice. */
export const SHIPPED_SLA_PROFILES: Record<'333' | 'rapid' | 'standard', SlaProfile> = {
  '333': {
    key: '333',
    name: { 'zh-CN': '“333”办理时限', en: '“333” time limits' },
    toConfirm: true,
    accept: days(3),
    interim: null,
    close: { simple: days(3), general: days(3), complex: days(3) },
    revisit: days(3),
    extension: ONE_EXTENSION,
  },
  rapid: {
    key: 'rapid',
    name: { 'zh-CN': '快速响应', en: 'Rapid response' },
    toConfirm: false,
    accept: hours(1),
    interim: days(3),
    close: { simple: days(5), general: days(5), complex: days(5) },
    revisit: days(3),
    extension: ONE_EXTENSION,
  },
  standard: {
    key: 'standard',
    name: { 'zh-CN': '常规办理', en: 'Standard' },
    toConfirm: false,
    accept: days(1),
    interim: null,
    close: { simple: days(10), general: days(10), complex: days(25) },
    revisit: days(3),
    extension: ONE_EXTENSION,
  },
};

export type SlaProfileErrorCode =
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_FIELD'
  | 'MISSING'
  | 'BAD_KEY'
  | 'BAD_NAME'
  | 'NOT_A_BOOLEAN'
  | 'BAD_UNIT'
  | 'BAD_LIMIT'
  | 'BAD_COUNT'
  | 'BAD_ROLE';

/** Bad SLA profile configuration: what is wrong and where ('close.complex.amount'; null for the whole input). */
export class SlaProfileError extends Error {
  constructor(
    readonly code: SlaProfileErrorCode,
    readonly field: string | null,
  ) {
    super(`invalid SLA profile: ${code}${field ? ` at ${field}` : ''}`);
    this.name = 'SlaProfileError';
  }
}

const KEY = /^[a-z0-9][a-z0-9-]{0,31}$/;
const MAX_NAME_LENGTH = 60;
const MAX_EXTENSIONS = 5;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const pathOf = (at: string, key: string): string => (at ? `${at}.${key}` : key);

/** The object at `at` with exactly the fields `known`: an unknown one or a missing one is refused. */
function fieldsOf(input: unknown, at: string, known: readonly string[]): Record<string, unknown> {
  if (!isObject(input)) throw new SlaProfileError('NOT_AN_OBJECT', at || null);
  for (const key of Object.keys(input))
    if (!known.includes(key)) throw new SlaProfileError('UNKNOWN_FIELD', pathOf(at, key));
  for (const key of known) if (input[key] === undefined) throw new SlaProfileError('MISSING', pathOf(at, key));
  return input;
}

function parseBoolean(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') throw new SlaProfileError('NOT_A_BOOLEAN', at);
  return value;
}

function parseName(input: unknown): LocalisedText {
  const name = fieldsOf(input, 'name', ['zh-CN', 'en']);
  const text = (lang: 'zh-CN' | 'en'): string => {
    const value = name[lang];
    const trimmed = typeof value === 'string' ? value.trim() : '';
    if (!trimmed || trimmed.length > MAX_NAME_LENGTH || textProblem(trimmed))
      throw new SlaProfileError('BAD_NAME', `name.${lang}`);
    return trimmed;
  };
  return { 'zh-CN': text('zh-CN'), en: text('en') };
}

/** A limit: a known unit, and a whole number of them from 1 to the unit's MAX_LIMIT. */
function parseLimit(input: unknown, at: string): Limit {
  const limit = fieldsOf(input, at, ['amount', 'unit']);
  const { amount, unit } = limit;
  if (!(LIMIT_UNITS as readonly unknown[]).includes(unit)) throw new SlaProfileError('BAD_UNIT', `${at}.unit`);
  const max = MAX_LIMIT[unit as LimitUnit];
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > max)
    throw new SlaProfileError('BAD_LIMIT', `${at}.amount`);
  return { amount, unit: unit as LimitUnit };
}

function parseExtension(input: unknown): ExtensionRule {
  const rule = fieldsOf(input, 'extension', ['allowed', 'maxTimes', 'approverRole']);
  const allowed = parseBoolean(rule.allowed, 'extension.allowed');
  const { maxTimes } = rule;
  // Allowed: 1 to MAX_EXTENSIONS times; not allowed: 0, so the two fields never disagree.
  const isCount = typeof maxTimes === 'number' && Number.isInteger(maxTimes);
  if (!isCount || (allowed ? maxTimes < 1 || maxTimes > MAX_EXTENSIONS : maxTimes !== 0))
    throw new SlaProfileError('BAD_COUNT', 'extension.maxTimes');
  if (rule.approverRole !== 'coordinator') throw new SlaProfileError('BAD_ROLE', 'extension.approverRole');
  return { allowed, maxTimes, approverRole: 'coordinator' };
}

const PROFILE_FIELDS = ['key', 'name', 'toConfirm', 'accept', 'interim', 'close', 'revisit', 'extension'] as const;

/**
 * Validates a stored profile, every field present (`interim: null` when none is owed), e.g.
 * `{ key: 'standard', …, close: { simple: { amount: 10, unit: 'workingDays' }, … } }`. Throws
 * SlaProfileError on the first problem: an amount of 0, −1 or 2.5 at close.complex is BAD_LIMIT at
 * 'close.complex.amount'.
 */
export function parseSlaProfile(input: unknown): SlaProfile {
  const profile = fieldsOf(input, '', PROFILE_FIELDS);
  if (typeof profile.key !== 'string' || !KEY.test(profile.key)) throw new SlaProfileError('BAD_KEY', 'key');
  const close = fieldsOf(profile.close, 'close', COMPLEXITIES);
  return {
    key: profile.key,
    name: parseName(profile.name),
    toConfirm: parseBoolean(profile.toConfirm, 'toConfirm'),
    accept: parseLimit(profile.accept, 'accept'),
    interim: profile.interim === null ? null : parseLimit(profile.interim, 'interim'),
    close: {
      simple: parseLimit(close.simple, 'close.simple'),
      general: parseLimit(close.general, 'close.general'),
      complex: parseLimit(close.complex, 'close.complex'),
    },
    revisit: parseLimit(profile.revisit, 'revisit'),
    extension: parseExtension(profile.extension),
  };
}
