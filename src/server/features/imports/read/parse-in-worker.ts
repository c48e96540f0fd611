import { Worker } from 'node:worker_threads';
import { AppError } from '../../../http/errors.ts';
import type { ParsedBatch, ParseJob } from './ledger-parse.ts';
import { sharedStringBytes } from './ledger-reader.ts';

/** An AppError thrown in the worker, as posted back (ledger-worker.ts). */
type Refusal = Pick<AppError, 'status' | 'code' | 'messageKey' | 'params' | 'field'>;

/**
 * The worker's old-generation limit: the shared strings it must hold (about twice their XML), plus
 * room to work. Without a limit V8 lets garbage pile up to several hundred MB before collecting it.
 */
async function heapLimitMb(job: ParseJob): Promise<number> {
  const strings = job.kind === 'xlsx' ? await sharedStringBytes(job.file) : 0;
  return Math.ceil(96 + (3 * strings) / 1024 / 1024);
}

/**
 * The worker's young generation, half V8's default: it runs beside the main thread's heap, and while
 * a slow commit (PostgreSQL) holds both near their peaks this kept a 100,000-row import under 500 MB,
 * for some 3 % more time collecting garbage in the worker.
 */
const YOUNG_MB = 16;

/**
 * Parses a ledger in a worker thread and hands its batches over in order: exceljs's XML parsing and
 * the per-cell parsing run beside the checking and writing on the main thread, which roughly halves
 * the time of a large import. Stopping early (or an error) ends the worker; a worker that runs out of
 * its memory limit fails the run (nothing is written) rather than the server.
 */
export async function* parseInWorker(job: ParseJob): AsyncGenerator<ParsedBatch> {
  const worker = new Worker(new URL('./ledger-worker.mjs', import.meta.url), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: await heapLimitMb(job), maxYoungGenerationSizeMb: YOUNG_MB },
  });
  const queue: (
    { type: 'batch'; batch: ParsedBatch } | { type: 'done' } | { type: 'error'; message: string; refusal?: Refusal }
  )[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (e) => {
    failure = e;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the ledger worker stopped (exit code ${code})`);
    notify();
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (!next) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (next.type === 'done') return;
      if (next.type === 'error') {
        const r = next.refusal;
        throw r ? new AppError(r.status, r.code, r.messageKey, r.params, r.field) : new Error(next.message);
      }
      worker.postMessage('ack');
      yield next.batch;
    }
  } finally {
    await worker.terminate();
  }
}
