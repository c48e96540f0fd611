import { sql } from 'kysely';
import { parseConfig, type Database } from '../src/server/config/config.ts';
import { openDb, type Db } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createServices } from '../src/server/services.ts';
import { ADMIN_PASSWORD } from '../test/support/factories.ts';
import { freshDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { generate, generateReports } from './projects.bench.ts';

/**
 * The county the load benchmark runs against: 兰溪市 set up, N projects spread over its townships
 * and streets, each with an annual plan (so each must report every month) and its approved reports
 * from January up to the month before the one being filed; the per-unit figures and the lights
 * computed, statistics fresh. The database stays until `drop`, for a server in another process.
 */
export interface LoadCounty {
  database: Database;
  drop: () => Promise<void>;
  /** The units directly below the county, with their projects' ids. */
  townships: { id: number; name: string; projectIds: number[] }[];
  /** The month being filed on the deadline day. */
  period: { year: number; month: number };
  seedMs: number;
}

/**
 * The deadline day: the 3rd of the current month at 09:00 in Asia/Shanghai (01:00 UTC), when the
 * previous month's reports are due (the default calendar, submitByDay 3). The clock runs on from there.
 */
export function deadlineDay(now = new Date()): { start: Date; period: { year: number; month: number } } {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const [y, m] = [local.getUTCFullYear(), local.getUTCMonth()];
  const start = new Date(Date.UTC(y, m, 3, 1, 0, 0));
  const prev = new Date(Date.UTC(y, m - 1, 1));
  return { start, period: { year: prev.getUTCFullYear(), month: prev.getUTCMonth() + 1 } };
}

/** The year so far: a plan and the approved reports of every month before the deadline's. */
const generateYearSoFar = (db: Db, period: { year: number; month: number }, at: string) =>
  generateReports(db, period.year, { months: period.month - 1, seed: 11, at });

export async function seedLoadCounty(kind: DatabaseKind, projects: number, clockStart: Date): Promise<LoadCounty> {
  const t0 = performance.now();
  const { period } = deadlineDay(clockStart);
  const fresh = await freshDatabase(kind);
  const config = { ...parseConfig({ LANTERN_WEB_DIR: '' }), database: fresh.database };
  const db = openDb(config.database);
  let seeded = false;
  try {
    await migrateToLatest(db);
    const services = createServices(db, config, () => clockStart);
    await services.setup.run({ regionCode: '330781', username: 'admin', password: ADMIN_PASSWORD });
    const units = await db.kysely
      .selectFrom('units')
      .select(['id', 'path', 'name'])
      .where('depth', '=', 1)
      .orderBy('id')
      .execute();
    await generate(db, projects, units, period.year);
    await generateYearSoFar(db, period, clockStart.toISOString());
    await services.stats.rebuild();
    await services.lights.recomputeAll();
    await sql`ANALYZE`.execute(db.kysely);
    const rows = await db.kysely.selectFrom('projects').select(['id', 'lead_unit_id']).orderBy('id').execute();
    const townships = units.map((u) => ({
      id: u.id,
      name: u.name,
      projectIds: rows.filter((r) => r.lead_unit_id === u.id).map((r) => r.id),
    }));
    seeded = true;
    return { database: fresh.database, drop: fresh.drop, townships, period, seedMs: performance.now() - t0 };
  } finally {
    // Closed before the server, in its own process, opens it.
    await db.close();
    if (!seeded) await fresh.drop();
  }
}
