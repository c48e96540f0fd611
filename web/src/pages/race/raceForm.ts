// The race editor's form values and their conversion to and from a race definition. Tier minimums are
// typed in 亿元 and sent as integer 元; rank points are typed as one comma-separated line.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api';
import type {
  IndicatorKey,
  MethodKey,
  PeerGroup,
  RaceDefinitionInput,
  RaceIndicatorInput,
  RacePeriodKind,
} from '../../api-race';
import { DEFAULT_BOTTOM_N, DEFAULT_TOP_N } from '../../../../src/domain/race/race-definition';
import { DEFAULT_METHOD, DEFAULT_RATIO_CAP } from '../../../../src/domain/race/methods/index';
import { parseYiText, yuanToYiText } from './amounts';
import { fieldParts } from './shared';

export interface TierRow {
  minYi?: string;
  points?: number | null;
}

export interface IndicatorRow {
  key?: IndicatorKey;
  weight?: number | null;
  method?: MethodKey;
  /** ratioToTarget's cap (× target) or deduction's cap (points). */
  cap?: number | null;
  pointsText?: string;
  rest?: 'zero' | 'last';
  tiers?: TierRow[];
  perEvent?: number | null;
}

export interface RaceFormValues {
  name?: string;
  periodKind?: RacePeriodKind;
  indicators: IndicatorRow[];
  topN?: number | null;
  bottomN?: number | null;
}

export const NEW_RACE_VALUES: RaceFormValues = {
  periodKind: 'month',
  indicators: [{ weight: null }],
  topN: DEFAULT_TOP_N,
  bottomN: DEFAULT_BOTTOM_N,
};

/** The params a method starts with when chosen for a row. */
export function defaultParams(method: MethodKey): Partial<IndicatorRow> {
  switch (method) {
    case 'ratioToTarget':
      return { cap: DEFAULT_RATIO_CAP };
    case 'rankPoints':
      return { pointsText: '10,8,6,4,2', rest: 'zero' };
    case 'tieredCount':
      return {
        tiers: [
          { minYi: '0', points: 1 },
          { minYi: '1', points: 3 },
          { minYi: '10', points: 5 },
        ],
      };
    case 'deduction':
      return { perEvent: 0.1, cap: 5, weight: 0 };
    default:
      return {};
  }
}

/** The sum of the weights that count towards 100 (deductions carry none). */
export function weightSum(rows: (IndicatorRow | undefined)[] | undefined): number {
  const sum = (rows ?? []).reduce(
    (s, row) => (row && row.method !== 'deduction' ? s + (Number(row.weight) || 0) : s),
    0,
  );
  return Number(sum.toPrecision(12));
}

/** "10, 8，6" → [10, 8, 6]; null when a part is not a number. */
export function parsePoints(text: string | undefined): number[] | null {
  const parts = (text ?? '').split(/[,，、\s]+/).filter(Boolean);
  if (!parts.length) return null;
  const numbers = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  return numbers.some(Number.isNaN) ? null : numbers;
}

const num = (value: number | null | undefined) =>
  value === null || value === undefined ? (undefined as unknown as number) : Number(value);

function indicatorInput(row: IndicatorRow): RaceIndicatorInput {
  const base = { key: row.key!, weight: num(row.weight) };
  switch (row.method) {
    case 'ratioToTarget':
      return { ...base, method: 'ratioToTarget', params: { cap: num(row.cap) } };
    case 'rankPoints':
      return {
        ...base,
        method: 'rankPoints',
        params: { points: parsePoints(row.pointsText) ?? [], rest: row.rest ?? 'zero' },
      };
    case 'tieredCount':
      return {
        ...base,
        method: 'tieredCount',
        params: {
          tiers: (row.tiers ?? []).map((t) => {
            const parsed = parseYiText(t.minYi ?? '');
            return {
              min: parsed.ok && parsed.value !== null ? parsed.value : (undefined as unknown as number),
              points: num(t.points),
            };
          }),
        },
      };
    case 'deduction':
      return { ...base, weight: 0, method: 'deduction', params: { perEvent: num(row.perEvent), cap: num(row.cap) } };
    default:
      return { ...base, method: DEFAULT_METHOD, params: {} };
  }
}

/** The definition the API takes; groups are sent back unchanged when editing, left to the server's default when new. */
export function definitionFromValues(values: RaceFormValues, groups: PeerGroup[] | undefined): RaceDefinitionInput {
  return {
    name: (values.name ?? '').trim(),
    periodKind: values.periodKind ?? 'month',
    ...(groups ? { groups } : {}),
    indicators: values.indicators.map(indicatorInput),
    topN: num(values.topN),
    bottomN: num(values.bottomN),
  };
}

function rowFromIndicator(indicator: RaceIndicatorInput): IndicatorRow {
  const row: IndicatorRow = { key: indicator.key, weight: indicator.weight, method: indicator.method };
  switch (indicator.method) {
    case 'ratioToTarget':
      return { ...row, cap: indicator.params.cap };
    case 'rankPoints':
      return { ...row, pointsText: indicator.params.points.join(','), rest: indicator.params.rest ?? 'zero' };
    case 'tieredCount':
      return { ...row, tiers: indicator.params.tiers.map((t) => ({ minYi: yuanToYiText(t.min), points: t.points })) };
    case 'deduction':
      return { ...row, perEvent: indicator.params.perEvent, cap: indicator.params.cap };
    default:
      return row;
  }
}

export function valuesFromDefinition(definition: RaceDefinitionInput): RaceFormValues {
  return {
    name: definition.name,
    periodKind: definition.periodKind,
    indicators: definition.indicators.map(rowFromIndicator),
    topN: definition.topN,
    bottomN: definition.bottomN,
  };
}

/** The form field a server field path names: 'indicators.1.params.cap' → ['indicators', 1, 'cap']. */
export function formFieldOf(field: string | undefined): (string | number)[] | null {
  const parts = fieldParts(field);
  if (!parts.length) return null;
  const [head, index, name, param, ...rest] = parts;
  if (head !== 'indicators') return ['name', 'periodKind', 'topN', 'bottomN'].includes(String(head)) ? [head!] : null;
  if (typeof index !== 'number') return null;
  if (name !== 'params') return name === undefined ? null : ['indicators', index, name];
  if (param === 'points') return ['indicators', index, 'pointsText'];
  if (param === 'tiers') {
    const [tier, tierField] = rest;
    if (typeof tier !== 'number') return null;
    return ['indicators', index, 'tiers', tier, tierField === 'min' ? 'minYi' : 'points'];
  }
  return param === undefined ? null : ['indicators', index, param];
}

/** Puts a 400 at its field; returns the message to show otherwise (or null when placed). */
export function placeRaceError(form: FormInstance<RaceFormValues>, error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiError)) return message;
  const name = formFieldOf(error.field);
  if (!name) return message;
  form.setFields([{ name: name as never, errors: [message] }]);
  form.scrollToField(name as never, { block: 'center' });
  return null;
}
