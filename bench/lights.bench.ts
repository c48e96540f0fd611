import { sql } from 'kysely';
import { buildApp } from '../src/server/http/app.ts';
import { ApiClient } from '../test/support/client.ts';
import type { DatabaseKind } from '../test/support/databases.ts';
import { withBenchCounty } from './county.ts';
import { generate, generateReports, rng } from './projects.bench.ts';
import { ms, percentile } from './stats.ts';

/**
 * Lights at scale: N projects with an annual plan and twelve monthly reports each, then a full
 * recomputation of every light (time and peak memory), single-project recomputations after an
 * approval, and the dashboard API over HTTP.
 */
export async function benchLights(args: { projects: number; requests: number; databases: DatabaseKind[] }) {
  for (const kind of args.databases) {
    await withBenchCounty(kind, async ({ db, config, services, units }) => {
      const year = new Date().getUTCFullYear();
      await generate(db, args.projects, units, year);
      const t0 = performance.now();
      const reports = await generateReports(db, year);
      await sql`ANALYZE`.execute(db.kysely);
      console.log(
        `[${kind}] ${args.projects.toLocaleString()} projects, ${reports.toLocaleString()} reports generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      // The rows went straight to the tables, as a migration or an import would: build the per-unit figures once.
      const tr = performance.now();
      await services.stats.rebuild();
      console.log(
        `[${kind}] per-unit figures rebuilt from scratch in ${((performance.now() - tr) / 1000).toFixed(1)} s`,
      );

      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      const t1 = performance.now();
      const computed = await services.lights.recomputeAll();
      const fullMs = performance.now() - t1;
      clearInterval(sampler);
      console.log(
        `[${kind}] full recomputation of ${computed.toLocaleString()} lights: ${(fullMs / 1000).toFixed(1)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
      );

      const rand = rng(7);
      const singles: number[] = [];
      for (let i = 0; i < args.requests; i++) {
        const id = 1 + Math.floor(rand() * args.projects);
        const t = performance.now();
        await services.lights.recomputeProject(id);
        singles.push(performance.now() - t);
      }
      singles.sort((a, b) => a - b);
      console.log(
        `[${kind}] one project after an approval: p50 ${ms(percentile(singles, 50))}  p95 ${ms(percentile(singles, 95))}`,
      );

      const { app } = await buildApp({ config, db, clock: () => new Date() });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const client = new ApiClient(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
      await client.signIn('admin', 'river-sesame-2026');
      const times: number[] = [];
      const n = Math.min(args.requests, 30);
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        const res = await client.get(
          i % 2 ? `/api/v1/dashboard?unitId=${units[i % units.length]!.id}` : '/api/v1/dashboard',
        );
        if (res.status !== 200) throw new Error(JSON.stringify(res.body));
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(
        `[${kind}] GET /api/v1/dashboard: p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  (${n} requests, county and township views)`,
      );
      await app.close();
    });
  }
}
