import type { FastifyBaseLogger } from 'fastify';
import type { LightService } from '../features/lights/lights.service.ts';
import type { Reminders } from '../features/reminders/reminders.service.ts';

/**
 * Runs the daily light cutoff (the tickets' clocks first), then the day's reminders. Every server calls
 * this every few minutes; the run key of the day (a primary key in job_runs) lets only the first one
 * work, so several servers run each once a day.
 */
export function scheduleCutoff(
  lights: LightService,
  reminders: Reminders,
  log: FastifyBaseLogger,
  everyMs = 10 * 60 * 1000,
) {
  const tick = async () => {
    await lights.runCutoff().then(
      (r) => r.ran && log.info({ cutoff: r }, 'daily light cutoff done'),
      (err: unknown) => log.error({ err }, 'daily light cutoff failed'),
    );
    await reminders.run().then(
      (r) => r.ran && log.info({ reminders: r }, 'daily reminders done'),
      (err: unknown) => log.error({ err }, 'daily reminders failed'),
    );
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
