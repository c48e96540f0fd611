import { localDateTime } from '../../src/domain/calendar/local-date';

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
