/** 提醒与通知: the county's reminder offsets, each person's channels, the delivery log, the daily job. */
import { z } from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from '../domain/notices/notification-events.ts';

export const reminderSettings = z.object({ licenceOffsets: z.array(z.number()) });
export const reminderSettingsBody = z.strictObject({
  /** Days before a licence ends at which reminders go out, e.g. [90, 60, 30, 7]. */
  licenceOffsets: z.array(z.number()).max(20),
});

const choice = z.partialRecord(z.enum(NOTIFICATION_EVENTS), z.array(z.enum(NOTIFICATION_CHANNELS)).max(3));
export const myNotifications = z.object({
  email: z.string().nullable(),
  events: choice,
  /** The channels this server has set up. */
  available: z.array(z.enum(NOTIFICATION_CHANNELS)),
});
export const myNotificationsBody = z.strictObject({
  email: z.email().max(200).nullable(),
  events: choice,
});

export const deliveriesQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const deliveriesResponse = z.object({
  total: z.number(),
  page: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      channel: z.string(),
      event: z.string(),
      key: z.string(),
      recipient: z.string().nullable(),
      ok: z.boolean(),
      attempts: z.number(),
      status: z.number().nullable(),
      error: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

export const reminderRunResponse = z.object({
  ran: z.boolean(),
  key: z.string(),
  reminders: z.number(),
  delivered: z.number(),
});
