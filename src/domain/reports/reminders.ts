/**
 * 催报: whether a unit can be reminded of a month's reports. A unit is reminded of what it has not filed
 * (missing, still a draft, or returned and not filed again); a unit that has filed everything due is not.
 */
export interface UnitMonthCounts {
  /** Reports due from the unit this month. */
  due: number;
  /** Submitted or approved. */
  filed: number;
}

/** The most units one reminder reaches (a county has 10–40). */
export const REMINDER_UNITS_MAX = 100;

/** Reports due and not yet filed. */
export function outstandingOf(counts: UnitMonthCounts): number {
  return Math.max(0, counts.due - counts.filed);
}

/** Why a unit cannot be reminded, or null when it can. */
export function reminderRefusal(counts: UnitMonthCounts | undefined): 'nothing_due' | 'all_filed' | null {
  if (!counts || counts.due === 0) return 'nothing_due';
  return outstandingOf(counts) === 0 ? 'all_filed' : null;
}
