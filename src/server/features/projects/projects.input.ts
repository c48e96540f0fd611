import { MoneyError, parseWan } from '../../../domain/money/money.ts';
import { invalid } from '../../http/errors.ts';
import type { MessageKey } from '../../http/i18n.ts';

const MONEY_KEYS: Record<MoneyError['reason'], MessageKey> = {
  format: 'MONEY_FORMAT',
  negative: 'MONEY_NEGATIVE',
  tooLarge: 'MONEY_TOO_LARGE',
  precision: 'MONEY_PRECISION',
};

/** 万元 from a request field into integer 元, or a field-level error naming it. */
export function yuanFrom(value: string | number, field: string, { positive = false } = {}): number {
  try {
    const yuan = parseWan(value);
    if (positive && yuan <= 0) throw invalid('MONEY_ZERO', { field: `@${field}` }, field);
    return yuan;
  } catch (e) {
    if (e instanceof MoneyError) throw invalid(MONEY_KEYS[e.reason], { field: `@${field}` }, field);
    throw e;
  }
}

export const optionalYuan = (value: string | number | null | undefined, field: string) =>
  value === null || value === undefined || value === '' ? null : yuanFrom(value, field);

/** Tags trimmed, de-duplicated, in the order given. */
export const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
