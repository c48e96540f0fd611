// The reminder and notification settings (the operations in /api/docs; types from src/contract/reminders.ts and
// tickets.ts): the county's licence reminder offsets and SLA profiles, each person's channels, the delivery log.
import type { z } from 'zod';
import { query, request } from './api';
import type {
  deliveriesResponse,
  myNotifications,
  myNotificationsBody,
  reminderSettings,
  reminderSettingsBody,
} from '../../src/contract/reminders';
import type { slaProfileView, TicketSettings } from '../../src/contract/tickets';

export type ReminderSettings = z.output<typeof reminderSettings>;
export type ReminderSettingsBody = z.input<typeof reminderSettingsBody>;
export type MyNotifications = z.output<typeof myNotifications>;
export type MyNotificationsBody = z.input<typeof myNotificationsBody>;
export type DeliveryPage = z.output<typeof deliveriesResponse>;
export type Delivery = DeliveryPage['items'][number];
export type SlaProfileView = z.output<typeof slaProfileView>;
export type { TicketSettings };
/** The body of PUT /ticket-settings: every profile whole, as GET gave it with the amounts changed. */
export interface TicketSettingsBody {
  defaultProfile: string;
  profiles: SlaProfileView[];
}

export const settingsApi = {
  reminders: () => request<ReminderSettings>('GET', '/reminder-settings'),
  updateReminders: (body: ReminderSettingsBody) => request<ReminderSettings>('PUT', '/reminder-settings', body),
  ticketSettings: () => request<TicketSettings>('GET', '/ticket-settings'),
  /** Replaces the profiles; the server checks each and names the field it refuses (profiles.0.close.complex.amount). */
  updateTicketSettings: (body: TicketSettingsBody) => request<TicketSettings>('PUT', '/ticket-settings', body),
  /** The signed-in person's own e-mail and channels, with the channels this server has set up. */
  mine: () => request<MyNotifications>('GET', '/me/notifications'),
  updateMine: (body: MyNotificationsBody) => request<MyNotifications>('PUT', '/me/notifications', body),
  /** One page of the delivery log, newest first (administrators only). */
  deliveries: (params: { page: number; pageSize: number }) =>
    request<DeliveryPage>('GET', `/notification-deliveries${query(params)}`),
};
