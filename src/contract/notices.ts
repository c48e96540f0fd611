/** 通知: what Lantern tells the signed-in person (a 催报 reminder, a returned report), and the reminders themselves. */
import { z } from 'zod';
import { errorBody, MAX_ID } from './common.ts';
import { REMINDER_UNITS_MAX } from '../domain/reports/reminders.ts';

const base = {
  id: z.number(),
  /** Who caused it (the reviewer's name). */
  createdBy: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** The page it opens. */
  link: z.string(),
};
const period = { year: z.number(), month: z.number() };

export const notice = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('report_reminder'),
    facts: z.object({ ...period, unitName: z.string(), outstanding: z.number(), deadline: z.string() }),
  }),
  z.object({
    ...base,
    kind: z.literal('report_returned'),
    facts: z.object({
      ...period,
      reportId: z.number(),
      projectId: z.number(),
      projectName: z.string(),
      reason: z.string(),
    }),
  }),
  z.object({
    ...base,
    kind: z.literal('licence_expiring'),
    facts: z.object({
      licenceId: z.number(),
      enterpriseId: z.number(),
      enterpriseName: z.string(),
      type: z.string(),
      number: z.string(),
      validTo: z.string(),
      daysLeft: z.number(),
    }),
  }),
  z.object({
    ...base,
    kind: z.literal('ticket_due'),
    facts: z.object({
      ticketId: z.number(),
      title: z.string(),
      enterpriseName: z.string(),
      dueAt: z.string(),
      overdue: z.boolean(),
    }),
  }),
]);
export type Notice = z.infer<typeof notice>;

/** GET /notices: the person's unread notices, newest first, and how many there are. */
export const noticesResponse = z.object({ unread: z.number(), items: z.array(notice) });
export type NoticesResponse = z.infer<typeof noticesResponse>;

/** POST /reports/reminders: 催报 to these units' editors for the month. */
export const reportReminderBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  unitIds: z.array(z.number().int().positive().max(MAX_ID)).min(1).max(REMINDER_UNITS_MAX),
});
export type ReportReminderBody = z.infer<typeof reportReminderBody>;

/** Per unit: reminded (how many people, of how many reports), or refused with the reason. */
export const reportReminderResponse = z.object({
  reminded: z.number(),
  items: z.array(
    z.discriminatedUnion('ok', [
      z.object({ unitId: z.number(), ok: z.literal(true), notified: z.number(), outstanding: z.number() }),
      z.object({ unitId: z.number(), ok: z.literal(false), error: errorBody.shape.error }),
    ]),
  ),
});
export type ReportReminderResponse = z.infer<typeof reportReminderResponse>;
