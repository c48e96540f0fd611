import { localDate, localDateTime } from '../../src/domain/calendar/local-date';

/**
 * Formats an ISO time as the county's wall-clock "2025-03-01 08:30" (Asia/Shanghai), whatever the
 * reader's device is set to, so a time on the page matches the one in Word, PDF and Excel.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return localDateTime(date);
}

/**
 * Formats an ISO time as the county's calendar date "2026-11-24" (Asia/Shanghai): a bulletin published
 * at 01:30 Beijing time is dated that day, as Word prints it, not the day before in UTC.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return localDate(date);
}
