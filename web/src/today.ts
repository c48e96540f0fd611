// The county's date today as the server's clock has it (GET /me answers it): the pages' default month,
// year and "today" come from here, not from the browser's clock, which may sit in another time zone or be
// set wrong. Before anyone has signed in (the sign-in page) the browser's date stands in.
import dayjs, { type Dayjs } from 'dayjs';

let countyDate: string | null = null;

/** Called with /me's `today` on every answer. */
export function setCountyToday(date: string | null): void {
  countyDate = date;
}

/** Today in the county, at the start of its day. */
export function countyNow(): Dayjs {
  return countyDate ? dayjs(countyDate) : dayjs().startOf('day');
}
