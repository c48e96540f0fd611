/**
 * Demo money, long-tailed as in a real county library: many projects of 1,000–5,000 万元, fewer of
 * 1–5 亿, a handful above 10 亿. Arithmetic is in integer hundredths of 万元 (100 元) so sums are
 * exact; the generator divides by 100 once, for output.
 */
import type { Rng } from './random.ts';
import { TIER_BOUNDS_WAN, type Tier } from './templates.ts';
import { daysBetween, maxDate, minDate } from './dates.ts';

/** Share of projects per tier, in percent: 58% stay under 5,000 万元, 2.5% pass 10 亿. */
export const TIER_SHARES: Readonly<Record<`${Tier}`, number>> = { 0: 5, 1: 53, 2: 20, 3: 16, 4: 3.5, 5: 2.5 };

/** Hundredths of 万元. */
export type Cents = number;

/** A total for the tier, log-uniform within it; most are round figures, some carry two decimals. */
export function totalFor(rng: Rng, tier: Tier): Cents {
  const [lo, hi] = TIER_BOUNDS_WAN[tier];
  const wan = Math.exp(rng.between(Math.log(lo), Math.log(hi)));
  if (rng.chance(0.2)) return Math.max(lo * 100, Math.min(hi * 100 - 1, Math.round(wan * 100)));
  const step = wan >= 100_000 ? 1000 : wan >= 10_000 ? 100 : wan >= 3_000 ? 10 : 1;
  return Math.min(hi - step, Math.max(lo, Math.round(wan / step) * step)) * 100;
}

/** Fixed assets as a share of the total: factories buy land and equipment, public works are nearly all fixed assets. */
export function fixedFor(rng: Rng, total: Cents, isIndustry: boolean): Cents {
  const share = isIndustry ? rng.between(0.7, 0.95) : rng.between(0.85, 1);
  return Math.min(total, Math.round((total * share) / 100) * 100);
}

/**
 * Splits `amount` over the calendar years from `start` to `end` by the days of work in each, in
 * whole 万元 where possible; the parts sum exactly to `amount`. Years with under two weeks of work
 * get nothing unless they are the only year.
 */
export function splitByYear(amount: Cents, start: string, end: string): { year: number; amount: Cents }[] {
  const first = Number(start.slice(0, 4));
  const last = Number(maxDate(start, end).slice(0, 4));
  const years: { year: number; days: number }[] = [];
  for (let y = first; y <= last; y++) {
    const from = maxDate(start, `${y}-01-01`);
    const to = minDate(maxDate(start, end), `${y}-12-31`);
    years.push({ year: y, days: daysBetween(from, to) + 1 });
  }
  const kept = years.length === 1 ? years : years.filter((y) => y.days >= 14);
  const totalDays = kept.reduce((s, y) => s + y.days, 0);
  const unit = amount >= kept.length * 100 ? 100 : 1;
  let left = amount;
  return kept
    .map((y, i) => {
      const part = i === kept.length - 1 ? left : Math.floor((amount * y.days) / totalDays / unit) * unit;
      left -= part;
      return { year: y.year, amount: part };
    })
    .filter((y) => y.amount > 0);
}
