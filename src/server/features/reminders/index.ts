import * as m0019 from '../../db/migrations/0019_reminders.ts';
import type { Config } from '../../config/config.ts';
import { dingtalkChannel, emailChannel, webhookChannel, type NotificationChannel } from '../../notifications/index.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import type { NoticeService } from '../notices/notices.service.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import { REMINDER_MESSAGES } from './reminders.messages.ts';
import { createReminderRepository } from './reminders.repository.ts';
import { registerReminderRoutes } from './reminders.routes.ts';
import { createReminders, type Reminders } from './reminders.service.ts';

/** The channels this server is configured with (LANTERN_SMTP_*, LANTERN_WEBHOOK_*, LANTERN_DINGTALK_*). */
export function configuredChannels(config: Config): NotificationChannel[] {
  const { email, webhook, dingtalk } = config.notifications;
  return [
    ...(email ? [emailChannel(email)] : []),
    ...(webhook ? [webhookChannel(webhook)] : []),
    ...(dingtalk ? [dingtalkChannel(dingtalk)] : []),
  ];
}

/** 提醒: the daily reminders (licences, ticket deadlines) into the inbox and out by each person's channels. */
export const reminders = defineFeature({
  name: 'reminders',
  migrations: { '0019_reminders': m0019 },
  messages: REMINDER_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; notices: NoticeService; settingsRepo: SettingsRepository }) => ({
    dailyReminders: createReminders({
      db: ctx.kysely,
      reminders: createReminderRepository(ctx.kysely),
      notices: d.notices,
      settings: d.settingsRepo,
      audit: d.audit,
      channels: configuredChannels(ctx.config),
      baseUrl: ctx.config.baseUrl,
      clock: ctx.clock,
      today: ctx.today,
      timeZone: ctx.config.timeZone,
    }),
  }),
  routes: (app, s: { dailyReminders: Reminders }) => registerReminderRoutes(app, { reminders: s.dailyReminders }),
});
