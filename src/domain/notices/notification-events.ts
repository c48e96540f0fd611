/**
 * The events a person may have sent to them outside Lantern (e-mail, the webhook, the DingTalk robot),
 * and the channels. The inbox always has them; a channel carries a copy only where the person chose it.
 */
import type { LocalisedText } from '../lights/types.ts';

export const NOTIFICATION_EVENTS = ['licence.expiring', 'ticket.due'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_EVENT_LABELS: Record<NotificationEvent, LocalisedText> = {
  'licence.expiring': { 'zh-CN': '证照临期提醒', en: 'Licences ending soon' },
  'ticket.due': { 'zh-CN': '涉企问题临期、超期提醒', en: 'Tickets due or past their deadline' },
};

export const NOTIFICATION_CHANNELS = ['email', 'webhook', 'dingtalk'] as const;
export type NotificationChannelKind = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannelKind, LocalisedText> = {
  email: { 'zh-CN': '电子邮件', en: 'E-mail' },
  webhook: { 'zh-CN': '系统对接（Webhook）', en: 'Webhook' },
  dingtalk: { 'zh-CN': '浙政钉群机器人', en: 'DingTalk group robot' },
};

/** A person's choice: for each event, the channels it reaches them by (none: the inbox only). */
export type NotificationChoice = Partial<Record<NotificationEvent, NotificationChannelKind[]>>;
