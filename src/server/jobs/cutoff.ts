import type { FastifyBaseLogger } from 'fastify';
import type { LightService } from '../features/lights/lights.service.ts';

/**
 * Runs the daily light cutoff. Every server calls this every few minutes; the run key of the day
 * (a primary key in job_runs) lets only the first one work, so several servers run it once.
 */
export function scheduleCutoff(lights: LightService, log: FastifyBaseLogger, everyMs = 10 * 60 * 1000) {
  const tick = () =>
    lights.runCutoff().then(
      (r) => r.ran && log.info({ cutoff: r }, 'daily light cutoff done'),
      (err: unknown) => log.error({ err }, 'daily light cutoff failed'),
    );
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
