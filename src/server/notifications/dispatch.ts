import { systemClock, type Clock } from '../clock.ts';
import type {
  DeliveryEntry,
  DeliveryLog,
  DeliveryResult,
  Notification,
  NotificationChannel,
  Recipient,
} from './channel.ts';

export interface DispatchOptions {
  /** The time each log entry carries. */
  clock?: Clock;
  /** Told when the log itself could not record an entry (the delivery still happened). */
  onLogError?: (err: unknown, entry: DeliveryEntry) => void;
}

/**
 * Sends one notification to one person through every channel at once, and records each channel's
 * result in the delivery log. Never throws: a channel that throws is logged as failed
 * (`CHANNEL_ERROR: …`) and the others proceed; a log that throws is reported to `onLogError`.
 * Resolves to the entries, in the order of the channels.
 */
export async function dispatchNotification(
  channels: readonly NotificationChannel[],
  n: Notification,
  to: Recipient,
  log: DeliveryLog,
  options: DispatchOptions = {},
): Promise<DeliveryEntry[]> {
  const clock = options.clock ?? systemClock;
  return Promise.all(
    channels.map(async (channel) => {
      let result: DeliveryResult;
      try {
        result = await channel.send(n, to);
      } catch (err) {
        result = {
          ok: false,
          attempts: 0,
          error: `CHANNEL_ERROR: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
      const entry: DeliveryEntry = {
        channel: channel.kind,
        event: n.event,
        key: n.key,
        recipientUserId: to.userId,
        ok: result.ok,
        attempts: result.attempts,
        status: result.status ?? null,
        error: result.error ?? null,
        at: clock(),
      };
      try {
        await log.record(entry);
      } catch (err) {
        options.onLogError?.(err, entry);
      }
      return entry;
    }),
  );
}
