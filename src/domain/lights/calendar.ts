/** Calendar counting on 'YYYY-MM-DD' strings in UTC, so results never depend on the machine's time zone. */
const DAY_MS = 86_400_000;

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** Days from `a` to `b`, negative when b is earlier: daysBetween('2026-01-01', '2026-01-02') is 1. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/**
 * Calendar months from the month of `a` to the month of `b`, whatever the days:
 * monthsBetween('2026-08-15', '2026-09-01') is 1, monthsBetween('2026-08-15', '2026-08-31') is 0.
 */
export function monthsBetween(a: string, b: string): number {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  return index(b) - index(a);
}
