/**
 * A race definition (赛马, DESIGN §3.5) as data: its name, period kind, peer groups ranked apart, the
 * indicators with weight, scoring method and params, and how many units to name as 骏马 (top) and
 * 蜗牛 (bottom). A stored definition is parsed once with parseRaceDefinition; bad configuration fails
 * with a RaceConfigError naming the code and the field path.
 */
import type { LocalisedText } from '../lights/types.ts';
import { UNIT_KINDS, type UnitKind } from '../units/unit-tree.ts';
import { RaceConfigError, isObject, pathOf, readNumber, type RaceConfigErrorCode } from './config-error.ts';
import { indicatorByKey, isIndicatorKey, type IndicatorKey } from './indicators.ts';
import { isMethodKey, SCORING_METHODS, type MethodKey, type MethodParams } from './methods/index.ts';
import { cleanScore } from './score.ts';

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** The period kinds a race can be ranked by today (weeks need weekly data Lantern does not keep yet). */
export const RANKED_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;

/** What the messages promise: a name of 1–100 characters, 0–20 units named at each end. */
export const RACE_LIMITS = { nameMaxLength: 100, maxNamed: 20 } as const;

/** Units ranked against each other: every unit whose kind is listed. A kind belongs to one group at most. */
export interface PeerGroup {
  key: string;
  label: LocalisedText;
  unitKinds: UnitKind[];
}

/** One indicator of a race; `params` are those of its method, already parsed. */
export type RaceIndicator = {
  [M in MethodKey]: {
    key: IndicatorKey;
    /** Points; > 0, except 0 for a method that ignores weights (deduction). */
    weight: number;
    method: M;
    params: MethodParams[M];
  };
}[MethodKey];

export interface RaceDefinition {
  name: string;
  periodKind: PeriodKind;
  groups: PeerGroup[];
  indicators: RaceIndicator[];
  /** How many units to name as 骏马 and 蜗牛 per group (ties at the edge are all named). */
  topN: number;
  bottomN: number;
}

/** The county's usual groups: townships and streets together, county departments, platforms. */
export const DEFAULT_PEER_GROUPS: readonly PeerGroup[] = [
  { key: 'townships', label: { 'zh-CN': '乡镇街道', en: 'Townships and streets' }, unitKinds: ['township', 'street'] },
  { key: 'departments', label: { 'zh-CN': '县级部门', en: 'County departments' }, unitKinds: ['department'] },
  { key: 'platforms', label: { 'zh-CN': '平台', en: 'Platforms' }, unitKinds: ['platform'] },
];

export const DEFAULT_TOP_N = 3;
export const DEFAULT_BOTTOM_N = 3;

const FIELDS = ['name', 'periodKind', 'groups', 'indicators', 'topN', 'bottomN'];
const fail = (code: RaceConfigErrorCode, field: string | null) => new RaceConfigError(code, field);

function rejectUnknown(input: Record<string, unknown>, known: readonly string[], at: string): void {
  for (const key of Object.keys(input)) if (!known.includes(key)) throw fail('UNKNOWN_FIELD', pathOf(at, key));
}

/**
 * Validates a stored definition, e.g.
 * `{ name: '2026年项目建设赛马', periodKind: 'month', indicators: [{ key: 'fixedAssetInvestment',
 * weight: 60, method: 'ratioToTarget', params: { cap: 1.2 } }, …], topN: 3, bottomN: 3 }`.
 * Groups default to DEFAULT_PEER_GROUPS, topN and bottomN to 3. Throws RaceConfigError on the first
 * problem. Weights that do not add up to 100 are not an error here: see weightWarnings.
 */
export function parseRaceDefinition(input: unknown): RaceDefinition {
  if (!isObject(input)) throw fail('NOT_AN_OBJECT', null);
  rejectUnknown(input, FIELDS, '');
  const { name, periodKind, groups, indicators, topN = DEFAULT_TOP_N, bottomN = DEFAULT_BOTTOM_N } = input;
  if (typeof name !== 'string' || name.trim() === '' || [...name.trim()].length > RACE_LIMITS.nameMaxLength)
    throw fail('BAD_NAME', 'name');
  if (!(RANKED_PERIOD_KINDS as readonly unknown[]).includes(periodKind)) throw fail('BAD_PERIOD_KIND', 'periodKind');
  return {
    name: name.trim(),
    periodKind: periodKind as PeriodKind,
    groups: parseGroups(groups),
    indicators: parseIndicators(indicators),
    topN: parseCount(topN, 'topN', 'BAD_TOP_N'),
    bottomN: parseCount(bottomN, 'bottomN', 'BAD_BOTTOM_N'),
  };
}

function parseCount(value: unknown, field: string, code: RaceConfigErrorCode): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > RACE_LIMITS.maxNamed)
    throw fail(code, field);
  return value;
}

