/**
 * 合计: the total of each indicator's targets over the units of a targets grid, the same on the page
 * and in the Excel file. Money (integer 元) and counts add up; percentages (rates, growth) do not,
 * so their total is null and shown as '—'. `count` is how many of the units have a target.
 *
 *   targetTotals([{ key: 'fiscalRevenue', unit: '元' }], [1, 2], [{ unitId: 1, indicator: 'fiscalRevenue', value: 5 }, …])
 *     → [{ indicator: 'fiscalRevenue', total: 5…, count: 1 }]
 */
import { sumYuan } from '../money/money.ts';
import type { IndicatorUnit } from './indicators.ts';

export interface TargetTotal {
  indicator: string;
  /** null for a percentage, or when no unit has a target of it. */
  total: number | null;
  count: number;
}

/** Whether an indicator's targets add up to a meaningful total. */
export const addsUp = (unit: IndicatorUnit) => unit !== '%';

export function targetTotals(
  indicators: readonly { key: string; unit: IndicatorUnit }[],
  unitIds: readonly number[],
  items: readonly { unitId: number; indicator: string; value: number }[],
): TargetTotal[] {
  const shown = new Set(unitIds);
  return indicators.map((indicator) => {
    const values = items.filter((i) => i.indicator === indicator.key && shown.has(i.unitId)).map((i) => i.value);
    const total = !values.length || !addsUp(indicator.unit) ? null : sumYuan(values);
    return { indicator: indicator.key, total, count: values.length };
  });
}
