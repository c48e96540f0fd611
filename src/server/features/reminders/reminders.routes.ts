import { standardErrors } from '../../../contract/common.ts';
import {
  deliveriesQuery,
  deliveriesResponse,
  myNotifications,
  myNotificationsBody,
  reminderRunResponse,
  reminderSettings,
  reminderSettingsBody,
} from '../../../contract/reminders.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { forbidden } from '../../http/errors.ts';
import type { Api } from '../../http/types.ts';
import type { Reminders } from './reminders.service.ts';

export function registerReminderRoutes(app: Api, { reminders }: { reminders: Reminders }) {
  const tags = ['reminders'];
  app.get(
    '/api/v1/reminder-settings',
    {
      schema: {
        tags,
        summary: '提醒设置 When licence reminders go out',
        response: { 200: reminderSettings, ...standardErrors },
      },
    },
    (request) => {
      if (scopeFor(requireActor(request), 'ticketSettings', 'read').kind === 'none') throw forbidden();
      return reminders.settings();
    },
  );
  app.put(
    '/api/v1/reminder-settings',
    {
      schema: {
        tags,
        summary: '修改提醒设置 Days before a licence ends at which reminders go out',
        body: reminderSettingsBody,
        response: { 200: reminderSettings, ...standardErrors },
      },
    },
    (request) => reminders.updateSettings(requireActor(request), request.body, clientIp(request)),
  );
  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: '我的通知方式 The events that reach you and by which channels',
        response: { 200: myNotifications, ...standardErrors },
      },
    },
    (request) => reminders.mine(requireActor(request)),
  );
  app.put(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: '设置通知方式 Choose the events that reach you and the channels',
        body: myNotificationsBody,
        response: { 200: myNotifications, ...standardErrors },
      },
    },
    (request) => reminders.setMine(requireActor(request), request.body),
  );
  app.get(
    '/api/v1/notification-deliveries',
    {
      schema: {
        tags,
        summary: '通知发送记录 Every delivery by e-mail, webhook or robot, newest first (administrators)',
        querystring: deliveriesQuery,
        response: { 200: deliveriesResponse, ...standardErrors },
      },
    },
    (request) => reminders.deliveries(requireActor(request), request.query),
  );
  app.post(
    '/api/v1/jobs/reminders',
    {
      schema: {
        tags,
        summary: '今日提醒 Write the day’s reminders now (once a day; servers also run it on their own)',
        response: { 200: reminderRunResponse, ...standardErrors },
      },
    },
    (request) => {
      if (scopeFor(requireActor(request), 'ticketSettings', 'update').kind === 'none') throw forbidden();
      return reminders.run();
    },
  );
}
