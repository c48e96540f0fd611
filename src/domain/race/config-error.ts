/**
 * Bad race configuration (a race definition or a scoring method's params) fails once, when it is
 * parsed, with a RaceConfigError naming the code and the field path, e.g. CAP_NOT_POSITIVE at
 * `indicators[0].params.cap`. Targets and actual values are data, not configuration: a bad target is
 * a note on a score, never this error.
 */
export type RaceConfigErrorCode =
  | 'NOT_AN_OBJECT'
  | 'NOT_A_LIST'
  | 'UNKNOWN_FIELD'
  | 'REQUIRED'
  | 'NOT_A_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'NEGATIVE'
  | 'BAD_NAME'
  | 'BAD_LABEL'
  | 'BAD_PERIOD_KIND'
  | 'NO_GROUPS'
  | 'BAD_GROUP_KEY'
  | 'DUPLICATE_GROUP'
  | 'NO_UNIT_KINDS'
  | 'UNKNOWN_UNIT_KIND'
  | 'UNIT_KIND_IN_TWO_GROUPS'
  | 'NO_INDICATORS'
  | 'UNKNOWN_INDICATOR'
  | 'DUPLICATE_INDICATOR'
  | 'WEIGHT_NOT_POSITIVE'
  | 'WEIGHT_NOT_USED'
  | 'UNKNOWN_METHOD'
  | 'METHOD_NOT_FOR_INDICATOR'
  | 'UNKNOWN_PARAM'
  | 'CAP_NOT_POSITIVE'
  | 'CAP_BELOW_ONE'
  | 'POINTS_EMPTY'
  | 'FIRST_POINTS_NOT_POSITIVE'
  | 'POINTS_NOT_DESCENDING'
  | 'BAD_REST'
  | 'TIERS_EMPTY'
  | 'TIERS_NOT_ASCENDING'
  | 'PER_EVENT_NOT_POSITIVE'
  | 'BAD_TOP_N'
  | 'BAD_BOTTOM_N';

export class RaceConfigError extends Error {
  constructor(
    readonly code: RaceConfigErrorCode,
    /** Path of the offending field, e.g. 'indicators[2].weight'; null when it is the whole input. */
    readonly field: string | null,
  ) {
    super(`invalid race configuration: ${code}${field ? ` at ${field}` : ''}`);
    this.name = 'RaceConfigError';
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `at.key`, or `key` at the top level. */
export const pathOf = (at: string, key: string | number): string =>
  typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${key}` : key;

/** The params object of a method ({} when absent), refusing keys the method does not know. */
export function readParams(input: unknown, at: string, known: readonly string[]): Record<string, unknown> {
  if (input === undefined) return {};
  if (!isObject(input)) throw new RaceConfigError('NOT_AN_OBJECT', at || null);
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) throw new RaceConfigError('UNKNOWN_PARAM', pathOf(at, key));
  }
  return input;
}

/** A finite number, or REQUIRED / NOT_A_NUMBER at `field`. */
export function readNumber(value: unknown, field: string): number {
  if (value === undefined) throw new RaceConfigError('REQUIRED', field);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RaceConfigError('NOT_A_NUMBER', field);
  return value;
}
