import { setTimeout as delay } from 'node:timers/promises';
import { systemClock, type Clock } from '../clock.ts';
import type { DeliveryResult, Notification, Recipient } from './channel.ts';

/** How hard a webhook tries. Every field has a default; tests inject `sleep`, `fetchImpl` and `clock`. */
export interface RetryOptions {
  /** Requests made at most, the first included. Default 4. */
  maxAttempts?: number;
  /** The wait before the 2nd, 3rd, … request; the last value repeats. Default 1 s, 4 s, 16 s. */
  backoffMs?: readonly number[];
  /** How a wait is made (so that tests never wait real time). */
  sleep?: (ms: number) => Promise<void>;
  fetchImpl?: typeof fetch;
  /** Time allowed for one request, answer included. Default 10 s. */
  timeoutMs?: number;
  /** The time the signatures carry. */
  clock?: Clock;
}

/** What an answer means: delivered, or failed and whether trying again could help. */
export type Verdict = { ok: true } | { ok: false; retry: boolean; error: string };

/** The parts of a webhook that differ from one receiver to another. */
export interface SenderHooks {
  /** The JSON document posted: built once, the same bytes on every attempt. */
  buildBody(n: Notification, to: Recipient): unknown;
  /** The address and headers of one attempt: signed then, since a signature carries its time. */
  prepare(body: string, n: Notification, now: Date): { url: string; headers: Record<string, string> };
  /** Reads a 2xx answer (DingTalk answers 200 with an error code). Unset: any 2xx is delivered. */
  judge?(status: number, text: string): Verdict;
}

/** The most of an answer that is read: receivers answer a few bytes; more is not waited for. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs JSON, retrying network errors, timeouts, 429 and 5xx after the backoff delays; another 4xx
 * (or a 3xx: redirects are not followed, a signed request goes where it was configured to) fails
 * at once. Never throws: the result names the attempts made and the last status or error.
 */
export function webhookSender(hooks: SenderHooks, options: RetryOptions = {}) {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const backoffMs = options.backoffMs ?? [1000, 4000, 16000];
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const clock = options.clock ?? systemClock;

  return async (n: Notification, to: Recipient): Promise<DeliveryResult> => {
    let body: string;
    try {
      body = JSON.stringify(hooks.buildBody(n, to));
    } catch (err) {
      return { ok: false, attempts: 0, error: `BAD_NOTIFICATION: ${messageOf(err)}` };
    }
    let last: DeliveryResult = { ok: false, attempts: 0 };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await sleep(backoffMs[Math.min(attempt - 2, backoffMs.length - 1)] ?? 0);
      let request: { url: string; headers: Record<string, string> };
      try {
        request = hooks.prepare(body, n, clock());
      } catch (err) {
        return { ok: false, attempts: attempt - 1, error: `BAD_NOTIFICATION: ${messageOf(err)}` };
      }
      const { url, headers } = request;
      // fetch refuses a header value outside printable ASCII before sending: no retry could succeed.
      if (Object.values(headers).some((v) => !/^[\x20-\x7e]*$/.test(v)))
        return { ok: false, attempts: attempt - 1, error: 'BAD_HEADER' };
      const outcome = await postOnce(fetchImpl, url, headers, body, timeoutMs, hooks.judge);
      last = { ok: outcome.ok, attempts: attempt, status: outcome.status, error: outcome.error };
      if (outcome.ok || !outcome.retry) break;
    }
    return last;
  };
}

type Outcome = { ok: boolean; retry: boolean; status?: number; error?: string };

async function postOnce(
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  judge: SenderHooks['judge'],
): Promise<Outcome> {
  let status: number;
  let text: string;
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    text = await readAnswer(response);
  } catch (err) {
    return { ok: false, retry: true, error: networkError(err) };
  }
  if (status >= 200 && status < 300) {
    const verdict = judge ? judge(status, text) : { ok: true as const };
    return verdict.ok ? { ok: true, retry: false, status } : { ...verdict, status };
  }
  return { ok: false, retry: status === 429 || status >= 500, status, error: `HTTP_${status}` };
}

/** The answer's text, its first MAX_ANSWER_BYTES only. */
async function readAnswer(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES);
}

/** TIMEOUT, the socket's code (ECONNREFUSED, ECONNRESET, …) or fetch's message. */
function networkError(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return 'TIMEOUT';
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : messageOf(err);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
