// The reminders' tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface ReminderKeyTable {
  /** 'licence:12:30', 'ticket:7:2026-10-13T15:59:59.999Z': one reminder, written once. */
  key: string;
  created_at: string;
}

export interface NotificationSettingTable {
  user_id: number;
  email: string | null;
  /** { event: channels[] } */
  events_json: string;
  updated_at: string;
}

export interface NotificationDeliveryTable {
  id: Generated<number>;
  channel: string;
  event: string;
  key: string;
  recipient_user_id: number | null;
  ok: number;
  attempts: number;
  status: number | null;
  error: string | null;
  at: string;
}

/** The tables this feature adds to the database. */
export interface ReminderTables {
  reminder_keys: ReminderKeyTable;
  notification_settings: NotificationSettingTable;
  notification_deliveries: NotificationDeliveryTable;
}