function parseLabel(value: unknown, field: string): LocalisedText {
  const ok = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';
  if (ok(value)) return { 'zh-CN': value.trim(), en: value.trim() };
  if (isObject(value) && ok(value['zh-CN']) && ok(value.en))
    return { 'zh-CN': value['zh-CN'].trim(), en: value.en.trim() };
  throw fail('BAD_LABEL', field);
}

function parseGroups(input: unknown): PeerGroup[] {
  if (input === undefined)
    return DEFAULT_PEER_GROUPS.map((g) => ({ ...g, label: { ...g.label }, unitKinds: [...g.unitKinds] }));
  if (!Array.isArray(input)) throw fail('NOT_A_LIST', 'groups');
  if (input.length === 0) throw fail('NO_GROUPS', 'groups');
  const keys = new Set<string>();
  const kinds = new Set<string>();
  return input.map((g: unknown, i) => {
    const at = pathOf('groups', i);
    if (!isObject(g)) throw fail('NOT_AN_OBJECT', at);
    rejectUnknown(g, ['key', 'label', 'unitKinds'], at);
    if (typeof g.key !== 'string' || g.key.trim() === '') throw fail('BAD_GROUP_KEY', pathOf(at, 'key'));
    const key = g.key.trim();
    if (keys.has(key)) throw fail('DUPLICATE_GROUP', pathOf(at, 'key'));
    keys.add(key);
    const label = parseLabel(g.label, pathOf(at, 'label'));
    const kindsAt = pathOf(at, 'unitKinds');
    if (!Array.isArray(g.unitKinds)) throw fail('NOT_A_LIST', kindsAt);
    if (g.unitKinds.length === 0) throw fail('NO_UNIT_KINDS', kindsAt);
    const unitKinds = g.unitKinds.map((kind: unknown, j) => {
      if (!(UNIT_KINDS as readonly unknown[]).includes(kind)) throw fail('UNKNOWN_UNIT_KIND', pathOf(kindsAt, j));
      if (kinds.has(kind as string)) throw fail('UNIT_KIND_IN_TWO_GROUPS', pathOf(kindsAt, j));
      kinds.add(kind as string);
      return kind as UnitKind;
    });
    return { key, label, unitKinds };
  });
}

function parseIndicators(input: unknown): RaceIndicator[] {
  if (input === undefined) throw fail('NO_INDICATORS', 'indicators');
  if (!Array.isArray(input)) throw fail('NOT_A_LIST', 'indicators');
  if (input.length === 0) throw fail('NO_INDICATORS', 'indicators');
  const seen = new Set<string>();
  return input.map((entry: unknown, i) => {
    const at = pathOf('indicators', i);
    if (!isObject(entry)) throw fail('NOT_AN_OBJECT', at);
    rejectUnknown(entry, ['key', 'weight', 'method', 'params'], at);
    const { key, weight, method, params } = entry;
    if (!isIndicatorKey(key)) throw fail('UNKNOWN_INDICATOR', pathOf(at, 'key'));
    if (seen.has(key)) throw fail('DUPLICATE_INDICATOR', pathOf(at, 'key'));
    seen.add(key);
    if (!isMethodKey(method)) throw fail('UNKNOWN_METHOD', pathOf(at, 'method'));
    const strategy = SCORING_METHODS[method];
    if (!strategy.suits(indicatorByKey(key))) throw fail('METHOD_NOT_FOR_INDICATOR', pathOf(at, 'method'));
    return {
      key,
      weight: parseWeight(weight, strategy.usesWeight, pathOf(at, 'weight')),
      method,
      params: strategy.parseParams(params, pathOf(at, 'params')),
    } as RaceIndicator;
  });
}

function parseWeight(value: unknown, usesWeight: boolean, field: string): number {
  // A method that ignores weights (deduction) takes 0 or none, so the 100 points stay honest.
  if (!usesWeight) {
    if (value === undefined || value === 0) return 0;
    throw fail('WEIGHT_NOT_USED', field);
  }
  const weight = readNumber(value, field);
  if (weight <= 0) throw fail('WEIGHT_NOT_POSITIVE', field);
  return weight;
}

export type RaceWarning = { code: 'WEIGHTS_NOT_100'; sum: number };

/**
 * What is allowed in a draft but stops publishing: weights that do not add up to 100, e.g.
 * 60 + 30 → [{ code: 'WEIGHTS_NOT_100', sum: 90 }]. Deduction indicators (weight 0) do not count.
 */
export function weightWarnings(def: RaceDefinition): RaceWarning[] {
  const sum = cleanScore(def.indicators.reduce((s, i) => s + i.weight, 0));
  return sum === 100 ? [] : [{ code: 'WEIGHTS_NOT_100', sum }];
}

/** The group that ranks units of `kind`, or null when the race does not rank them. */
export function groupForKind(def: RaceDefinition, kind: UnitKind): PeerGroup | null {
  return def.groups.find((g) => g.unitKinds.includes(kind)) ?? null;
}
