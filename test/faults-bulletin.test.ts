import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/config/config.ts';
import { ApiClient } from './support/client.ts';
import { skipTodaysCutoff, inspect, startChildServer, until, type ChildServer } from './support/child-server.ts';
import { databaseKinds } from './support/databases.ts';
import { demoDatabase } from './support/demo.ts';
import { publishFromDraft } from './support/race-county.ts';

/**
 * The real server killed with SIGKILL while it publishes the demo race's November bulletin: once
 * with the request in flight, once (PostgreSQL) inside the publishing transaction — the bulletin
 * written, its audit event waiting on a lock the test holds — and once just after the 201. After
 * each kill the period's bulletin is either absent or whole (one row, its frozen ranking of every
 * ranked unit, its audit event); the acknowledged one is there after the restart, unchanged.
 */
const RACE = 1;

describe.each(await databaseKinds())('a server killed while publishing a bulletin on %s', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let server: ChildServer | null = null;

  beforeAll(async () => {
    ({ database, drop } = await demoDatabase(kind));
    await skipTodaysCutoff(database);
    // The demo county of this hour is built by the first test to ask (most of a minute on PostgreSQL).
  }, 300_000);
  afterAll(async () => {
    await server?.kill();
    await drop?.();
  });

  /** The period's bulletins and publication events; each bulletin's frozen ranking checked whole. */
  async function november() {
    const after = await inspect(database);
    try {
      const rows = await after.db.kysely
        .selectFrom('bulletins')
        .selectAll()
        .where('race_id', '=', RACE)
        .where('year', '=', 2026)
        .where('period_index', '=', 11)
        .execute();
      const events = await after.db.kysely
        .selectFrom('audit_events')
        .select('object_id')
        .where('action', '=', 'bulletin.publish')
        .execute();
      const ranked = await after.db.kysely
        .selectFrom('units')
        .select('id')
        .where('kind', 'in', ['township', 'street', 'department', 'platform'])
        .execute();
      for (const b of rows) {
        const snapshot = JSON.parse(b.snapshot_json);
        const units = snapshot.ranking.groups.flatMap((g: { rows: { unitId: number }[] }) => g.rows);
        expect(units.map((u: { unitId: number }) => u.unitId).sort()).toEqual(ranked.map((u) => u.id).sort());
        for (const u of units) expect(u.breakdown).toHaveLength(snapshot.ranking.indicators.length);
        expect(events.map((e) => e.object_id)).toContain(String(b.id));
      }
      const bulletins = await after.db.kysely.selectFrom('bulletins').select('id').execute();
      expect(events.map((e) => e.object_id).sort()).toEqual(bulletins.map((b) => String(b.id)).sort());
      return rows;
    } finally {
      await after.close();
    }
  }

  async function signedIn() {
    server = await startChildServer(database);
    const admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    return admin;
  }
  const publishing = () =>
    /"method":"POST","url":"\/api\/v1\/bulletins"[^\n]*"msg":"incoming request"/.test(server!.output());

  it('leaves the bulletin absent or whole, and keeps the acknowledged one', async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.info(`${kind} ${what}: ${Date.now() - t0} ms`);
    let admin = await signedIn();
    // 1. Killed with the publication in flight.
    const first = publishFromDraft(admin, RACE, 2026, 11).catch(() => null);
    await until(publishing, 'the publication request');
    await server!.kill();
    const answered = await first;
    const afterFirst = await november();
    mark(`killed in flight (${afterFirst.length ? 'published' : 'absent'})`);
    expect(afterFirst.length).toBe(answered?.status === 201 ? 1 : afterFirst.length);
    expect(afterFirst.length).toBeLessThanOrEqual(1);

    if (kind === 'postgres' && afterFirst.length === 0) {
      // 2. Killed inside the transaction: the bulletin row inserted, its audit event waiting for our lock.
      admin = await signedIn();
      const lock = new pg.Client({ connectionString: (database as { url: string }).url });
      await lock.connect();
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE audit_events IN EXCLUSIVE MODE');
      const second = publishFromDraft(admin, RACE, 2026, 11).catch(() => null);
      await until(async () => {
        const { rows } = await lock.query(
          "SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'audit_events' AND NOT l.granted",
        );
        return Number(rows[0].n) > 0;
      }, 'the publication to wait inside its transaction');
      const { rows: inserted } = await lock.query(
        "SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'bulletins' AND l.mode = 'RowExclusiveLock' AND l.granted",
      );
      expect(Number(inserted[0].n)).toBe(1);
      await server!.kill();
      await lock.query('ROLLBACK');
      await lock.end();
      expect((await second)?.status).not.toBe(201);
      expect(await november()).toEqual([]);
      mark('killed inside the transaction');
    }

    // 3. Killed just after the acknowledgement: the bulletin is there after the restart, as answered.
    // A publication answered 201 before the kill in (1) is held to its answer too.
    let acknowledged: { id: number; docNumber: string } | null = answered?.status === 201 ? answered.body : null;
    if (afterFirst.length === 0) {
      admin = await signedIn();
      const res = await publishFromDraft(admin, RACE, 2026, 11);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      acknowledged = res.body;
      await server!.kill();
      mark('killed after the acknowledgement');
    }
    const [bulletin] = await november();
    expect(bulletin).toBeDefined();
    admin = await signedIn();
    const stored = (await admin.get(`/api/v1/bulletins/${bulletin!.id}`)).body;
    // The same bulletin as answered (the files' digests are added when the bulletin is read).
    if (acknowledged) expect(stored).toMatchObject(acknowledged);
    await server!.stop();
    server = null;
  }, 120_000);
});
