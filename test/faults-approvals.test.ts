import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/config/config.ts';
import { ApiClient } from './support/client.ts';
import { skipTodaysCutoff, inspect, startChildServer, until, type ChildServer } from './support/child-server.ts';
import { databaseKinds } from './support/databases.ts';
import { demoDatabase } from './support/demo.ts';

/**
 * The real server (`lantern serve` in a child process) killed with SIGKILL in the middle of a burst
 * of monthly-report approvals, eight in flight at a time. After the kill, on the same database: every
 * approval the client saw answered 200 is there; every report is approved exactly when its approval
 * is in the audit log; and unit_stats, kept approval by approval, equal a rebuild from the reports.
 */
const IN_FLIGHT = 8;
const KILL_AFTER = 20;
/**
 * The demo county as loaded on 2 December 2026, before November's review deadline (the 5th): most of its
 * November reports are still waiting to be approved. Loaded at the real hour, the queue would shrink as
 * the month's reviews are replayed and vanish in later months.
 */
const LOADED_AT = new Date('2026-12-02T02:00:00Z');

describe.each(await databaseKinds())('a server killed during a burst of approvals on %s', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let server: ChildServer | null = null;

  beforeAll(async () => {
    ({ database, drop } = await demoDatabase(kind, LOADED_AT));
    await skipTodaysCutoff(database);
    // The demo county of that hour is built by the first test to ask (most of a minute on PostgreSQL).
  }, 300_000);
  afterAll(async () => {
    await server?.kill();
    await drop?.();
  });

  it('keeps every acknowledged approval, and nothing half-written', async () => {
    server = await startChildServer(database);
    const admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    const november = (await admin.get('/api/v1/reports?year=2026&month=11')).body.items as {
      id: number;
      state: string;
    }[];
    const queue = november.filter((r) => r.state === 'submitted').map((r) => r.id);
    expect(queue.length).toBeGreaterThan(KILL_AFTER + IN_FLIGHT);
    const tried = [...queue];

    const acknowledged: number[] = [];
    let killed = false;
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !killed; id = queue.shift()) {
        try {
          const res = await admin.post(`/api/v1/reports/${id}/approve`);
          if (res.status === 200) acknowledged.push(id);
          else throw new Error(`approve ${id}: ${res.status} ${JSON.stringify(res.body)}`);
        } catch (e) {
          if (!killed) throw e;
        }
      }
    };
    const workers = Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await until(() => acknowledged.length >= KILL_AFTER, `${KILL_AFTER} approvals`);
    killed = true;
    await server.kill();
    await workers;
    const seen = [...acknowledged];
    expect(seen.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // The kill came while approvals were still being made: some of the tried ones never answered.
    expect(seen.length).toBeLessThan(tried.length);

    const after = await inspect(database);
    try {
      const rows = await after.db.kysely
        .selectFrom('monthly_reports')
        .select(['id', 'state', 'is_current', 'reviewed_at'])
        .where('id', 'in', tried)
        .execute();
      const audited = new Set(
        (
          await after.db.kysely
            .selectFrom('audit_events')
            .select('object_id')
            .where('action', '=', 'report.approve')
            .where('object_id', 'in', tried.map(String))
            .execute()
        ).map((a) => Number(a.object_id)),
      );
      const approved = rows.filter((r) => r.state === 'approved');
      for (const id of seen) expect(approved.map((r) => r.id)).toContain(id);
      // Approved ⇔ audited, and an approved report is its month's current revision with its review time.
      expect(approved.map((r) => r.id).sort()).toEqual([...audited].sort());
      for (const r of approved) expect([r.is_current, !!r.reviewed_at]).toEqual([1, true]);
      for (const r of rows.filter((x) => x.state !== 'approved')) expect(r.state).toBe('submitted');
      const { stored, rebuilt } = await after.statsAgree();
      expect(stored).toEqual(rebuilt);
      console.info(
        `${kind}: ${seen.length} approvals acknowledged before the kill, ${approved.length - seen.length} more committed unanswered, ${tried.length - approved.length} not made`,
      );
    } finally {
      await after.close();
    }

    // The restarted server answers with them, and approves the rest.
    server = await startChildServer(database);
    const again = new ApiClient(server.url);
    await again.signIn('admin', 'lantern-demo');
    for (const id of seen) expect((await again.get(`/api/v1/reports/${id}`)).body.state).toBe('approved');
    const rest = (await again.get('/api/v1/reports?year=2026&month=11')).body.items.filter(
      (r: { state: string }) => r.state === 'submitted',
    );
    for (const r of rest.slice(0, 3)) expect((await again.post(`/api/v1/reports/${r.id}/approve`)).status).toBe(200);
    await server.stop();
    server = null;
  }, 120_000);
});
