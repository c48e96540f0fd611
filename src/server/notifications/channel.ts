/**
 * Notification channels: the ways a reminder or a ticket event reaches a person outside Lantern's own
 * inbox (DESIGN: "in the inbox and through a notification channel"). The inbox (通知, the notices
 * feature) stays the record; a channel only carries a copy, so a failed delivery is logged, never fatal.
 */

/** One thing to tell one person. */
export interface Notification {
  /**
   * What happened, dotted: 'ticket.assigned', 'licence.expiring', 'report.reminder'. ASCII: it travels
   * in headers.
   */
  event: string;
  /**
   * The idempotency key: the same for every attempt and every channel of one notification
   * ('licence:12:30'), so a receiver can drop a repeat. ASCII, like the event.
   */
  key: string;
  title: string;
  /** Plain text, in Chinese. */
  text: string;
  /** An absolute link into Lantern (built from LANTERN_BASE_URL). */
  url?: string;
  /** When it happened. */
  at: Date;
}

export interface Recipient {
  userId: number;
  displayName: string;
  email?: string | null;
}

/** What one channel made of one notification. */
export interface DeliveryResult {
  ok: boolean;
  /** Requests made: 0 when the channel could not even try (no address). */
  attempts: number;
  /** The last answer's status: the HTTP status, or the SMTP reply code. */
  status?: number;
  /** Why the last attempt failed, as a short code or the peer's message. */
  error?: string;
}

export type ChannelKind = 'email' | 'webhook' | 'dingtalk';

export interface NotificationChannel {
  readonly kind: ChannelKind;
  /** Delivers, retrying as the channel sees fit; reports failure in the result rather than throwing. */
  send(n: Notification, to: Recipient): Promise<DeliveryResult>;
}

/** One line of the delivery log the administrator reads: one channel, one notification, one person. */
export interface DeliveryEntry {
  channel: ChannelKind;
  event: string;
  key: string;
  recipientUserId: number;
  ok: boolean;
  attempts: number;
  status: number | null;
  error: string | null;
  /** When the delivery finished. */
  at: Date;
}

export interface DeliveryLog {
  record(entry: DeliveryEntry): Promise<void>;
}

/** A delivery log kept in memory, oldest first: for tests and until the database one exists. */
export function memoryDeliveryLog(): DeliveryLog & { readonly entries: readonly DeliveryEntry[] } {
  const entries: DeliveryEntry[] = [];
  return {
    entries,
    async record(entry) {
      entries.push({ ...entry });
    },
  };
}
