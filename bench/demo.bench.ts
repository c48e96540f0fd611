import { startTestServer } from '../test/support/server.ts';
import type { DatabaseKind } from '../test/support/databases.ts';

/**
 * The demo county's year replayed through the services, as the first-run button does: seconds in all,
 * steps per second, and the rows the history triggers wrote along the way.
 */
export async function benchDemo(args: { databases: DatabaseKind[] }) {
  for (const kind of args.databases) {
    const now = new Date('2026-11-23T10:00:00Z');
    const server = await startTestServer(kind, { clock: () => now });
    try {
      const t0 = performance.now();
      const r = await server.services.demo.load();
      const seconds = (performance.now() - t0) / 1000;
      const k = server.db.kysely;
      const count = async (table: 'audit_events' | 'project_versions' | 'light_history' | 'project_light_months') =>
        Number(
          (
            await k
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const audit = await count('audit_events');
      console.log(
        `[${kind}] demo year: ${r.projects} projects, ${r.reports.toLocaleString()} reports, ${r.approvals.toLocaleString()} approvals, ${r.bulletins} bulletins in ${seconds.toFixed(1)} s (${Math.round(audit / seconds)} audited steps/s)`,
      );
      console.log(
        `[${kind}]   written: ${audit.toLocaleString()} audit events, ${(await count('project_versions')).toLocaleString()} project versions, ${(await count('project_light_months')).toLocaleString()} monthly lights, ${(await count('light_history')).toLocaleString()} light changes`,
      );
    } finally {
      await server.close();
    }
  }
}
