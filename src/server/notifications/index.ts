/** Notification channels: e-mail, the signed webhook and the DingTalk robot, the dispatch and its log. */
export type {
  ChannelKind,
  DeliveryEntry,
  DeliveryLog,
  DeliveryResult,
  Notification,
  NotificationChannel,
  Recipient,
} from './channel.ts';
export { memoryDeliveryLog } from './channel.ts';
export { emailChannel, emailConfigFromEnv, type EmailConfig, type EmailOptions } from './email.ts';
export { signBody, verifySignature } from './signature.ts';
export { webhookSender, type RetryOptions, type SenderHooks, type Verdict } from './webhook-sender.ts';
export { lanternPayload, webhookChannel, type WebhookOptions } from './webhook.ts';
export {
  dingtalkChannel,
  dingtalkMarkdown,
  dingtalkSign,
  dingtalkSignedUrl,
  judgeDingtalkAnswer,
  type DingtalkOptions,
} from './dingtalk.ts';
export { dispatchNotification, type DispatchOptions } from './dispatch.ts';
