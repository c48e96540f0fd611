import type { Notification, NotificationChannel, Recipient } from './channel.ts';
import { signBody } from './signature.ts';
import { webhookSender, type RetryOptions } from './webhook-sender.ts';

/** Lantern's own webhook document. */
export function lanternPayload(n: Notification, to: Recipient) {
  return {
    event: n.event,
    key: n.key,
    title: n.title,
    text: n.text,
    url: n.url ?? null,
    at: n.at.toISOString(),
    recipient: { userId: to.userId, displayName: to.displayName },
  };
}

export interface WebhookOptions extends RetryOptions {
  url: string;
  /** Shared with the receiver, which checks X-Lantern-Signature with it (`verifySignature`). */
  secret: string;
  /** Another document than Lantern's own, for a receiver that wants its own format; still signed. */
  buildBody?: (n: Notification, to: Recipient) => unknown;
}

/**
 * The generic webhook: Lantern's JSON document, signed. Headers: X-Lantern-Event, X-Lantern-Delivery
 * (the idempotency key, the same on every retry), X-Lantern-Timestamp (unix seconds, of this attempt)
 * and X-Lantern-Signature: sha256=<hex HMAC of "timestamp.body">.
 */
export function webhookChannel(options: WebhookOptions): NotificationChannel {
  const send = webhookSender(
    {
      buildBody: options.buildBody ?? lanternPayload,
      prepare(body, n, now) {
        const timestamp = String(Math.floor(now.getTime() / 1000));
        return {
          url: options.url,
          headers: {
            'X-Lantern-Event': n.event,
            'X-Lantern-Delivery': n.key,
            'X-Lantern-Timestamp': timestamp,
            'X-Lantern-Signature': `sha256=${signBody(options.secret, timestamp, body)}`,
          },
        };
      },
    },
    options,
  );
  return { kind: 'webhook', send };
}
