/** Calendar arithmetic on 'YYYY-MM-DD' strings in UTC, so results never depend on the machine's time zone. */
import type { Rng } from './random.ts';

const DAY_MS = 86_400_000;

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date written 'YYYY-MM-DD' ('2025-02-30' is not one). */
export function isIsoDate(date: string): boolean {
  return DATE_PATTERN.test(date) && fromMs(toMs(date)) === date;
}

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + Math.round(days) * DAY_MS);
}

/** Days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const clampDate = (date: string, lo: string, hi: string) => minDate(maxDate(date, lo), hi);

/** A day in [from, to], both included; `from` when the range is empty. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

/**
 * Lays out consecutive milestones ending at `end`: gaps[i] is the wished number of days between
 * milestone i and i+1. When the gaps do not fit after `floor` they shrink proportionally, so the
 * order always holds. Returns gaps.length + 1 dates, the last being `end`.
 */
export function chainBackward(end: string, gaps: readonly number[], floor: string): string[] {
  const room = Math.max(0, daysBetween(floor, end));
  const wanted = gaps.reduce((s, g) => s + g, 0);
  const scale = wanted > room ? room / wanted : 1;
  const out = [end];
  for (let i = gaps.length - 1; i >= 0; i--)
    out.unshift(maxDate(addDays(out[0]!, -Math.floor(gaps[i]! * scale)), floor));
  return out;
}

/** The mirror of chainBackward: milestones starting at `start`, never past `ceiling`. */
export function chainForward(start: string, gaps: readonly number[], ceiling: string): string[] {
  const room = Math.max(0, daysBetween(start, ceiling));
  const wanted = gaps.reduce((s, g) => s + g, 0);
  const scale = wanted > room ? room / wanted : 1;
  const out = [start];
  for (const g of gaps) out.push(minDate(addDays(out[out.length - 1]!, Math.floor(g * scale)), ceiling));
  return out;
}
