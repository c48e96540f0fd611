/**
 * 待办 (the inbox): what waits for the signed-in person, counted for the header and listed for the page —
 * tickets waiting for their next step, the month's reports to file, licences ending soon. Approvals and
 * milestones join it when those modules exist.
 */
import { z } from 'zod';
import { licenceView } from './enterprises.ts';
import { ticketView } from './tickets.ts';

export const inboxResponse = z.object({
  /** Everything waiting: the header's badge. */
  total: z.number(),
  tickets: z.object({ count: z.number(), items: z.array(ticketView) }),
  /** The month being reported (last month) and how many of its reports the person still has to file or submit. */
  reports: z.object({ year: z.number(), month: z.number(), deadline: z.string(), count: z.number() }),
  /** Licences in scope ending within the window (expired ones included), soonest first. */
  licences: z.object({ withinDays: z.number(), count: z.number(), expired: z.number(), items: z.array(licenceView) }),
});
export type InboxResponse = z.infer<typeof inboxResponse>;
