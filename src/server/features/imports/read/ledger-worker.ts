import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../http/errors.ts';
import { PARSE_BATCH, parseLedger, type ParseJob } from './ledger-parse.ts';

/**
 * The worker-thread side of parse-in-worker.ts: parses the ledger and posts its batches, at most a
 * few ahead of what the main thread has taken, so that memory stays flat when checking is slower.
 * The names' pinyin initials are computed here only while the main thread has a batch waiting: when
 * it waits for this thread instead (a dry run, a commit on SQLite), it computes them itself, for the
 * rows that need them, and both threads stay busy.
 */
const AHEAD = 4;
const port = parentPort!;
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (m: 'ack') => {
  if (m === 'ack') {
    inFlight--;
    wake?.();
    wake = null;
  }
});

try {
  for await (const batch of parseLedger(workerData as ParseJob, PARSE_BATCH, () => inFlight > 0)) {
    port.postMessage({ type: 'batch', batch });
    inFlight++;
    while (inFlight >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
  }
  port.postMessage({ type: 'done' });
} catch (e) {
  // A refusal meant for the person (a part over its limits) crosses over whole, to be shown as such.
  const refusal =
    e instanceof AppError
      ? { status: e.status, code: e.code, messageKey: e.messageKey, params: e.params, field: e.field }
      : undefined;
  port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e), refusal });
}
